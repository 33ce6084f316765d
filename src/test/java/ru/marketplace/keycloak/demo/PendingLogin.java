package ru.marketplace.keycloak.demo;

import ru.marketplace.keycloak.harness.Pkce;

import java.time.Instant;

/**
 * A login the storefront started and has not finished: kept in the browser's session until Keycloak sends the
 * browser back with the same {@code state}.
 *
 * @param state        ties the callback to this browser (CSRF protection of the redirect)
 * @param nonce        ties the ID token to this login (replay protection)
 * @param codeVerifier the PKCE secret whose hash went with the authorization request
 */
public record PendingLogin(String state, String nonce, String codeVerifier, Instant startedAt) {

    public static PendingLogin fresh(Instant now) {
        return new PendingLogin(Pkce.randomToken(), Pkce.randomToken(), Pkce.randomToken(), now);
    }
}
