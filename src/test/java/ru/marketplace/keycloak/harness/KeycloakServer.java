package ru.marketplace.keycloak.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A running Keycloak that the tests reach over HTTP, whatever runs it: the unpacked distribution
 * ({@link KeycloakLauncher}, the default) or the official container image ({@link ContainerKeycloak},
 * {@code -Dkeycloak.server=container}). Tests that only talk HTTP take this type and run on both.
 */
public interface KeycloakServer extends AutoCloseable {

    /** e.g. {@code http://127.0.0.1:38121}, without a trailing slash. */
    String baseUrl();

    /** {@code <baseUrl>/realms/<realm>}. */
    default String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    String adminUsername();

    String adminPassword();

    /** How long the server took to answer after it was launched. */
    Duration startupTime();

    /** Everything the server has logged so far. */
    String log();

    /** A position in the log, for {@link #logSince(int)}: "what did the server log during this test?". */
    default int logMark() {
        return log().length();
    }

    /** What the server logged after {@code mark} was taken. */
    default String logSince(int mark) {
        String log = log();
        return log.substring(Math.min(mark, log.length()));
    }

    /** The last {@code lines} lines of {@link #log()}. */
    default String logTail(int lines) {
        List<String> all = Arrays.asList(log().split("\n", -1));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    boolean isRunning();

    /** Stops the server and waits until it is gone. Idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
