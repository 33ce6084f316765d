package ru.marketplace.keycloak.i18n;

import java.util.Locale;
import java.util.function.Function;

/**
 * The marketplace's name in the reader's language, wherever the brand appears: the sender on the code screen, the
 * From of the flow's mails, their brand bar and signature («Команда «Маркетплейс»» / "The Marketplace team").
 *
 * <p>Keycloak keeps one display name per realm and one sender name in its e-mail settings, so an English mail
 * would say "The Маркетплейс team". The name per language is the message {@value #MESSAGE_KEY}, set as a realm
 * override (Realm settings → Localization → Realm overrides; the realm export sets ru and en) or in a theme; without
 * it Keycloak's own settings apply as before.
 */
public final class BrandName {

    /** The message holding the brand in one language. */
    public static final String MESSAGE_KEY = "marketplaceBrandName";

    private BrandName() {
    }

    /**
     * The brand: the message {@value #MESSAGE_KEY}, else the realm's display name, else its name capitalised (as
     * Keycloak names a realm in its mails).
     *
     * @param messages the reader's messages (realm overrides included); {@code null} for a missing key
     */
    public static String of(Function<String, String> messages, String realmDisplayName, String realmName) {
        String localized = localized(messages);
        if (localized != null) {
            return localized;
        }
        if (realmDisplayName != null && !realmDisplayName.isBlank()) {
            return realmDisplayName;
        }
        return realmName == null || realmName.isEmpty() ? ""
                : realmName.substring(0, 1).toUpperCase(Locale.ROOT) + realmName.substring(1);
    }

    /**
     * The sender's display name: the brand in the reader's language when {@value #MESSAGE_KEY} is set, else the
     * realm's e-mail setting "From display name" ({@code null} when that is empty too: the address alone).
     */
    public static String sender(Function<String, String> messages, String configuredFromDisplayName) {
        String localized = localized(messages);
        if (localized != null) {
            return localized;
        }
        return configuredFromDisplayName == null || configuredFromDisplayName.isBlank() ? null : configuredFromDisplayName;
    }

    private static String localized(Function<String, String> messages) {
        String value = messages.apply(MESSAGE_KEY);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
