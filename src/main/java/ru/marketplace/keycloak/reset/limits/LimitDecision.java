package ru.marketplace.keycloak.reset.limits;

import java.time.Duration;

/**
 * The answer of a {@link SlidingWindowLimit}: either a claimed slot (with how many of the window's slots
 * are now in use) or a refusal with the time until a slot frees up.
 */
public record LimitDecision(boolean granted, String slotKey, int used, int capacity, Duration retryAfter) {

    static LimitDecision granted(String slotKey, int used, int capacity) {
        return new LimitDecision(true, slotKey, used, capacity, Duration.ZERO);
    }

    static LimitDecision refused(int capacity, Duration retryAfter) {
        return new LimitDecision(false, null, capacity, capacity, retryAfter);
    }

    /** Slots still free after this claim. */
    public int remaining() {
        return Math.max(0, capacity - used);
    }
}
