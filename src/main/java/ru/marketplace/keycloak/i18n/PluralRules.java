package ru.marketplace.keycloak.i18n;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Chooses the plural form of a counted word, because {@link java.text.MessageFormat}'s {@code choice} format
 * cannot express Russian: «1 минуту, 2 минуты, 5 минут, 21 минуту, 22 минуты, 25 минут, 111 минут».
 *
 * <p>The words themselves stay in the message bundles; this class only picks which variant of a key to use:
 * <pre>
 * marketplaceMinutes.one={0} минуту      marketplaceMinutes.one={0} minute
 * marketplaceMinutes.few={0} минуты      marketplaceMinutes.other={0} minutes
 * marketplaceMinutes.many={0} минут
 * </pre>
 * Rules (CLDR, integers only):
 * <ul>
 *   <li>Russian, Ukrainian, Belarusian: {@code one} when n mod 10 = 1 and n mod 100 ≠ 11; {@code few} when
 *       n mod 10 is 2–4 and n mod 100 is not 12–14; {@code many} otherwise.</li>
 *   <li>Every other language: {@code one} for 1, {@code other} otherwise (English, German, Spanish, …).</li>
 * </ul>
 * Negative numbers take the form of their absolute value. Instances are immutable and shared.
 */
public final class PluralRules {

    private static final PluralRules EAST_SLAVIC = new PluralRules(true);
    private static final PluralRules ONE_OTHER = new PluralRules(false);

    private final boolean eastSlavic;

    private PluralRules(boolean eastSlavic) {
        this.eastSlavic = eastSlavic;
    }

    /** The rules of the locale's language; {@code null} means the one/other rules. */
    public static PluralRules forLocale(Locale locale) {
        if (locale == null) {
            return ONE_OTHER;
        }
        return switch (locale.getLanguage()) {
            case "ru", "uk", "be" -> EAST_SLAVIC;
            default -> ONE_OTHER;
        };
    }

    /** The plural category of {@code n}. */
    public PluralCategory categoryOf(long n) {
        long abs = n == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(n);
        if (!eastSlavic) {
            return abs == 1 ? PluralCategory.ONE : PluralCategory.OTHER;
        }
        long mod10 = abs % 10;
        long mod100 = abs % 100;
        if (mod10 == 1 && mod100 != 11) {
            return PluralCategory.ONE;
        }
        if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
            return PluralCategory.FEW;
        }
        return PluralCategory.MANY;
    }

    /** {@code baseKey + "." + category}, e.g. {@code marketplaceMinutes.few} for 3 in Russian. */
    public String keyFor(String baseKey, long n) {
        return baseKey + "." + categoryOf(n).suffix();
    }

    /**
     * The most specific variant of {@code baseKey} the bundle has for {@code n}, trying in turn:
     * <ol>
     *   <li>{@code baseKey.<n>}: an exact-number variant, for wording a rule cannot give
     *       («одну цифру» rather than «1 цифру»);</li>
     *   <li>{@code baseKey.<category>} ({@link #keyFor});</li>
     *   <li>{@code baseKey.other};</li>
     *   <li>{@code baseKey} itself, returned even when the bundle lacks it so a missing text shows its key.</li>
     * </ol>
     *
     * @param inBundle whether the message bundle has a key, e.g. {@code messages::containsKey}
     */
    public String pickKey(String baseKey, long n, Predicate<String> inBundle) {
        String exact = baseKey + "." + n;
        if (inBundle.test(exact)) {
            return exact;
        }
        String byCategory = keyFor(baseKey, n);
        if (inBundle.test(byCategory)) {
            return byCategory;
        }
        String other = baseKey + "." + PluralCategory.OTHER.suffix();
        if (inBundle.test(other)) {
            return other;
        }
        return baseKey;
    }
}
