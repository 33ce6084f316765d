package ru.marketplace.keycloak.reset.newpassword;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The realm's password rules as a sentence for the shopper, shown before they type. */
class PasswordRulesView {

    Optional<String> describe(KeycloakSession session, RealmModel realm, UserModel user) {
        return Optional.empty();
    }
}
