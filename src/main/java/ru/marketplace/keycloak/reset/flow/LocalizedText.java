package ru.marketplace.keycloak.reset.flow;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import ru.marketplace.keycloak.reset.i18n.PluralRules;

/**
 * Builds the localised fragments that go into messages as parameters ("42 минуты", "осталось 2 попытки"):
 * the plural form is chosen in Java because MessageFormat cannot express Russian plural rules, but every
 * word still comes from the theme's message bundle.
 */
final class LocalizedText {

    private final Locale locale;
    private final Properties messages;

    LocalizedText(Locale locale, Properties messages) {
        this.locale = locale;
        this.messages = messages;
    }

    Locale locale() {
        return locale;
    }

    /** The text of {@code key} in this language, or {@code null} when no bundle or realm override has it. */
    String message(String key) {
        return messages.getProperty(key);
    }

    /** {@code base.one|few|many|other} for {@code count}, formatted with the count. */
    String counted(String base, long count) {
        String key = PluralRules.forLocale(locale).keyFor(base, count);
        String pattern = messages.getProperty(key, messages.getProperty(base + ".other", key));
        return new MessageFormat(pattern, locale).format(new Object[] {count});
    }

    /** A wait as a person reads it: whole seconds under a minute, otherwise minutes rounded up. */
    String waitTime(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return counted(ResetMessages.SECONDS, seconds);
        }
        return counted(ResetMessages.MINUTES, (seconds + 59) / 60);
    }

    String minutes(Duration duration) {
        return counted(ResetMessages.MINUTES, Math.max(1, (duration.toSeconds() + 59) / 60));
    }
}
