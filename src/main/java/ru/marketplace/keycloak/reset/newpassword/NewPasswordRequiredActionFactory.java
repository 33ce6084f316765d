package ru.marketplace.keycloak.reset.newpassword;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import ru.marketplace.keycloak.spi.StatelessFactory;

/** Registers {@link NewPasswordRequiredAction}; enable it under Authentication → Required actions. */
public final class NewPasswordRequiredActionFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    private static final NewPasswordRequiredAction SINGLETON = new NewPasswordRequiredAction(new PasswordRulesView());

    @Override
    public String getId() {
        return NewPasswordRequiredAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Marketplace: choose a new password (after e-mail code)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }
}
