package ru.marketplace.keycloak.code.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * "At most {@code capacity} events per subject in any {@code window}", enforced cluster-wide at a cost that does
 * not depend on {@code capacity}.
 *
 * <p>Each event claims one of {@code capacity} numbered slot keys, each living {@code window} from its claim. A
 * claim is the store's atomic put-if-absent, so however many requests race on however many nodes, no more events
 * than slots can be alive: the bound holds by construction. Which slot to try is a hint, a {@link RingRecord} in the
 * subject's entry: slots are taken in ring order, so the next one holds the oldest claim, and when the record says it
 * is still alive the limit is full and says exactly until when, without touching a slot.
 *
 * <p>Cost in the {@link LimitStore}'s operations: a refusal 1 (read the entry), a granted event 3 (read, claim,
 * write the entry at commit); the entry is shared by every limit of one subject in one request. A stale hint (a
 * racing request took the slot, or its write of the record was lost) costs one more claim per racer, never an
 * extra event.
 *
 * <p>Subjects (account ids, addresses, IPs) are hashed into the keys, so attacker-chosen input can neither shape
 * nor collide with other keys of the store.
 */
public final class SlidingWindowLimit {

    private final LimitStore store;
    private final String name;
    private final int capacity;
    private final Duration window;

    /**
     * @param name short, distinct per limit sharing a subject: it names the ring's field in the subject's entry and
     *             its slot keys
     */
    public SlidingWindowLimit(LimitStore store, String name, int capacity, Duration window) {
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
        String entry = StoreKeys.entry(subject);
        RingRecord ring = ring(entry);
        int slot = ring.next();
        for (int probe = 0; probe < capacity; probe++, slot = (slot + 1) % capacity) {
            if (ring.isLive(slot, now, window)) {
                // the oldest claim is alive, so every later one is: full, until it lapses
                return LimitDecision.refused(capacity, until(ring, slot, now));
            }
            String key = StoreKeys.slot(entry, name, slot);
            if (store.claim(key, window)) {
                RingRecord after = ring.claimed(slot, now);
                save(entry, after);
                return LimitDecision.granted(entry, key, slot, Math.max(1, after.liveCount(now, window)), capacity);
            }
            // taken although the record says free: a racing request claimed it, or a write of the record was lost
        }
        // every slot is taken and the record knows none of their times: the oldest lapses within one window
        return LimitDecision.refused(capacity, window);
    }

    /** Whether {@code subject}'s limit is full right now, without taking a slot (one read, shared with the other limits). */
    public Optional<Duration> refusalFor(String subject, Instant now) {
        RingRecord ring = ring(StoreKeys.entry(subject));
        return ring.isLive(ring.next(), now, window) ? Optional.of(until(ring, ring.next(), now)) : Optional.empty();
    }

    /** Returns a granted slot, e.g. when the event it guarded turned out not to count (a correct code). */
    public void release(LimitDecision decision) {
        if (!decision.granted()) {
            return;
        }
        store.release(decision.slotKey());
        save(decision.entryKey(), ring(decision.entryKey()).released(decision.slot()));
    }

    private RingRecord ring(String entry) {
        return RingRecord.parse(store.read(entry).get(name), capacity);
    }

    private void save(String entry, RingRecord ring) {
        store.write(entry, name, ring.encode(), window);
    }

    private Duration until(RingRecord ring, int slot, Instant now) {
        Duration left = Duration.between(now, ring.freesAt(slot, window).orElse(now.plus(window)));
        // the record rounds claim times up to the second: never state more than the window itself
        return left.isNegative() ? Duration.ZERO : left.compareTo(window) > 0 ? window : left;
    }
}
