package ru.marketplace.keycloak.reset.policy;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marketplace's rules for a new password, parsed and validated once from the policy's single config value
 * (the text an admin types next to "Marketplace password rules" in Authentication → Policies → Password policy).
 *
 * <h2>Config grammar</h2>
 * <pre>
 * config = [ item *( separator item ) ]     ; blank: every default; separator: spaces and/or commas
 * item   = length / count / score           ; any order, each at most once, words case-insensitive
 * length = MIN "-" MAX                      ; characters, 1 ≤ MIN ≤ MAX ≤ 128
 * count  = ( "digits" / "upper" / "lower" ) ":" N     ; at least N of them, N ≥ 0 (0: no requirement)
 * score  = "score:" S                       ; zxcvbn's minimum score 0–4 (0: guessability check off)
 * </pre>
 * An item left out keeps its default: {@value #DEFAULT_CONFIG}. Examples: {@code 10-64 upper:1 lower:1},
 * {@code score:3}, {@code 12-12 digits:0 score:0}.
 *
 * <p>A config is refused, with a message for the admin, when it has an unknown word, a repeated item, a
 * malformed or negative number, MIN &gt; MAX, or more required digits and letters than MAX characters can hold.
 * MAX is capped at {@value #LONGEST_MAX_LENGTH}: nobody types more, and an unbounded password only serves an
 * attacker (Keycloak's own "Maximum length" policy defaults to 64).
 *
 * <p>{@link #toString()} gives the canonical config ({@code 8-20 digits:1 upper:2 lower:2 score:2}), which
 * {@link #parse} reads back to an equal value.
 */
public record PasswordRules(int minLength, int maxLength, int minDigits, int minUpperCase, int minLowerCase,
                            int minScore) implements Serializable {

    public static final String DEFAULT_CONFIG = "8-20 digits:1 upper:2 lower:2 score:2";
    public static final PasswordRules DEFAULTS = new PasswordRules(8, 20, 1, 2, 2, 2);
    /** The largest MAX an admin may configure. */
    public static final int LONGEST_MAX_LENGTH = 128;
    /** zxcvbn scores run from 0 (too guessable) to 4 (very unguessable). */
    public static final int HIGHEST_SCORE = 4;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Pattern LENGTH_ITEM = Pattern.compile("(\\d+)-(\\d+)");
    private static final Pattern WORD_ITEM = Pattern.compile("([a-z]+):(-?\\d+)");
    private static final Pattern LENGTH_LIKE = Pattern.compile("[0-9-]*\\d-[0-9-]*");
    private static final Pattern KNOWN_WORD = Pattern.compile("(digits|upper|lower|score):.*");
    private static final String GRAMMAR_HINT = "write MIN-MAX, digits:N, upper:N, lower:N, score:N separated by spaces,"
            + " e.g. " + DEFAULT_CONFIG;

    /** Validates every value; an impossible combination is an {@link InvalidPasswordRulesException}. */
    public PasswordRules {
        if (minLength < 1) {
            throw new InvalidPasswordRulesException("The minimum length must be at least 1, not " + minLength);
        }
        if (maxLength > LONGEST_MAX_LENGTH) {
            throw new InvalidPasswordRulesException("The maximum length must be at most " + LONGEST_MAX_LENGTH
                    + ", not " + maxLength);
        }
        if (minLength > maxLength) {
            throw new InvalidPasswordRulesException("The minimum length " + minLength
                    + " is greater than the maximum length " + maxLength);
        }
        requireNotNegative("digits", minDigits);
        requireNotNegative("upper", minUpperCase);
        requireNotNegative("lower", minLowerCase);
        long required = (long) minDigits + minUpperCase + minLowerCase;
        if (required > maxLength) {
            throw new InvalidPasswordRulesException("digits:" + minDigits + " upper:" + minUpperCase + " lower:"
                    + minLowerCase + " need " + required + " characters, more than the maximum length " + maxLength);
        }
        if (minScore < 0 || minScore > HIGHEST_SCORE) {
            throw new InvalidPasswordRulesException("score must be 0 to " + HIGHEST_SCORE
                    + " (0 turns the guessability check off), not " + minScore);
        }
    }

    /**
     * Reads a config written in the grammar above; {@code null} or blank gives {@link #DEFAULTS}.
     *
     * @throws InvalidPasswordRulesException with a message that names the offending item
     */
    public static PasswordRules parse(String config) {
        if (config == null || config.isBlank()) {
            return DEFAULTS;
        }
        int minLength = DEFAULTS.minLength;
        int maxLength = DEFAULTS.maxLength;
        int digits = DEFAULTS.minDigits;
        int upper = DEFAULTS.minUpperCase;
        int lower = DEFAULTS.minLowerCase;
        int score = DEFAULTS.minScore;
        Set<String> seen = new HashSet<>();
        for (String item : SEPARATORS.split(config.strip())) {
            if (item.isEmpty()) {
                continue; // a leading comma
            }
            String normalized = item.toLowerCase(Locale.ROOT);
            Matcher length = LENGTH_ITEM.matcher(normalized);
            Matcher word = WORD_ITEM.matcher(normalized);
            if (length.matches()) {
                requireOnce(seen, "length", item);
                minLength = number(length.group(1), item);
                maxLength = number(length.group(2), item);
            } else if (word.matches()) {
                String name = word.group(1);
                int value = number(word.group(2), item);
                requireOnce(seen, name, item);
                switch (name) {
                    case "digits" -> digits = requireNotNegative(name, value);
                    case "upper" -> upper = requireNotNegative(name, value);
                    case "lower" -> lower = requireNotNegative(name, value);
                    case "score" -> score = value;
                    default -> throw unknown(item);
                }
            } else if (KNOWN_WORD.matcher(normalized).matches()) {
                String name = normalized.substring(0, normalized.indexOf(':'));
                throw new InvalidPasswordRulesException("'" + item + "': " + name + " needs a whole number, e.g. "
                        + name + ":" + (name.equals("score") ? DEFAULTS.minScore : 1));
            } else if (LENGTH_LIKE.matcher(normalized).matches()) {
                throw new InvalidPasswordRulesException("The length '" + item + "' must be MIN-MAX, e.g. 8-20");
            } else {
                throw unknown(item);
            }
        }
        return new PasswordRules(minLength, maxLength, digits, upper, lower, score);
    }

    /** Which composition rules a password breaks; empty when it meets all of them. */
    public Set<PasswordRule> unmetBy(PasswordComposition password) {
        Set<PasswordRule> unmet = EnumSet.noneOf(PasswordRule.class);
        if (password.length() < minLength || password.length() > maxLength) {
            unmet.add(PasswordRule.LENGTH);
        }
        if (password.digits() < minDigits) {
            unmet.add(PasswordRule.DIGITS);
        }
        if (password.upperCase() < minUpperCase) {
            unmet.add(PasswordRule.UPPER_CASE);
        }
        if (password.lowerCase() < minLowerCase) {
            unmet.add(PasswordRule.LOWER_CASE);
        }
        return unmet;
    }

    /** Whether {@link GuessabilityCheck} runs at all ({@code score:0} turns it off). */
    public boolean checksGuessability() {
        return minScore > 0;
    }

    /** The canonical config, every item spelled out: {@code 8-20 digits:1 upper:2 lower:2 score:2}. */
    @Override
    public String toString() {
        return minLength + "-" + maxLength + " digits:" + minDigits + " upper:" + minUpperCase
                + " lower:" + minLowerCase + " score:" + minScore;
    }

    private static int requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new InvalidPasswordRulesException(name + ":" + value + " is negative: a count must be 0 or more");
        }
        return value;
    }

    private static void requireOnce(Set<String> seen, String name, String item) {
        if (!seen.add(name)) {
            String what = name.equals("length") ? "the length" : name;
            throw new InvalidPasswordRulesException("'" + item + "': " + what + " is given more than once");
        }
    }

    private static int number(String digits, String item) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLong) {
            throw new InvalidPasswordRulesException("'" + item + "': the number is far too large");
        }
    }

    private static InvalidPasswordRulesException unknown(String item) {
        return new InvalidPasswordRulesException("Unknown item '" + item + "': " + GRAMMAR_HINT);
    }
}
