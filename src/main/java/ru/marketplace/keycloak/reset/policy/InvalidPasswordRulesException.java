package ru.marketplace.keycloak.reset.policy;

/**
 * A password-rules config an admin cannot save: malformed, unknown words, or rules that contradict each other.
 * The message is for the admin, in English like Keycloak's own config errors, and says what to write instead.
 */
public final class InvalidPasswordRulesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPasswordRulesException(String message) {
        super(message);
    }
}
