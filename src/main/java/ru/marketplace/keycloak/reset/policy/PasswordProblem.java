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
 * @param breached        for {@link Kind#RULES_UNMET}: the password is also on the breached-password list, which
 *                        the same message says (so that «password» is not merely lengthened to «Password12»)
 */
public record PasswordProblem(Kind kind, Set<PasswordRule> unmetRules, boolean cyrillicLetters, boolean breached) {

    public enum Kind {
        /** Line breaks, tabs and other control characters (see {@link PasswordComposition}). */
        CONTROL_CHARACTERS,
        /** Whitespace or an invisible character at either end. */
        EDGE_WHITESPACE,
        /** Length, digits or letters of either case short of {@link PasswordRules}. */
        RULES_UNMET,
        /** Meets the rules, but is on the breached-password list (offline filter or range API). */
        BREACHED,
        /** Meets the rules, but zxcvbn scores it below the configured minimum. */
        GUESSABLE,
        /** Meets everything else, but the range API did not answer and the settings refuse without an answer. */
        BREACH_UNVERIFIED
    }

    public PasswordProblem(Kind kind, Set<PasswordRule> unmetRules, boolean cyrillicLetters) {
        this(kind, unmetRules, cyrillicLetters, false);
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
        return new PasswordProblem(Kind.RULES_UNMET, unmet, cyrillicLetters, false);
    }

    /** The same problem, saying also that the password is on the breached-password list. */
    PasswordProblem alsoBreached() {
        return new PasswordProblem(kind, unmetRules, cyrillicLetters, true);
    }
}
