package ru.marketplace.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void theFirstAttemptDoesNotWait() {
        assertEquals(Duration.ZERO, backoff.before(1, () -> 0.99));
    }

    @Test
    void waitsDoubleFromTheUpperHalfUntilTheCeiling() {
        long[] ceilings = {2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
        for (int i = 0; i < ceilings.length; i++) {
            int attempt = i + 2;
            assertEquals(ceilings[i] / 2, backoff.before(attempt, () -> 0.0).toMillis(), "shortest wait before attempt " + attempt);
            assertEquals(ceilings[i] - 1, backoff.before(attempt, () -> 0.99999).toMillis(), "longest wait before attempt " + attempt);
        }
    }

    @Test
    void aThousandthAttemptDoesNotOverflow() {
        assertEquals(15_000, backoff.before(1_000, () -> 0.0).toMillis());
    }

    @Test
    void refusesDelaysThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
