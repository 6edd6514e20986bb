package io.expanse.ui.common;

import io.expanse.text.Texts;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The details of an error, beside its plain sentence: hidden behind a "Details" link, then shown as selectable text
 * (the service's code, the HTTP status, the request id) with a button that copies them, for a ticket or a search.
 * Shows nothing while there are no details.
 */
public final class ErrorDetails extends HBox {

    private final StringProperty details = new SimpleStringProperty(this, "details");
    private final Hyperlink toggle = new Hyperlink(Texts.get("error.details.show"));
    private final TextField text = new TextField();
    private final Button copy = new Button(Texts.get("error.details.copy"));

    public ErrorDetails() {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("error-details");
        toggle.setId("errorDetailsToggle");
        toggle.setAccessibleText(Texts.get("error.details.show.a11y"));
        toggle.setMinWidth(USE_PREF_SIZE);
        text.setId("errorDetailsText");
        text.setEditable(false);
        text.setAccessibleText(Texts.get("error.details.text.a11y"));
        text.getStyleClass().add("error-details-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        copy.setId("errorDetailsCopy");
        copy.setAccessibleText(Texts.get("error.details.copy.a11y"));
        copy.setMinWidth(USE_PREF_SIZE);
        copy.getStyleClass().add("small");
        toggle.setOnAction(e -> expand(!text.isVisible()));
        copy.setOnAction(e -> {
            Clipboards.putText(text.getText());
        });
        getChildren().addAll(toggle, text, copy);
        details.addListener((o, a, b) -> show(b));
        show(null);
    }

    /** The details to offer (e.g. "APIGW.0301, HTTP 401, request 1a2b…"); null or blank shows nothing. */
    public StringProperty detailsProperty() {
        return details;
    }

    private void show(String value) {
        boolean any = value != null && !value.isBlank();
        setVisible(any);
        setManaged(any);
        text.setText(any ? value : "");
        expand(false);
    }

    private void expand(boolean open) {
        text.setVisible(open);
        text.setManaged(open);
        copy.setVisible(open);
        copy.setManaged(open);
        toggle.setText(Texts.get(open ? "error.details.hide" : "error.details.show"));
    }
}
