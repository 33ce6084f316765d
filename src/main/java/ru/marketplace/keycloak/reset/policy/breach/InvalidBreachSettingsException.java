package ru.marketplace.keycloak.reset.policy.breach;

/** A breached-password config an admin cannot save; the message says what to write instead. */
public final class InvalidBreachSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidBreachSettingsException(String message) {
        super(message);
    }
}
