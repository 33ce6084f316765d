package ru.marketplace.keycloak.reset.flow;

import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import ru.marketplace.keycloak.console.ConsoleFields;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;
import ru.marketplace.keycloak.spi.StatelessFactory;

/** Registers {@link EmailCodeAuthenticator}; its console fields come from {@link ResetCodeSettings#OPTIONS}. */
public final class EmailCodeAuthenticatorFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    public static final String PROVIDER_ID = "marketplace-email-code-reset";

    private static final EmailCodeAuthenticator SINGLETON = new EmailCodeAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };
    private static final List<ProviderConfigProperty> CONFIG = ConsoleFields.of(ResetCodeSettings.OPTIONS);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Marketplace: reset by e-mail code";
    }

    @Override
    public String getHelpText() {
        return "Password recovery for the reset-credentials flow: asks for the account e-mail, sends a one-time numeric code, "
                + "checks it and then asks for a new password. Replaces 'Choose User' and 'Send Reset Email'.";
    }

    @Override
    public String getReferenceCategory() {
        // deliberately none: reset-code failures must never count as password failures
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }
}
