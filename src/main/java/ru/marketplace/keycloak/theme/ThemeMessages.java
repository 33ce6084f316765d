package ru.marketplace.keycloak.theme;

import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * The realm's theme messages in one language, as every flow's screens and mails read them: the theme's bundles with
 * the realm's own overrides (the console's «Realm settings → Localization»). An unreadable theme is logged and reads
 * as empty, so a text shows its key instead of failing the shopper's request.
 */
public final class ThemeMessages {

    private static final Logger LOG = Logger.getLogger(ThemeMessages.class);

    private ThemeMessages() {
    }

    /** The login theme's messages (the hosted pages). {@code realm} may be null outside a realm's request. */
    public static Function<String, String> login(KeycloakSession session, RealmModel realm, Locale locale) {
        return of(session, Theme.Type.LOGIN, realm, locale);
    }

    /** The e-mail theme's messages. */
    public static Function<String, String> email(KeycloakSession session, RealmModel realm, Locale locale) {
        return of(session, Theme.Type.EMAIL, realm, locale);
    }

    private static Function<String, String> of(KeycloakSession session, Theme.Type type, RealmModel realm, Locale locale) {
        try {
            Theme theme = session.theme().getTheme(type);
            Properties messages = realm == null ? theme.getMessages(locale) : theme.getEnhancedMessages(realm, locale);
            return messages::getProperty;
        } catch (IOException unreadable) {
            LOG.warnf(unreadable, "Cannot read the %s theme's messages for %s: texts show their keys",
                    type.name().toLowerCase(Locale.ROOT), locale);
            return key -> null;
        }
    }
}
