package ru.marketplace.keycloak.reset.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * "At most {@code capacity} events per subject in any {@code window}", enforced cluster-wide.
 *
 * <p>Each event claims one of {@code capacity} numbered slot keys that expire {@code window} after being
 * claimed. A claim is an atomic put-if-absent, so concurrent requests on different nodes can never take
 * more slots than exist: unlike a read-modify-write counter, the bound holds under races. When every slot
 * is taken, a "full" marker living until the oldest slot frees makes further refusals cost one look-up.
 *
 * <p>Subjects (account ids, addresses, IPs) are hashed into the key, so attacker-chosen input cannot
 * shape or collide with other keys of the store.
 */
public final class SlidingWindowLimit {

    private final SlotStore store;
    private final String name;
    private final int capacity;
    private final Duration window;

    public SlidingWindowLimit(SlotStore store, String name, int capacity, Duration window) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.store = store;
        this.name = name;
        this.capacity = capacity;
        this.window = window;
    }

    /** Takes one slot for {@code subject}, or says when the next one frees. */
    public LimitDecision tryAcquire(String subject, Instant now) {
        String base = baseKey(subject);
        Optional<Duration> full = fullFor(base, now);
        if (full.isPresent()) {
            return LimitDecision.refused(capacity, full.get());
        }
        for (int slot = 0; slot < capacity; slot++) {
            String key = base + slot;
            if (store.claim(key, window, now)) {
                return LimitDecision.granted(key, countUsed(base, now, slot), capacity);
            }
        }
        Duration retryAfter = untilOldestSlotFrees(base, now);
        if (!retryAfter.isZero()) {
            store.claim(fullMarker(base), retryAfter, now);
        }
        return LimitDecision.refused(capacity, retryAfter);
    }

    /** Whether every slot of {@code subject} is taken right now, without taking one. */
    public Optional<Duration> refusalFor(String subject, Instant now) {
        String base = baseKey(subject);
        Optional<Duration> full = fullFor(base, now);
        if (full.isPresent()) {
            return full;
        }
        for (int slot = 0; slot < capacity; slot++) {
            if (store.expiresAt(base + slot).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(untilOldestSlotFrees(base, now));
    }

    /** Returns a granted slot, e.g. when the event it guarded turned out not to count (a correct code). */
    public void release(LimitDecision decision) {
        if (decision.granted()) {
            store.release(decision.slotKey());
        }
    }

    private Optional<Duration> fullFor(String base, Instant now) {
        return store.expiresAt(fullMarker(base))
                .map(until -> Duration.between(now, until))
                .filter(left -> !left.isNegative() && !left.isZero());
    }

    // slots below `claimed` were found taken a moment ago; count the claimed one and any later ones
    private int countUsed(String base, Instant now, int claimed) {
        int used = claimed + 1;
        for (int slot = claimed + 1; slot < capacity; slot++) {
            if (store.expiresAt(base + slot).isPresent()) {
                used++;
            }
        }
        return used;
    }

    private Duration untilOldestSlotFrees(String base, Instant now) {
        Instant earliest = null;
        for (int slot = 0; slot < capacity; slot++) {
            Optional<Instant> expiry = store.expiresAt(base + slot);
            if (expiry.isEmpty()) {
                return Duration.ZERO;
            }
            if (earliest == null || expiry.get().isBefore(earliest)) {
                earliest = expiry.get();
            }
        }
        Duration left = Duration.between(now, earliest);
        return left.isNegative() ? Duration.ZERO : left;
    }

    // keyed by capacity: when an admin raises a limit, the marker of the old, smaller window no longer applies
    private String fullMarker(String base) {
        return base + "full-of-" + capacity;
    }

    private String baseKey(String subject) {
        return StoreKeys.of(name, subject) + ":";
    }
}
