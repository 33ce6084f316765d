package ru.marketplace.keycloak.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The token endpoint's answer to an authorization-code exchange.
 *
 * @param json the whole body ({@code error} / {@code error_description} when the exchange was refused)
 */
public record TokenResponse(int status, JsonNode json) {

    public boolean isSuccess() {
        return status == 200 && json.hasNonNull("access_token");
    }

    public String accessToken() {
        return json.path("access_token").asText(null);
    }

    public String idToken() {
        return json.path("id_token").asText(null);
    }

    public String refreshToken() {
        return json.path("refresh_token").asText(null);
    }

    /** e.g. {@code invalid_grant}; {@code null} on success. */
    public String error() {
        return json.path("error").asText(null);
    }

    /** The id token's claims, decoded but NOT verified (fine for tests talking to their own server). */
    public JsonNode idTokenClaims() {
        return payloadOf(idToken());
    }

    /** The access token's claims, decoded but NOT verified. */
    public JsonNode accessTokenClaims() {
        return payloadOf(accessToken());
    }

    /** The middle part of a JWS, base64url-decoded and parsed; {@code MissingNode} for {@code null}. */
    public static JsonNode payloadOf(String jwt) {
        if (jwt == null) {
            return MissingNode.getInstance();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT: " + jwt);
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return Json.parseLenient(payload);
    }

    @Override
    public String toString() {
        return "TokenResponse[" + status + (isSuccess() ? " tokens" : " " + json) + "]";
    }
}
