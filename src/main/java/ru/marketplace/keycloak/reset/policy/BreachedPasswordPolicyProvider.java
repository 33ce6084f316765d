package ru.marketplace.keycloak.reset.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import ru.marketplace.keycloak.reset.policy.breach.BreachCheck;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilter;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilterFileException;
import ru.marketplace.keycloak.reset.policy.breach.BreachSettings;
import ru.marketplace.keycloak.reset.policy.breach.InvalidBreachSettingsException;

/**
 * The breached-password check as a Keycloak password policy. Keycloak returns only the first policy's refusal, so
 * in a realm that also uses {@code marketplacePassword} this provider stays silent and that policy puts the breach
 * into its one combined message ({@link #configuredCheck}); alone, it refuses by itself.
 */
public final class BreachedPasswordPolicyProvider implements PasswordPolicyProvider {

    private static final Logger LOG = Logger.getLogger(BreachedPasswordPolicyProvider.class);
    private static final Pattern REALM_UPDATE = Pattern.compile("admin/realms/[^/]+");

    private final KeycloakSession session;
    private final BreachedPasswordPolicyProviderFactory factory;

    BreachedPasswordPolicyProvider(KeycloakSession session, BreachedPasswordPolicyProviderFactory factory) {
        this.session = session;
        this.factory = factory;
    }

    /** The realm's breached-password check, empty when the realm does not use this policy. */
    static Optional<BreachCheck> configuredCheck(KeycloakSession session, RealmModel realm) {
        PasswordPolicy policy = realm == null ? null : realm.getPasswordPolicy();
        Object settings = policy == null ? null : policy.getPolicyConfig(BreachedPasswordPolicyProviderFactory.PROVIDER_ID);
        if (!(settings instanceof BreachSettings parsed)) {
            return Optional.empty();
        }
        var factory = (BreachedPasswordPolicyProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(PasswordPolicyProvider.class, BreachedPasswordPolicyProviderFactory.PROVIDER_ID);
        return Optional.of(factory.checkFor(parsed));
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        return validate(realm, password);
    }

    @Override
    public PolicyError validate(String username, String password) {
        return validate(session.getContext().getRealm(), password);
    }

    private PolicyError validate(RealmModel realm, String password) {
        if (MarketplacePasswordPolicyProvider.configuredRules(realm).isPresent()) {
            return null; // marketplacePassword names the breach in its combined message
        }
        Optional<BreachCheck> check = configuredCheck(session, realm);
        if (check.isEmpty()) {
            return null;
        }
        return switch (check.get().check(password)) {
            case NOT_LISTED -> null;
            case LISTED -> new PolicyError(PasswordMessages.BREACHED);
            case UNVERIFIED -> new PolicyError(PasswordMessages.BREACH_UNVERIFIED);
        };
    }

    /**
     * Validates the settings, and a configured file when an admin saves them: the admin console then shows what is
     * wrong with the file («Invalid config for marketplaceBreachedPassword: The breached-password file … is
     * truncated …»). Keycloak also parses the policy whenever it loads the realm; a file broken then must not make
     * the realm unusable, so it is only logged and the shipped list stands in ({@link BreachFilters}).
     */
    @Override
    public Object parseConfig(String value) {
        BreachSettings settings;
        try {
            settings = BreachSettings.parse(value);
        } catch (InvalidBreachSettingsException invalid) {
            throw new PasswordPolicyConfigException(invalid.getMessage());
        }
        if (settings.file() != null) {
            if (isAdminSaving()) {
                try {
                    BreachFilter filter = factory.filters().openNow(settings.file());
                    LOG.infof("Breached-password policy saved with %s", filter);
                } catch (BreachFilterFileException broken) {
                    throw new PasswordPolicyConfigException(broken.getMessage());
                }
            } else {
                factory.filters().forFile(settings.file()); // maps it now, or logs what is wrong
            }
        }
        return settings;
    }

    /**
     * The admin API saving a realm (PUT admin/realms/{realm}) or creating one (POST admin/realms), as opposed to
     * Keycloak loading the realm into its cache during any other request.
     */
    private boolean isAdminSaving() {
        try {
            var request = session.getContext().getHttpRequest();
            String method = request == null ? null : request.getHttpMethod();
            String path = session.getContext().getUri().getPath();
            if (method == null || path == null) {
                return false;
            }
            String relative = path.toLowerCase(Locale.ROOT).replaceFirst("^/", "").replaceFirst("/$", "");
            return (method.equals("PUT") && REALM_UPDATE.matcher(relative).matches())
                    || (method.equals("POST") && relative.equals("admin/realms"));
        } catch (RuntimeException noRequest) {
            return false;
        }
    }

    @Override
    public void close() {
        // nothing held per session
    }
}
