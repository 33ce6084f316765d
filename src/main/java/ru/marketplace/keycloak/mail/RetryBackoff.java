package ru.marketplace.keycloak.mail;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt: doubling from {@code initial} up to {@code max}, each wait drawn at
 * random from its upper half ("equal jitter"), so mails that failed together during one outage do not all come
 * back in the same second when the server recovers.
 */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retry delays need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /**
     * The wait before attempt {@code attempt} (2 for the first retry).
     *
     * @param random uniform in [0, 1)
     */
    public Duration before(int attempt, DoubleSupplier random) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        long ceiling = initial.toMillis();
        for (int i = 2; i < attempt && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
