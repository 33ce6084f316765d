package ru.marketplace.keycloak.reset.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Test double of the cluster store: atomic claims with expiry judged by the caller's clock. */
public final class InMemorySlotStore implements SlotStore {

    private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();
    private volatile Instant clock = Instant.parse("2026-11-25T10:00:00Z");

    public void setNow(Instant now) {
        this.clock = now;
    }

    public int size() {
        return (int) expiries.values().stream().filter(expiry -> expiry.isAfter(clock)).count();
    }

    @Override
    public boolean claim(String key, Duration lifespan, Instant now) {
        AtomicBoolean won = new AtomicBoolean();
        expiries.compute(key, (k, current) -> {
            if (current != null && current.isAfter(now)) {
                return current;
            }
            won.set(true);
            return now.plus(lifespan);
        });
        return won.get();
    }

    @Override
    public void mark(String key, Duration lifespan, Instant now) {
        expiries.put(key, now.plus(lifespan));
    }

    @Override
    public void release(String key) {
        expiries.remove(key);
    }

    @Override
    public Optional<Instant> expiresAt(String key) {
        Instant expiry = expiries.get(key);
        return expiry != null && expiry.isAfter(clock) ? Optional.of(expiry) : Optional.empty();
    }
}
