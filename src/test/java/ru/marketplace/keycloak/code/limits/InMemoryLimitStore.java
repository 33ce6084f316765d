package ru.marketplace.keycloak.code.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test double of the cluster store: atomic claims, entries written at once (as if every request committed
 * immediately), expiry judged by a settable clock. {@link SingleUseObjectLimitStoreTest} covers the real store's
 * deferred writes.
 */
public final class InMemoryLimitStore implements LimitStore {

    private record Held(Map<String, String> fields, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Held> entries = new ConcurrentHashMap<>();
    private volatile Instant clock = Instant.parse("2026-11-25T10:00:00Z");

    public void setNow(Instant now) {
        this.clock = now;
    }

    /** Live keys: claims and entries. */
    public int size() {
        return (int) entries.values().stream().filter(held -> held.expiresAt().isAfter(clock)).count();
    }

    @Override
    public boolean claim(String key, Duration lifespan) {
        AtomicBoolean won = new AtomicBoolean();
        entries.compute(key, (k, current) -> {
            if (current != null && current.expiresAt().isAfter(clock)) {
                return current;
            }
            won.set(true);
            return new Held(Map.of(), clock.plus(lifespan));
        });
        return won.get();
    }

    @Override
    public void release(String key) {
        entries.remove(key);
    }

    @Override
    public Map<String, String> read(String key) {
        Held held = entries.get(key);
        return held == null || !held.expiresAt().isAfter(clock) ? new HashMap<>() : new HashMap<>(held.fields());
    }

    @Override
    public void write(String key, String field, String value, Duration lifespan) {
        entries.compute(key, (k, current) -> {
            Map<String, String> fields = current == null || !current.expiresAt().isAfter(clock) ? new HashMap<>() : new HashMap<>(current.fields());
            fields.put(field, value);
            return new Held(Map.copyOf(fields), clock.plus(lifespan));
        });
    }
}
