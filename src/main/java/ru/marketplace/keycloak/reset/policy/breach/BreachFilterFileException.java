package ru.marketplace.keycloak.reset.policy.breach;

/** A breached-password file that cannot be used: missing, unreadable, truncated, foreign or damaged. */
public final class BreachFilterFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BreachFilterFileException(String message) {
        super(message);
    }
}
