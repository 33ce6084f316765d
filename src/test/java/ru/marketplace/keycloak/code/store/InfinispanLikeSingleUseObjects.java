package ru.marketplace.keycloak.code.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Keycloak's single-use-object store as its 26.7 implementations behave (read from
 * {@code InfinispanSingleUseObjectProvider} and {@code RemoteInfinispanSingleUseObjectProvider}): {@code putIfAbsent},
 * {@code remove}, {@code replace} and {@code contains} act on the cache at once; {@code put} is queued in the
 * request's transaction and applied when it commits, and a second {@code put} of one key in a request throws;
 * {@code get} sees the request's queued puts. Each request counts the calls it made.
 */
final class InfinispanLikeSingleUseObjects {

    enum Operation { GET, PUT, PUT_IF_ABSENT, REMOVE, REPLACE, CONTAINS }

    private record Entry(Map<String, String> notes, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private volatile Instant clock = Instant.parse("2026-11-25T10:00:00Z");

    void setNow(Instant now) {
        clock = now;
    }

    /** Keys of the live entries. */
    java.util.Set<String> keys() {
        return cache.entrySet().stream().filter(e -> alive(e.getValue())).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Live entries in the cache. */
    int size() {
        return (int) cache.values().stream().filter(this::alive).count();
    }

    Request begin() {
        return new Request();
    }

    private boolean alive(Entry entry) {
        return entry != null && entry.expiresAt().isAfter(clock);
    }

    /** One request: its provider view, its queued puts, its prepare-phase hooks. */
    final class Request implements SingleUseObjectProvider {

        private final Map<String, Entry> queued = new LinkedHashMap<>();
        private final List<Runnable> beforeCommit = new ArrayList<>();
        private final EnumMap<Operation, Integer> calls = new EnumMap<>(Operation.class);

        /** A {@link SingleUseObjectLimitStore} of this request, flushed by {@link #commit()}. */
        SingleUseObjectLimitStore limitStore() {
            return limitStore("test:");
        }

        SingleUseObjectLimitStore limitStore(String namespace) {
            return new SingleUseObjectLimitStore(this, namespace, beforeCommit::add);
        }

        void commit() {
            beforeCommit.forEach(Runnable::run);
            queued.forEach(cache::put);
            queued.clear();
        }

        int calls() {
            return calls.values().stream().mapToInt(Integer::intValue).sum();
        }

        Map<Operation, Integer> callsByOperation() {
            return calls;
        }

        private void count(Operation operation) {
            calls.merge(operation, 1, Integer::sum);
        }

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            count(Operation.PUT);
            if (queued.containsKey(key)) {
                throw new IllegalStateException("Can't add session: task in progress for session");
            }
            queued.put(key, new Entry(notes, clock.plus(Duration.ofSeconds(lifespanSeconds))));
        }

        @Override
        public Map<String, String> get(String key) {
            count(Operation.GET);
            Entry entry = queued.containsKey(key) ? queued.get(key) : cache.get(key);
            return alive(entry) ? entry.notes() : null;
        }

        @Override
        public Map<String, String> remove(String key) {
            count(Operation.REMOVE);
            Entry existing = cache.get(key);
            return alive(existing) && cache.remove(key, existing) ? existing.notes() : null;
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            count(Operation.REPLACE);
            throw new UnsupportedOperationException("replace makes an entry immortal in Infinispan: the limits must not use it");
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanInSeconds) {
            count(Operation.PUT_IF_ABSENT);
            Entry fresh = new Entry(null, clock.plus(Duration.ofSeconds(lifespanInSeconds)));
            boolean[] won = new boolean[1];
            cache.compute(key, (k, current) -> {
                if (alive(current)) {
                    return current;
                }
                won[0] = true;
                return fresh;
            });
            return won[0];
        }

        @Override
        public boolean contains(String key) {
            count(Operation.CONTAINS);
            return alive(cache.get(key));
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
