package ru.marketplace.keycloak.verifyemail.action;

import java.util.List;
import java.util.stream.Stream;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;
import ru.marketplace.keycloak.console.ConsoleFields;
import ru.marketplace.keycloak.verifyemail.settings.VerifyEmailSettings;
import ru.marketplace.keycloak.spi.StatelessFactory;

/**
 * Registers {@link VerifyEmailCodeAction}: enable «Marketplace: verify e-mail with a code» and disable Keycloak's
 * «Verify Email» under Authentication → Required actions; its gear holds {@link VerifyEmailSettings#OPTIONS}, which
 * the console checks when they are saved.
 */
public final class VerifyEmailCodeActionFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    private static final VerifyEmailCodeAction SINGLETON = new VerifyEmailCodeAction();
    /** Keycloak's «Maximum Age of Authentication» (for a storefront's kc_action) first, then the code's options. */
    private static final List<ProviderConfigProperty> CONFIG = Stream.concat(MAX_AUTH_AGE_CONFIG_PROPERTIES.stream(),
            ConsoleFields.of(VerifyEmailSettings.OPTIONS).stream()).toList();

    @Override
    public String getId() {
        return VerifyEmailCodeAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Marketplace: verify e-mail with a code";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return CONFIG;
    }

    /** Unlike an authenticator's, a required action's settings can be refused when saved: a wrong value never lands. */
    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        RequiredActionFactory.super.validateConfig(session, realm, model);
        List<String> problems = VerifyEmailSettings.refusals(model.getConfig());
        if (!problems.isEmpty()) {
            throw new ValidationException(new ValidationError(getId(), "config", String.join("; ", problems)));
        }
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return SINGLETON;
    }
}
