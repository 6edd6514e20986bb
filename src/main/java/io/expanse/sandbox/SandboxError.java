package io.expanse.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer of the simulated cloud, in the body shape of the layer that produces it.
 */
public final class SandboxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Which layer answers: the service itself, the API gateway in front of it, or the billing service. Each
     * words its error body differently, and clients must read all of them.
     */
    public enum Shape {
        /** {@code {"error":{"message","code"}}}: EVS and ECS v1. */
        SERVICE,
        /** {@code {"error_msg","error_code","request_id"}}: the API gateway. */
        GATEWAY,
        /** {@code {"error_code","error_msg"}}: BSS. */
        BSS,
        /** {@code {"itemNotFound":{"message","code":404}}}: Nova. */
        NOVA,
        /** {@code {"badRequest":{"message","code":400}}}: Nova. */
        NOVA_BAD_REQUEST
    }

    private final int httpStatus;
    private final String code;
    private final Shape shape;
    private long retryAfterSeconds = -1;

    private SandboxError(int httpStatus, String code, String message, Shape shape) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.shape = shape;
    }

    public static SandboxError evs(int httpStatus, String code, String message) {
        return new SandboxError(httpStatus, code, message, Shape.SERVICE);
    }

    public static SandboxError gateway(int httpStatus, String code, String message) {
        return new SandboxError(httpStatus, code, message, Shape.GATEWAY);
    }

    public static SandboxError bss(String code, String message) {
        return new SandboxError(400, code, message, Shape.BSS);
    }

    public static SandboxError novaNotFound(String message) {
        return new SandboxError(404, "404", message, Shape.NOVA);
    }

    public static SandboxError novaBadRequest(String message) {
        return new SandboxError(400, "400", message, Shape.NOVA_BAD_REQUEST);
    }

    /** The same error answered with a {@code Retry-After} of {@code seconds}. */
    public SandboxError retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** The {@code Retry-After} in seconds, or -1 when the answer carries none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public Shape shape() {
        return shape;
    }

    /** The JSON body; {@code requestId} appears only where the real layer puts it. */
    public ObjectNode body(String requestId) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        switch (shape) {
            case SERVICE -> root.putObject("error").put("message", getMessage()).put("code", code);
            case GATEWAY -> root.put("error_msg", getMessage()).put("error_code", code).put("request_id", requestId);
            case BSS -> root.put("error_code", code).put("error_msg", getMessage());
            case NOVA -> root.putObject("itemNotFound").put("message", getMessage()).put("code", httpStatus);
            case NOVA_BAD_REQUEST -> root.putObject("badRequest").put("message", getMessage()).put("code", httpStatus);
            default -> throw new IllegalStateException(shape.name());
        }
        return root;
    }
}
