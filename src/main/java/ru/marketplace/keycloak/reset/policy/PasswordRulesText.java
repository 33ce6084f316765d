package ru.marketplace.keycloak.reset.policy;

import static ru.marketplace.keycloak.reset.policy.PasswordMessages.AT_LEAST;
import static ru.marketplace.keycloak.reset.policy.PasswordMessages.LENGTH_AND_COUNTS;
import static ru.marketplace.keycloak.reset.policy.PasswordMessages.LENGTH_EXACT;
import static ru.marketplace.keycloak.reset.policy.PasswordMessages.LENGTH_RANGE;
import static ru.marketplace.keycloak.reset.policy.PasswordMessages.LIST_END;
import static ru.marketplace.keycloak.reset.policy.PasswordMessages.LIST_PAIR;
import static ru.marketplace.keycloak.reset.policy.PasswordMessages.LIST_START;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import ru.marketplace.keycloak.i18n.PluralRules;

/**
 * Puts the password rules into words in the reader's language, with the numbers of the realm's config and
 * every word from the message bundle (see {@link PasswordMessages} for the keys).
 *
 * <p>One sentence names every rule to meet: «Пароль должен содержать от 8 до 20 символов, хотя бы одну цифру,
 * две заглавные и две строчные буквы.» It is built from fragments so that only the unmet rules appear, each
 * in the plural form its number needs (by {@link PluralRules#pickKey}: «одну цифру», «3 цифры», «5 цифр»; «до
 * 20 символов», «до 21 символа»); when both letter cases are listed the upper-case one leaves the noun to the
 * lower-case one («две заглавные и две строчные буквы»). A language that words it differently only changes
 * the bundle.
 *
 * <p>Use for the new-password screen:
 * <pre>{@code
 * String text = new PasswordRulesText(locale, messages::getProperty).describe(rules);
 * }</pre>
 * where {@code messages} are the theme's messages for {@code locale} and {@code rules} the realm's
 * {@link PasswordRules}. A key missing from the bundle shows as the key itself.
 */
public final class PasswordRulesText {

    private final Locale locale;
    private final Function<String, String> messages;
    private final PluralRules plurals;

    /**
     * @param locale   the reader's locale: picks plural forms and formats numbers
     * @param messages looks a message key up in the bundle of that locale; {@code null} when the key is missing
     */
    public PasswordRulesText(Locale locale, Function<String, String> messages) {
        this.locale = locale;
        this.messages = messages;
        this.plurals = PluralRules.forLocale(locale);
    }

    /**
     * Every rule of the config as one sentence, for the shopper to read before typing, e.g. «Пароль должен
     * содержать от 8 до 20 символов, хотя бы одну цифру, две заглавные и две строчные буквы. Простые и
     * распространённые пароли не подойдут.» Rules with a count of 0 are left out.
     */
    public String describe(PasswordRules rules) {
        String key = rules.checksGuessability()
                ? PasswordMessages.RULES_HINT_NOT_GUESSABLE
                : PasswordMessages.RULES_HINT;
        return format(key, requirements(rules, EnumSet.allOf(PasswordRule.class)));
    }

    /** The message refusing a password for {@code problem}, with its parameters in this reader's language. */
    public RefusalMessage refusal(PasswordProblem problem, PasswordRules rules) {
        return switch (problem.kind()) {
            case CONTROL_CHARACTERS -> new RefusalMessage(PasswordMessages.CONTROL_CHARACTERS, List.of());
            case EDGE_WHITESPACE -> new RefusalMessage(PasswordMessages.EDGE_WHITESPACE, List.of());
            case GUESSABLE -> new RefusalMessage(PasswordMessages.GUESSABLE, List.of());
            case BREACHED -> new RefusalMessage(PasswordMessages.BREACHED, List.of());
            case BREACH_UNVERIFIED -> new RefusalMessage(PasswordMessages.BREACH_UNVERIFIED, List.of());
            case RULES_UNMET -> new RefusalMessage(rulesUnmetKey(problem),
                    List.of(requirements(rules, problem.unmetRules())));
        };
    }

    private static String rulesUnmetKey(PasswordProblem problem) {
        if (problem.breached()) {
            return problem.cyrillicLetters()
                    ? PasswordMessages.BREACHED_RULES_UNMET_WRONG_LAYOUT
                    : PasswordMessages.BREACHED_RULES_UNMET;
        }
        return problem.cyrillicLetters() ? PasswordMessages.RULES_UNMET_WRONG_LAYOUT : PasswordMessages.RULES_UNMET;
    }

    /** The whole refusal formatted as the reader sees it (what Keycloak does with a {@link RefusalMessage}). */
    public String format(RefusalMessage refusal) {
        return format(refusal.key(), refusal.parameters().toArray());
    }

    /**
     * The named rules as a phrase to follow «Пароль должен содержать»: «от 8 до 20 символов, хотя бы одну
     * цифру и две строчные буквы». Rules requiring nothing (a count of 0) are left out.
     */
    public String requirements(PasswordRules rules, Set<PasswordRule> named) {
        String length = named.contains(PasswordRule.LENGTH) ? length(rules) : null;
        boolean upper = named.contains(PasswordRule.UPPER_CASE) && rules.minUpperCase() > 0;
        boolean lower = named.contains(PasswordRule.LOWER_CASE) && rules.minLowerCase() > 0;
        List<String> counts = new ArrayList<>(3);
        if (named.contains(PasswordRule.DIGITS) && rules.minDigits() > 0) {
            counts.add(counted(PasswordMessages.DIGITS, rules.minDigits()));
        }
        if (upper) {
            String key = lower ? PasswordMessages.UPPER_CASE_BEFORE_LOWER : PasswordMessages.UPPER_CASE;
            counts.add(counted(key, rules.minUpperCase()));
        }
        if (lower) {
            counts.add(counted(PasswordMessages.LOWER_CASE, rules.minLowerCase()));
        }
        String atLeast = counts.isEmpty() ? null : format(AT_LEAST, list(counts));
        if (length != null && atLeast != null) {
            // the counts are the list's last item: alone they join with «и», several carry their own «и» inside
            return format(counts.size() == 1 ? LIST_PAIR : LENGTH_AND_COUNTS, length, atLeast);
        }
        return length != null ? length : atLeast != null ? atLeast : "";
    }

    private String length(PasswordRules rules) {
        if (rules.minLength() == rules.maxLength()) {
            return counted(LENGTH_EXACT, rules.minLength());
        }
        // «от 8 до 21 символа»: the noun follows the maximum
        String key = plurals.pickKey(LENGTH_RANGE, rules.maxLength(), this::inBundle);
        return format(key, rules.minLength(), rules.maxLength());
    }

    private String counted(String baseKey, int count) {
        return format(plurals.pickKey(baseKey, count, this::inBundle), count);
    }

    /** «a», «a и b», «a, b и c»: the bundle's list patterns, as CLDR words them. */
    private String list(List<String> items) {
        int size = items.size();
        if (size == 1) {
            return items.get(0);
        }
        if (size == 2) {
            return format(LIST_PAIR, items.get(0), items.get(1));
        }
        String tail = format(LIST_END, items.get(size - 2), items.get(size - 1));
        for (int i = size - 3; i >= 0; i--) {
            tail = format(LIST_START, items.get(i), tail);
        }
        return tail;
    }

    private boolean inBundle(String key) {
        return messages.apply(key) != null;
    }

    private String format(String key, Object... arguments) {
        String pattern = messages.apply(key);
        if (pattern == null) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
