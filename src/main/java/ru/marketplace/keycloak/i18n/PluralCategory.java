package ru.marketplace.keycloak.i18n;

import java.util.Locale;

/**
 * The CLDR plural categories this project's languages use. A message with a counted noun has one
 * variant per category, keyed {@code base.one}, {@code base.few}, {@code base.many}, {@code base.other}.
 */
public enum PluralCategory {
    /** ru: 1, 21, 31, 101 …; en: exactly 1. */
    ONE,
    /** ru: 2–4, 22–24, 32–34 … (not 12–14). */
    FEW,
    /** ru: 0, 5–20, 25–30, 111 … */
    MANY,
    /** Everything else: en plural, and fractions in ru. */
    OTHER;

    /** The suffix of the message-key variant: {@code "one"}, {@code "few"}, {@code "many"} or {@code "other"}. */
    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
