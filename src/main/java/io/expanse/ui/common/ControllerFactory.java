package io.expanse.ui.common;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * The FXMLLoader controller factory: each controller class is registered with a supplier that calls its
 * constructor with everything it needs (constructor injection without a DI framework). An FXML file naming an
 * unregistered controller fails loudly.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

    public <T> ControllerFactory register(Class<T> type, Supplier<? extends T> supplier) {
        suppliers.put(type, supplier);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalArgumentException("Controller not registered: " + type.getName());
        }
        return supplier.get();
    }
}
