package ru.marketplace.keycloak.i18n;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The localised fragments that go into messages as parameters («42 минуты», «осталось 2 попытки»), for every flow's
 * screens and mails. The plural form is chosen in Java because MessageFormat cannot express Russian plural rules, by
 * the same {@link PluralRules#pickKey} the templates' {@code marketplace-plural.ftl} follows; every word still comes
 * from the theme's message bundle.
 */
public final class LocalizedText {

    /** {@code marketplaceMinutes.one|few|many|other}: «{0} минута», «{0} минуты», «{0} минут». */
    public static final String MINUTES = "marketplaceMinutes";
    /** {@code marketplaceSeconds.one|few|many|other}. */
    public static final String SECONDS = "marketplaceSeconds";

    private final Locale locale;
    private final Function<String, String> messages;

    /** @param messages the theme's message of a key in this language, or null when it has none */
    public LocalizedText(Locale locale, Function<String, String> messages) {
        this.locale = locale;
        this.messages = messages;
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} in this language, or {@code null} when no bundle or realm override has it. */
    public String message(String key) {
        return messages.apply(key);
    }

    /** The variant of {@code base} for {@code count} ({@link PluralRules#pickKey}), formatted with the count. */
    public String counted(String base, long count) {
        String key = PluralRules.forLocale(locale).pickKey(base, count, candidate -> messages.apply(candidate) != null);
        String pattern = messages.apply(key);
        return new MessageFormat(pattern == null ? key : pattern, locale).format(new Object[] {count});
    }

    /** A wait as a person reads it: whole seconds under a minute, otherwise minutes rounded up. */
    public String waitTime(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return counted(SECONDS, seconds);
        }
        return counted(MINUTES, (seconds + 59) / 60);
    }

    /** A duration in whole minutes, rounded up, at least one: a code's lifetime in a mail. */
    public String minutes(Duration duration) {
        return counted(MINUTES, Math.max(1, (duration.toSeconds() + 59) / 60));
    }
}
