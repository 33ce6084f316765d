package ru.marketplace.keycloak.reset.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Why a password is refused: the most important reason only, since the shopper fixes one thing at a time.
 *
 * @param kind            the reason, in the order the checks run
 * @param unmetRules      for {@link Kind#RULES_UNMET}: every rule the password breaks (named in one message);
 *                        empty otherwise
 * @param cyrillicLetters for {@link Kind#RULES_UNMET}: the password has Cyrillic letters, so the shopper
 *                        probably typed it with the Russian layout on
 */
public record PasswordProblem(Kind kind, Set<PasswordRule> unmetRules, boolean cyrillicLetters) {

    public enum Kind {
        /** Line breaks, tabs and other control characters (see {@link PasswordComposition}). */
        CONTROL_CHARACTERS,
        /** Whitespace or an invisible character at either end. */
        EDGE_WHITESPACE,
        /** Length, digits or letters of either case short of {@link PasswordRules}. */
        RULES_UNMET,
        /** Meets the rules, but zxcvbn scores it below the configured minimum. */
        GUESSABLE
    }

    public PasswordProblem {
        unmetRules = unmetRules.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(unmetRules));
    }

    static PasswordProblem of(Kind kind) {
        return new PasswordProblem(kind, Collections.emptySet(), false);
    }

    static PasswordProblem rulesUnmet(Set<PasswordRule> unmet, boolean cyrillicLetters) {
        return new PasswordProblem(Kind.RULES_UNMET, unmet, cyrillicLetters);
    }
}
