package ru.marketplace.keycloak.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keycloak's admin REST API, called as the master realm's admin through {@code admin-cli}.
 * Thread-safe; the access token is renewed shortly before it expires (master's default lifespan is 60 s).
 *
 * <p>Paths are relative to the server, e.g. {@code get("/admin/realms/marketplace/users?max=5")}.
 */
public final class AdminApi {

    /** Renew this long before expiry, so that a slow request never travels with a token that dies on the way. */
    private static final Duration RENEW_MARGIN = Duration.ofSeconds(15);

    private final String baseUrl;
    private final String username;
    private final String password;
    private final HttpClient http;

    private String accessToken;
    private Instant accessTokenExpiry = Instant.EPOCH;
    private String refreshToken;
    private Instant refreshTokenExpiry = Instant.EPOCH;

    public AdminApi(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.username = username;
        this.password = password;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static AdminApi connect(KeycloakServer keycloak) {
        return new AdminApi(keycloak.baseUrl(), keycloak.adminUsername(), keycloak.adminPassword());
    }

    // --- generic calls -----------------------------------------------------------------------------------------

    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    /** {@code body}: a {@link JsonNode}, a Map/record Jackson can write, or a string that already is JSON. */
    public ApiResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    // --- realms and server -------------------------------------------------------------------------------------

    public JsonNode serverInfo() {
        return get("/admin/serverinfo").requireSuccess("Reading server info").json();
    }

    public List<String> realmNames() {
        return Json.elements(get("/admin/realms?briefRepresentation=true").requireSuccess("Listing realms").json())
                .stream().map(realm -> realm.path("realm").asText()).toList();
    }

    public JsonNode realm(String realm) {
        return get(realmPath(realm)).requireSuccess("Reading realm " + realm).json();
    }

    /** Reads the realm, overwrites the given top-level fields, writes it back. */
    public void updateRealm(String realm, Map<String, ?> changes) {
        ObjectNode representation = (ObjectNode) realm(realm);
        changes.forEach((field, value) -> representation.set(field, Json.MAPPER.valueToTree(value)));
        put(realmPath(realm), representation).requireSuccess("Updating realm " + realm + " with " + changes.keySet());
    }

    // --- users -------------------------------------------------------------------------------------------------

    /**
     * Creates an enabled user with a non-temporary password; e-mail not verified. First and last name matter:
     * without them the default user profile sends the first login to an "update your profile" page.
     *
     * @param password {@code null} for a user without a password credential
     * @return the new user's id
     */
    public String createUser(String realm, String username, String email, String password,
                             String firstName, String lastName) {
        ObjectNode user = Json.object()
                .put("username", username)
                .put("email", email)
                .put("firstName", firstName)
                .put("lastName", lastName)
                .put("enabled", true)
                .put("emailVerified", false);
        if (password != null) {
            user.putArray("credentials").add(passwordCredential(password, false));
        }
        return post(realmPath(realm) + "/users", user)
                .requireSuccess("Creating user " + username + " in " + realm).createdId();
    }

    public JsonNode user(String realm, String userId) {
        return get(userPath(realm, userId)).requireSuccess("Reading user " + userId).json();
    }

    /** The user whose e-mail is exactly {@code email} (Keycloak compares case-insensitively). */
    public Optional<JsonNode> findUserByEmail(String realm, String email) {
        JsonNode users = get(realmPath(realm) + "/users?exact=true&email=" + Urls.encode(email))
                .requireSuccess("Searching users by e-mail in " + realm).json();
        return Json.elements(users).stream()
                .filter(u -> u.path("email").asText().equalsIgnoreCase(email))
                .findFirst();
    }

    public void setUserEnabled(String realm, String userId, boolean enabled) {
        // the whole representation goes back: a partial one may drop attributes under the user profile
        ObjectNode user = (ObjectNode) user(realm, userId);
        user.put("enabled", enabled);
        put(userPath(realm, userId), user).requireSuccess("Setting enabled=" + enabled + " on user " + userId);
    }

    public void deleteUser(String realm, String userId) {
        delete(userPath(realm, userId)).requireSuccess("Deleting user " + userId);
    }

    /**
     * Sets a password as an administrator would. Returned, not thrown: a password policy refusal is a 400
     * whose {@link ApiResponse#errorMessage()} names the policy's message.
     */
    public ApiResponse resetPassword(String realm, String userId, String password, boolean temporary) {
        return put(userPath(realm, userId) + "/reset-password", passwordCredential(password, temporary));
    }

    public List<JsonNode> userSessions(String realm, String userId) {
        return Json.elements(get(userPath(realm, userId) + "/sessions")
                .requireSuccess("Reading sessions of user " + userId).json());
    }

    // --- events ------------------------------------------------------------------------------------------------

    /** Stored login events, newest first, optionally only the given types (e.g. "RESET_PASSWORD"). */
    public List<JsonNode> events(String realm, String... types) {
        StringBuilder query = new StringBuilder("?max=1000");
        for (String type : types) {
            query.append("&type=").append(Urls.encode(type));
        }
        return Json.elements(get(realmPath(realm) + "/events" + query)
                .requireSuccess("Reading events of " + realm).json());
    }

    public void clearEvents(String realm) {
        delete(realmPath(realm) + "/events").requireSuccess("Clearing events of " + realm);
    }

    // --- authentication flows ----------------------------------------------------------------------------------

    /** Every execution of the flow, sub-flows included (flattened, with "level" and "index"). */
    public List<JsonNode> flowExecutions(String realm, String flowAlias) {
        return Json.elements(get(flowPath(realm, flowAlias) + "/executions")
                .requireSuccess("Reading executions of flow '" + flowAlias + "' in " + realm).json());
    }

    /**
     * Merges {@code config} into the configuration of the one execution of {@code flowAlias} whose provider is
     * {@code providerId}, creating the configuration if the execution has none yet. Masked values read back
     * ({@code **********}) are sent unchanged, which Keycloak treats as "keep the stored value".
     */
    public void updateExecutionConfig(String realm, String flowAlias, String providerId, Map<String, String> config) {
        List<JsonNode> matches = flowExecutions(realm, flowAlias).stream()
                .filter(execution -> providerId.equals(execution.path("providerId").asText()))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalStateException("Expected exactly one execution of provider '" + providerId
                    + "' in flow '" + flowAlias + "' of realm " + realm + ", found " + matches.size());
        }
        JsonNode execution = matches.get(0);
        String configId = execution.path("authenticationConfig").asText("");
        if (!configId.isEmpty()) {
            String path = realmPath(realm) + "/authentication/config/" + Urls.segment(configId);
            ObjectNode current = (ObjectNode) get(path).requireSuccess("Reading authenticator config " + configId).json();
            ObjectNode merged = current.get("config") instanceof ObjectNode existing
                    ? existing : current.putObject("config");
            config.forEach(merged::put);
            put(path, current).requireSuccess("Updating authenticator config " + configId);
        } else {
            ObjectNode created = Json.object().put("alias", providerId + "-" + UUID.randomUUID());
            ObjectNode values = created.putObject("config");
            config.forEach(values::put);
            post(realmPath(realm) + "/authentication/executions/" + Urls.segment(execution.path("id").asText())
                    + "/config", created).requireSuccess("Creating config for execution " + providerId);
        }
    }

    /**
     * The configuration map of that execution ({@code {}} when it has none). Keycloak masks ({@code **********})
     * the value of every key that no authenticator declares as a non-secret config property.
     */
    public Map<String, String> executionConfig(String realm, String flowAlias, String providerId) {
        Optional<JsonNode> execution = flowExecutions(realm, flowAlias).stream()
                .filter(e -> providerId.equals(e.path("providerId").asText()))
                .findFirst();
        String configId = execution.map(e -> e.path("authenticationConfig").asText("")).orElse("");
        Map<String, String> values = new LinkedHashMap<>();
        if (!configId.isEmpty()) {
            get(realmPath(realm) + "/authentication/config/" + Urls.segment(configId))
                    .requireSuccess("Reading authenticator config " + configId)
                    .json().path("config").properties()
                    .forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        }
        return values;
    }

    // --- plumbing ----------------------------------------------------------------------------------------------

    private static ObjectNode passwordCredential(String password, boolean temporary) {
        return Json.object().put("type", "password").put("value", password).put("temporary", temporary);
    }

    private static String realmPath(String realm) {
        return "/admin/realms/" + Urls.segment(realm);
    }

    private static String userPath(String realm, String userId) {
        return realmPath(realm) + "/users/" + Urls.segment(userId);
    }

    private static String flowPath(String realm, String flowAlias) {
        return realmPath(realm) + "/authentication/flows/" + Urls.segment(flowAlias);
    }

    private ApiResponse send(String method, String path, Object body) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Path must start with '/': " + path);
        }
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = exchange(request.build());
        return new ApiResponse(method, path, response.statusCode(), response.body(),
                Json.parseLenient(response.body()), response.headers());
    }

    private synchronized String accessToken() {
        Instant now = Instant.now();
        if (accessToken != null && now.isBefore(accessTokenExpiry.minus(RENEW_MARGIN))) {
            return accessToken;
        }
        ApiResponse tokens = null;
        if (refreshToken != null && now.isBefore(refreshTokenExpiry.minus(RENEW_MARGIN))) {
            tokens = tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        }
        if (tokens == null || !tokens.isSuccess()) {
            tokens = tokenRequest(Map.of("grant_type", "password", "username", username, "password", password));
        }
        tokens.requireSuccess("Admin login as '" + username + "' through admin-cli");
        JsonNode json = tokens.json();
        accessToken = json.path("access_token").asText();
        accessTokenExpiry = now.plusSeconds(json.path("expires_in").asLong(60));
        refreshToken = json.path("refresh_token").asText(null);
        refreshTokenExpiry = now.plusSeconds(json.path("refresh_expires_in").asLong(0));
        return accessToken;
    }

    private ApiResponse tokenRequest(Map<String, String> grant) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_id", "admin-cli");
        String path = "/realms/master/protocol/openid-connect/token";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Urls.form(form)))
                .build();
        HttpResponse<String> response = exchange(request);
        return new ApiResponse("POST", path, response.statusCode(), response.body(),
                Json.parseLenient(response.body()), response.headers());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.method() + " " + request.uri(), e);
        }
    }
}
