package ru.marketplace.keycloak.demo;

/**
 * The demo cannot start, for a reason the person running it can act on (a busy port, a bad setting, Keycloak not
 * starting). {@link DemoMain} prints the message, not a stack trace.
 */
public final class DemoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DemoFailure(String message) {
        super(message);
    }

    public DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
