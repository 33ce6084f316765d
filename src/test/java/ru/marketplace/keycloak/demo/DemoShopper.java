package ru.marketplace.keycloak.demo;

import ru.marketplace.keycloak.harness.AdminApi;

import java.util.List;
import java.util.Map;

/**
 * The shopper the demo creates, so there is someone to sign in as and to reset. The password satisfies the realm's
 * policy (8–20 characters, a digit, two capitals, two small letters); the e-mail is verified and the names are set,
 * so the first login goes straight back to the storefront.
 */
public record DemoShopper(String username, String email, String password, String firstName, String lastName) {

    public static final DemoShopper ANNA =
            new DemoShopper("anna", "anna@pokupatel.example", "Vesna-2025-OK", "Анна", "Покупкина");

    /** Creates the account in {@code realm}; returns its id. */
    public String create(AdminApi admin, String realm) {
        Map<String, Object> user = Map.of(
                "username", username,
                "email", email,
                "firstName", firstName,
                "lastName", lastName,
                "enabled", true,
                "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        return admin.post("/admin/realms/" + realm + "/users", user)
                .requireSuccess("Creating the demo shopper " + email).createdId();
    }
}
