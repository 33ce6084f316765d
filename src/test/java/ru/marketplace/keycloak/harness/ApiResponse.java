package ru.marketplace.keycloak.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * What an admin REST call answered. Non-2xx answers are returned, not thrown, so tests can assert on refusals
 * (e.g. a password policy error); use {@link #requireSuccess(String)} where a failure is a broken test setup.
 *
 * @param json the parsed body; {@code MissingNode} when the body is empty or not JSON
 */
public record ApiResponse(String method, String path, int status, String body, JsonNode json, HttpHeaders headers) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Returns this response if it is 2xx, otherwise throws with the method, path, status and body. */
    public ApiResponse requireSuccess(String whatWasAttempted) {
        if (!isSuccess()) {
            throw new IllegalStateException(whatWasAttempted + " failed: " + this);
        }
        return this;
    }

    public Optional<String> location() {
        return headers.firstValue("Location");
    }

    /** The last path segment of {@code Location}, i.e. the id of what a POST created. */
    public String createdId() {
        String location = location().orElseThrow(() -> new IllegalStateException("No Location header: " + this));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The {@code errorMessage} / {@code error_description} / {@code error} Keycloak put in the body, or "". */
    public String errorMessage() {
        for (String field : new String[]{"errorMessage", "error_description", "error"}) {
            if (json.hasNonNull(field)) {
                return json.get(field).asText();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        String shortBody = body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
        return method + " " + path + " → " + status + " " + shortBody;
    }
}
