package ru.marketplace.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ru.marketplace.keycloak.harness.AdminApi;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lets the realm's {@code storefront} client accept a storefront at another address than the exported
 * {@code http://localhost:3000} (the demo with {@code -Ddemo.store.port}, a test on a free port): Keycloak only
 * redirects to registered URIs, after login and after logout alike.
 */
public final class StorefrontRegistration {

    /** How Keycloak separates several post-logout redirect URIs in the client attribute. */
    private static final String URI_SEPARATOR = "##";

    private StorefrontRegistration() {
    }

    /** Adds {@code <baseUrl>/*} as redirect and post-logout URI and {@code baseUrl} as web origin, if missing. */
    public static void allow(AdminApi admin, String realm, String clientId, String baseUrl) {
        ObjectNode client = find(admin, realm, clientId);
        String pattern = baseUrl + "/*";
        addTo(client.withArrayProperty("redirectUris"), pattern);
        addTo(client.withArrayProperty("webOrigins"), baseUrl);
        ObjectNode attributes = client.withObjectProperty("attributes");
        Set<String> logoutUris = new LinkedHashSet<>();
        for (String uri : attributes.path("post.logout.redirect.uris").asText("").split(URI_SEPARATOR)) {
            if (!uri.isBlank()) {
                logoutUris.add(uri);
            }
        }
        logoutUris.add(pattern);
        attributes.put("post.logout.redirect.uris", String.join(URI_SEPARATOR, logoutUris));
        admin.put("/admin/realms/" + realm + "/clients/" + client.get("id").asText(), client)
                .requireSuccess("Registering " + baseUrl + " on client " + clientId);
    }

    /**
     * Adds one redirect URI (nothing else) to {@code clientId}, if missing: the demo's page standing in for the app's
     * custom-scheme redirect, which a desktop browser cannot open.
     */
    public static void allowRedirect(AdminApi admin, String realm, String clientId, String redirectUri) {
        ObjectNode client = find(admin, realm, clientId);
        addTo(client.withArrayProperty("redirectUris"), redirectUri);
        admin.put("/admin/realms/" + realm + "/clients/" + client.get("id").asText(), client)
                .requireSuccess("Registering " + redirectUri + " on client " + clientId);
    }

    private static ObjectNode find(AdminApi admin, String realm, String clientId) {
        JsonNode found = admin.get("/admin/realms/" + realm + "/clients?clientId=" + clientId)
                .requireSuccess("Finding client " + clientId).json();
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("Realm " + realm + " has no client " + clientId);
        }
        return (ObjectNode) found.get(0);
    }

    private static void addTo(ArrayNode values, String value) {
        for (JsonNode existing : values) {
            if (existing.asText().equals(value)) {
                return;
            }
        }
        values.add(value);
    }
}
