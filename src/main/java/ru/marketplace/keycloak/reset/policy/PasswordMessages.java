package ru.marketplace.keycloak.reset.policy;

/**
 * Message keys of the password policy. The texts live in theme-resources/messages/messages_{ru,en}.properties
 * (section "password policy"); a theme or the realm's localization may override any of them.
 *
 * <p>Whole messages ({@code PolicyError} keys, formatted by Keycloak with the parameters we give):
 * {@link #RULES_UNMET}, {@link #RULES_UNMET_WRONG_LAYOUT}, {@link #GUESSABLE}, {@link #BREACHED} (and its
 * combinations with the rules), {@link #BREACH_UNVERIFIED}, {@link #EDGE_WHITESPACE},
 * {@link #CONTROL_CHARACTERS}; for the new-password screen {@link #RULES_HINT} and
 * {@link #RULES_HINT_NOT_GUESSABLE}. The other keys are fragments {@link PasswordRulesText} puts together.
 */
public final class PasswordMessages {

    /** «Пароль должен содержать {0}.» — {0}: the unmet rules, e.g. «хотя бы одну цифру». */
    public static final String RULES_UNMET = "marketplacePasswordRulesUnmet";
    /** {@link #RULES_UNMET} for a password with Cyrillic letters: also says the Russian layout seems on. */
    public static final String RULES_UNMET_WRONG_LAYOUT = "marketplacePasswordRulesUnmetWrongLayout";
    /** «Этот пароль слишком простой: его легко угадать.» */
    public static final String GUESSABLE = "marketplacePasswordGuessable";
    /** «Этот пароль встречался в утечках данных с других сайтов — придумайте другой.» */
    public static final String BREACHED = "marketplacePasswordBreached";
    /** {@link #RULES_UNMET} for a password that is also on the breached-password list: both in one message. */
    public static final String BREACHED_RULES_UNMET = "marketplacePasswordBreachedRulesUnmet";
    /** {@link #RULES_UNMET_WRONG_LAYOUT} for a password that is also on the breached-password list. */
    public static final String BREACHED_RULES_UNMET_WRONG_LAYOUT = "marketplacePasswordBreachedRulesUnmetWrongLayout";
    /** The range API did not answer and the settings refuse then: «try again in a minute». */
    public static final String BREACH_UNVERIFIED = "marketplacePasswordBreachUnverified";
    public static final String EDGE_WHITESPACE = "marketplacePasswordEdgeWhitespace";
    public static final String CONTROL_CHARACTERS = "marketplacePasswordControlCharacters";
    /** All the rules, shown before the shopper types: {0} as in {@link #RULES_UNMET}. */
    public static final String RULES_HINT = "marketplacePasswordRulesHint";
    /** {@link #RULES_HINT} when the guessability check is on. */
    public static final String RULES_HINT_NOT_GUESSABLE = "marketplacePasswordRulesHintNotGuessable";

    // Fragments. Counted ones have plural variants (key.one/.few/.many/.other) and may have exact-number
    // variants (key.1, key.2) for wording such as «одну цифру»; see PluralRules#pickKey.
    /** «от {0} до {1} символов», plural by the maximum {1}. */
    public static final String LENGTH_RANGE = "marketplacePasswordLength";
    /** «ровно {0} символов», when the minimum and the maximum are equal. */
    public static final String LENGTH_EXACT = "marketplacePasswordLengthExact";
    /** «{0} цифры». */
    public static final String DIGITS = "marketplacePasswordDigits";
    /** «{0} заглавные буквы». */
    public static final String UPPER_CASE = "marketplacePasswordUpper";
    /** «{0} заглавные», the upper-case count right before the lower-case one, which carries the noun. */
    public static final String UPPER_CASE_BEFORE_LOWER = "marketplacePasswordUpperBeforeLower";
    /** «{0} строчные буквы». */
    public static final String LOWER_CASE = "marketplacePasswordLower";
    /** «хотя бы {0}»: the counted rules together. */
    public static final String AT_LEAST = "marketplacePasswordAtLeast";
    /**
     * «{0}, {1}»: the length, then two or more counted rules, which end in their own «и» («от 8 до 20 символов,
     * хотя бы одну цифру и две строчные буквы»); with one counted rule the pair is joined by {@link #LIST_PAIR}.
     */
    public static final String LENGTH_AND_COUNTS = "marketplacePasswordLengthAndCounts";
    /** «{0} и {1}»: a list of two. */
    public static final String LIST_PAIR = "marketplacePasswordListPair";
    /** «{0}, {1}»: joins the items of a longer list but the last. */
    public static final String LIST_START = "marketplacePasswordListStart";
    /** «{0} и {1}»: joins the last item of a longer list. */
    public static final String LIST_END = "marketplacePasswordListEnd";

    private PasswordMessages() {
    }

    /** Whether a refusal's key says the password is on the breached-password list (alone or with unmet rules). */
    public static boolean isBreachRefusal(String key) {
        return BREACHED.equals(key) || BREACHED_RULES_UNMET.equals(key) || BREACHED_RULES_UNMET_WRONG_LAYOUT.equals(key);
    }
}
