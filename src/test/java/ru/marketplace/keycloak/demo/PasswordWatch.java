package ru.marketplace.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import ru.marketplace.keycloak.harness.AdminApi;

/**
 * Tells whether the demo shopper's password is still the one the demo created: Keycloak stores a new password
 * credential (a new id) on every change, so the id seen at start is compared with the current one.
 */
record PasswordWatch(AdminApi admin, String path, String initialCredentialId) {

    static PasswordWatch start(AdminApi admin, String realm, String userId) {
        String path = "/admin/realms/" + realm + "/users/" + userId + "/credentials";
        return new PasswordWatch(admin, path, passwordCredentialId(admin, path));
    }

    /** Whether the password changed since the start; {@code false} when Keycloak cannot be asked. */
    boolean changed() {
        try {
            String current = passwordCredentialId(admin, path);
            return current != null && !current.equals(initialCredentialId);
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    private static String passwordCredentialId(AdminApi admin, String path) {
        for (JsonNode credential : admin.get(path).requireSuccess("Reading the demo shopper's credentials").json()) {
            if ("password".equals(credential.path("type").asText())) {
                return credential.path("id").asText();
            }
        }
        return null;
    }
}
