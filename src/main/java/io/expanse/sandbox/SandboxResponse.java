package io.expanse.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One HTTP answer of the sandbox; a null body means no content; {@code headers} are added to the answer. */
record SandboxResponse(int status, JsonNode body, Map<String, String> headers) {

    SandboxResponse {
        headers = Map.copyOf(headers);
    }

    SandboxResponse(int status, JsonNode body) {
        this(status, body, Map.of());
    }
}
