package ru.marketplace.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import ru.marketplace.keycloak.harness.TokenResponse;

import java.time.Duration;
import java.time.Instant;

/**
 * The checks OpenID Connect Core §3.1.3.7 asks of a client before it trusts an ID token: issuer, audience, expiry
 * and the nonce of this login.
 *
 * <p>The signature is not verified, which §3.1.3.7 (6) allows for a token the client received straight from the
 * token endpoint over a connection it opened itself; a production client does that over TLS, or verifies the
 * signature against the realm's keys with an OIDC library.
 */
public final class IdTokenCheck {

    /** Clocks of the storefront and Keycloak may disagree a little. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private IdTokenCheck() {
    }

    /**
     * The token's claims, if they are meant for this client and this login.
     *
     * @throws OidcClient.OidcFailure naming the claim that does not fit
     */
    public static JsonNode claims(String idToken, String issuer, String clientId, String nonce, Instant now) {
        JsonNode claims;
        try {
            claims = TokenResponse.payloadOf(idToken);
        } catch (IllegalArgumentException e) {
            throw new OidcClient.OidcFailure("ID-токен не читается");
        }
        if (!issuer.equals(claims.path("iss").asText())) {
            throw new OidcClient.OidcFailure("ID-токен выдан не тем издателем: " + claims.path("iss").asText());
        }
        if (!audienceContains(claims.path("aud"), clientId)) {
            throw new OidcClient.OidcFailure("ID-токен выдан не для клиента " + clientId);
        }
        if (!nonce.equals(claims.path("nonce").asText())) {
            throw new OidcClient.OidcFailure("ID-токен относится к другому входу (nonce не совпадает)");
        }
        long expiresAt = claims.path("exp").asLong(0);
        if (Instant.ofEpochSecond(expiresAt).plus(CLOCK_SKEW).isBefore(now)) {
            throw new OidcClient.OidcFailure("Срок действия ID-токена истёк");
        }
        return claims;
    }

    private static boolean audienceContains(JsonNode aud, String clientId) {
        if (aud.isTextual()) {
            return aud.asText().equals(clientId);
        }
        for (JsonNode entry : aud) {
            if (entry.asText().equals(clientId)) {
                return true;
            }
        }
        return false;
    }
}
