package io.expanse.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** One HTTP answer of the sandbox; a null body means no content. */
record SandboxResponse(int status, JsonNode body) {
}
