package ru.marketplace.keycloak.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * An authorization-code login (PKCE S256) that a real browser walks: the URL to open, and the exchange of the
 * code the browser is finally redirected with, done as the client would do it on its side.
 */
public final class BrowserLogin {

    private final String keycloakBaseUrl;
    private final Shopper.AuthorizationRequest request;

    private BrowserLogin(String keycloakBaseUrl, Shopper.AuthorizationRequest request) {
        this.keycloakBaseUrl = keycloakBaseUrl;
        this.request = request;
    }

    public static BrowserLogin start(KeycloakServer keycloak, String realm, String clientId, String redirectUri) {
        return start(keycloak.baseUrl(), realm, clientId, redirectUri);
    }

    /** @param keycloakBaseUrl e.g. {@code http://127.0.0.1:38121} */
    public static BrowserLogin start(String keycloakBaseUrl, String realm, String clientId, String redirectUri) {
        return new BrowserLogin(keycloakBaseUrl, new Shopper.AuthorizationRequest(realm, clientId, redirectUri,
                Pkce.randomToken(), Pkce.randomToken(), Pkce.randomToken()));
    }

    public String redirectUri() {
        return request.redirectUri();
    }

    /** The authorization endpoint with this login's client, redirect, state, nonce and PKCE challenge. */
    public String url() {
        Map<String, String> params = Pkce.authorizationParams(request.clientId(), request.redirectUri(), "openid",
                request.state(), request.nonce(), request.codeVerifier());
        return realmUrl() + "/protocol/openid-connect/auth?" + Urls.form(params);
    }

    /** Whether {@code url} is this login's redirect URI, i.e. the browser has been sent back to the client. */
    public boolean isRedirectBack(String url) {
        return url != null && url.startsWith(request.redirectUri() + "?");
    }

    /**
     * Checks the redirect the browser ended on (this login's state, no error) and exchanges its code for tokens,
     * as the public client does.
     */
    public TokenResponse exchange(String redirectedTo) {
        if (!isRedirectBack(redirectedTo)) {
            throw new IllegalStateException("Not a redirect back to " + request.redirectUri() + ": " + redirectedTo);
        }
        Map<String, String> params = Urls.queryParams(URI.create(redirectedTo));
        if (params.containsKey("error") || !request.state().equals(params.get("state")) || params.get("code") == null) {
            throw new IllegalStateException("Unexpected redirect parameters: " + params);
        }
        Map<String, String> form = Pkce.tokenRequestParams(params.get("code"), request.redirectUri(), request.clientId(),
                request.codeVerifier());
        HttpRequest post = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Urls.form(form)))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = Json.parseLenient(response.body());
            return new TokenResponse(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String realmUrl() {
        return keycloakBaseUrl + "/realms/" + Urls.segment(request.realm());
    }
}
