package ru.marketplace.keycloak.reset.policy;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import ru.marketplace.keycloak.reset.policy.breach.BreachCheck;

/**
 * Judges a new password against {@link PasswordRules}, cheapest check first:
 * <ol>
 *   <li>control characters, then whitespace at either end ({@link PasswordComposition});</li>
 *   <li>length, digits, upper- and lower-case letters, all at once, together with the offline breached-password
 *       filter (a microsecond), so one message names every unmet rule and the breach;</li>
 *   <li>the offline breached-password filter alone, for a password that meets the rules;</li>
 *   <li>guessability with zxcvbn (milliseconds rather than nanoseconds), only for a password that passed the
 *       rest: the shopper learns every cheap rule first, and zxcvbn never sees the over-long or broken input
 *       an attacker might send;</li>
 *   <li>the online range API, if configured, last: a network trip only for a password nothing else refused.</li>
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
        return check(rules, password, userInputs, null);
    }

    /**
     * All checks, with the breached-password list.
     *
     * @param breach the realm's breached-password check, or {@code null} when the realm has none
     */
    public Optional<PasswordProblem> check(PasswordRules rules, CharSequence password, Collection<String> userInputs,
                                           BreachCheck breach) {
        Optional<PasswordProblem> composition = checkComposition(rules, password);
        String text = password.toString();
        if (composition.isPresent()) {
            PasswordProblem problem = composition.get();
            boolean alsoBreached = problem.kind() == PasswordProblem.Kind.RULES_UNMET && breach != null
                    && breach.listedOffline(text);
            return Optional.of(alsoBreached ? problem.alsoBreached() : problem);
        }
        if (breach != null && breach.listedOffline(text)) {
            return Optional.of(PasswordProblem.of(PasswordProblem.Kind.BREACHED));
        }
        if (rules.checksGuessability() && guessability.get().isGuessable(password, rules.minScore(), userInputs)) {
            return Optional.of(PasswordProblem.of(PasswordProblem.Kind.GUESSABLE));
        }
        return breach == null ? Optional.empty() : onlineProblem(breach.checkOnline(text));
    }

    static Optional<PasswordProblem> onlineProblem(BreachCheck.Verdict verdict) {
        return switch (verdict) {
            case NOT_LISTED -> Optional.empty();
            case LISTED -> Optional.of(PasswordProblem.of(PasswordProblem.Kind.BREACHED));
            case UNVERIFIED -> Optional.of(PasswordProblem.of(PasswordProblem.Kind.BREACH_UNVERIFIED));
        };
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
