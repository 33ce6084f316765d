package ru.marketplace.keycloak.reset.flow;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import ru.marketplace.keycloak.code.limits.StoreKeys;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;
import ru.marketplace.keycloak.reset.settings.ResetKeys;

/**
 * The reset step's settings for one request, read from the execution's ⚙. Keycloak cannot validate an authenticator's
 * settings when they are saved, so a wrong value falls back to its default and is logged: once an hour per wrong
 * configuration for the whole cluster (the claim is in the shared store), which keeps the log readable.
 */
final class ResetStepSettings {

    private static final Logger LOG = Logger.getLogger(ResetStepSettings.class);
    private static final long REPORT_INTERVAL_SECONDS = 3600;

    private ResetStepSettings() {
    }

    static ResetCodeSettings of(KeycloakSession session, AuthenticatorConfigModel config) {
        ResetCodeSettings settings = ResetCodeSettings.parse(config == null ? null : config.getConfig());
        if (!settings.problems().isEmpty() && firstReportThisHour(session, config, settings.problems())) {
            LOG.warnf("Marketplace reset settings '%s' have invalid values, defaults used (reported again in an hour "
                    + "if still wrong): %s", config.getAlias(), String.join("; ", settings.problems()));
        }
        return settings;
    }

    private static boolean firstReportThisHour(KeycloakSession session, AuthenticatorConfigModel config, List<String> problems) {
        String key = ResetKeys.STORE_NAMESPACE + StoreKeys.of("settings-reported", config.getId() + "\n" + String.join("\n", problems));
        return session.getProvider(SingleUseObjectProvider.class).putIfAbsent(key, REPORT_INTERVAL_SECONDS);
    }
}
