package ru.marketplace.keycloak.code.limits;

import java.time.Duration;

/**
 * The answer of a {@link SlidingWindowLimit}: either a claimed slot (with how many of the window's slots are now in
 * use) or a refusal with the time until a slot frees up.
 *
 * @param entryKey the subject's entry, whose ring record a release steps back (null when refused)
 * @param slotKey  the claimed slot (null when refused)
 * @param slot     its number in the ring
 */
public record LimitDecision(boolean granted, String entryKey, String slotKey, int slot, int used, int capacity, Duration retryAfter) {

    static LimitDecision granted(String entryKey, String slotKey, int slot, int used, int capacity) {
        return new LimitDecision(true, entryKey, slotKey, slot, used, capacity, Duration.ZERO);
    }

    static LimitDecision refused(int capacity, Duration retryAfter) {
        return new LimitDecision(false, null, null, -1, capacity, capacity, retryAfter);
    }

    /** Slots still free after this claim. */
    public int remaining() {
        return Math.max(0, capacity - used);
    }
}
