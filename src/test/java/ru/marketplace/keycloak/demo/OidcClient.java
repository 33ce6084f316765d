package ru.marketplace.keycloak.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.marketplace.keycloak.harness.Pkce;
import ru.marketplace.keycloak.harness.Urls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The storefront's side of OpenID Connect for a public client: endpoints from the realm's discovery document,
 * the authorization URL with PKCE S256, the code exchange on the back channel, the end-session URL.
 */
public final class OidcClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String clientId;
    private final String redirectUri;
    private final String issuer;
    private final String authorizationEndpoint;
    private final String tokenEndpoint;
    private final String endSessionEndpoint;
    private final HttpClient http;

    private OidcClient(String clientId, String redirectUri, JsonNode discovery, HttpClient http) {
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.issuer = required(discovery, "issuer");
        this.authorizationEndpoint = required(discovery, "authorization_endpoint");
        this.tokenEndpoint = required(discovery, "token_endpoint");
        this.endSessionEndpoint = required(discovery, "end_session_endpoint");
        this.http = http;
    }

    /**
     * Reads {@code <realmUrl>/.well-known/openid-configuration}. The realm URL must be the one browsers use
     * ({@code http://localhost:8080/realms/marketplace}): Keycloak derives the issuer from it.
     */
    public static OidcClient discover(String realmUrl, String clientId, String redirectUri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        URI uri = URI.create(realmUrl + "/.well-known/openid-configuration");
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " for " + uri);
        }
        return new OidcClient(clientId, redirectUri, parse(response.body()), http);
    }

    /** From a discovery document already read (tests give one without a server). */
    static OidcClient fromDiscovery(JsonNode discovery, String clientId, String redirectUri) {
        return new OidcClient(clientId, redirectUri, discovery,
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** Where to send the browser to sign in: code flow, PKCE S256, with the login's state and nonce. */
    public String authorizationUrl(PendingLogin login) {
        return authorizationEndpoint + "?" + Urls.form(params(login));
    }

    /**
     * The same login, opening on the registration form ({@code prompt=create}, OpenID Connect's initiating user
     * registration): after «Подтвердите адрес почты» the browser comes back with a code as from a sign-in.
     */
    public String registrationUrl(PendingLogin login) {
        Map<String, String> params = new java.util.LinkedHashMap<>(params(login));
        params.put("prompt", "create");
        return authorizationEndpoint + "?" + Urls.form(params);
    }

    private Map<String, String> params(PendingLogin login) {
        return Pkce.authorizationParams(clientId, redirectUri, "openid profile email",
                login.state(), login.nonce(), login.codeVerifier());
    }

    /**
     * Trades the code for tokens, server to server (the verifier proves this is the client that started the
     * login). Returns the token endpoint's JSON.
     *
     * @throws OidcFailure with Keycloak's {@code error_description} when it refuses
     */
    public JsonNode exchangeCode(String code, PendingLogin login) {
        Map<String, String> form = Pkce.tokenRequestParams(code, redirectUri, clientId, login.codeVerifier());
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Urls.form(form), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(http, request);
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || !body.hasNonNull("id_token")) {
            String error = body.path("error").asText("HTTP " + response.statusCode());
            String description = body.hasNonNull("error_description")
                    ? " — " + body.get("error_description").asText() : "";
            throw new OidcFailure("Keycloak не выдал токены: " + error + description);
        }
        return body;
    }

    /** RP-initiated logout: Keycloak ends the session and returns the browser to {@code postLogoutRedirectUri}. */
    public String endSessionUrl(String idToken, String postLogoutRedirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("id_token_hint", idToken);
        params.put("post_logout_redirect_uri", postLogoutRedirectUri);
        return endSessionEndpoint + "?" + Urls.form(params);
    }

    private static String required(JsonNode discovery, String field) {
        String value = discovery.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalStateException("The discovery document has no " + field);
        }
        return value;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JsonProcessingException e) {
            throw new OidcFailure("Keycloak ответил не JSON: " + body.substring(0, Math.min(200, body.length())));
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OidcFailure("Keycloak недоступен (" + request.uri().getHost() + ":" + request.uri().getPort()
                    + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcFailure("Прервано: " + request.uri());
        }
    }

    /** Keycloak refused or could not be reached; the message is shown to the person at the storefront. */
    public static final class OidcFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OidcFailure(String message) {
            super(message);
        }
    }
}
