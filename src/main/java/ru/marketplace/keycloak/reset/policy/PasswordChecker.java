package ru.marketplace.keycloak.reset.policy;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Judges a new password against {@link PasswordRules}, cheapest check first:
 * <ol>
 *   <li>control characters, then whitespace at either end ({@link PasswordComposition});</li>
 *   <li>length, digits, upper- and lower-case letters, all at once;</li>
 *   <li>guessability with zxcvbn (milliseconds rather than nanoseconds), only for a password that passed the
 *       rest: the shopper learns every cheap rule first, and zxcvbn never sees the over-long or broken input
 *       an attacker might send.</li>
 * </ol>
 * Thread-safe; one instance serves the whole server.
 */
public final class PasswordChecker {

    private final Supplier<GuessabilityCheck> guessability;

    /** @param guessability called only when a password reaches the guessability check, so zxcvbn loads lazily */
    public PasswordChecker(Supplier<GuessabilityCheck> guessability) {
        this.guessability = guessability;
    }

    /**
     * All checks.
     *
     * @param userInputs what zxcvbn should treat as known to an attacker: username, e-mail, first and last name
     *                   ({@code null} elements are skipped)
     * @return the reason to refuse the password, or empty when it may be used
     */
    public Optional<PasswordProblem> check(PasswordRules rules, CharSequence password, Collection<String> userInputs) {
        Optional<PasswordProblem> composition = checkComposition(rules, password);
        if (composition.isPresent() || !rules.checksGuessability()) {
            return composition;
        }
        if (guessability.get().isGuessable(password, rules.minScore(), userInputs)) {
            return Optional.of(PasswordProblem.of(PasswordProblem.Kind.GUESSABLE));
        }
        return Optional.empty();
    }

    /** The characters and composition rules only, without zxcvbn. */
    public static Optional<PasswordProblem> checkComposition(PasswordRules rules, CharSequence password) {
        PasswordComposition composition = PasswordComposition.of(password);
        if (composition.controlCharacters()) {
            return Optional.of(PasswordProblem.of(PasswordProblem.Kind.CONTROL_CHARACTERS));
        }
        if (composition.edgeWhitespace()) {
            return Optional.of(PasswordProblem.of(PasswordProblem.Kind.EDGE_WHITESPACE));
        }
        Set<PasswordRule> unmet = rules.unmetBy(composition);
        if (!unmet.isEmpty()) {
            return Optional.of(PasswordProblem.rulesUnmet(unmet, composition.cyrillicLetters()));
        }
        return Optional.empty();
    }
}
