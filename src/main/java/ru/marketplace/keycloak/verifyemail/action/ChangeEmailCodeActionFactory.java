package ru.marketplace.keycloak.verifyemail.action;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import ru.marketplace.keycloak.spi.StatelessFactory;

/**
 * Registers {@link ChangeEmailCodeAction} under Keycloak's own id UPDATE_EMAIL: Keycloak prefers a deployed factory
 * to its built-in one of the same id, so «Update Email» in Authentication → Required actions is this action. Its code
 * settings are those of «Marketplace: verify e-mail with a code»; its gear keeps Keycloak's «Maximum Age of
 * Authentication», which the account console's change honours.
 */
public final class ChangeEmailCodeActionFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    private static final ChangeEmailCodeAction SINGLETON = new ChangeEmailCodeAction();

    @Override
    public String getId() {
        return ChangeEmailCodeAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Update Email (Marketplace: confirmed by a code to the new address)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }
}
