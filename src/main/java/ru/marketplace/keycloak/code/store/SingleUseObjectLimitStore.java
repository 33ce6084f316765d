package ru.marketplace.keycloak.code.store;

import ru.marketplace.keycloak.code.limits.LimitStore;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * {@link LimitStore} on Keycloak's single-use-object store (a distributed cache in a cluster), for one request.
 *
 * <p>How Keycloak's implementations behave decides the shape of this class: {@code putIfAbsent} and {@code remove}
 * act at once, cluster-wide and atomically; {@code put} is queued in the request's transaction and applied at
 * commit, and a second {@code put} of the same key in one request is refused. So entries written by the limits are
 * buffered here and put once each, just before Keycloak's own transactions commit; reads of an entry are
 * remembered for the request. Slot claims carry no data at all: a second write to record a claim's time would be
 * applied after a release of the same slot and bring it back (the claim of a right code then stayed counted as a
 * wrong one), and the time lives in the subject's ring record anyway.
 *
 * <p>Every key is put under the flow's namespace ({@code mpr2:} for the reset), so two flows that count the same
 * account never share a counter, and entries of an older layout are simply never read again.
 */
public final class SingleUseObjectLimitStore implements LimitStore {

    private final SingleUseObjectProvider store;
    private final String namespace;
    private final Consumer<Runnable> atCommit;
    private final Map<String, Map<String, String>> entries = new HashMap<>();
    private final Map<String, Long> pendingLifespans = new LinkedHashMap<>();

    /**
     * @param namespace prefix of every key, ending in a colon: the flow's own part of the store
     * @param atCommit  runs the given flush once, before the store's transaction commits (and not at all on rollback)
     */
    public SingleUseObjectLimitStore(SingleUseObjectProvider store, String namespace, Consumer<Runnable> atCommit) {
        if (!namespace.matches("[a-z0-9]+:")) {
            throw new IllegalArgumentException("a namespace is lower-case letters and digits ending in a colon: " + namespace);
        }
        this.store = store;
        this.namespace = namespace;
        this.atCommit = atCommit;
    }

    /** The store of {@code session}'s request; buffered writes are flushed in the transaction's prepare phase. */
    public static SingleUseObjectLimitStore of(KeycloakSession session, String namespace) {
        return new SingleUseObjectLimitStore(session.getProvider(SingleUseObjectProvider.class), namespace,
                flush -> session.getTransactionManager().enlistPrepare(new AbstractKeycloakTransaction() {
                    @Override
                    protected void commitImpl() {
                        flush.run();
                    }

                    @Override
                    protected void rollbackImpl() {
                        // nothing was written: the buffered entries are dropped with the request
                    }
                }));
    }

    @Override
    public boolean claim(String key, Duration lifespan) {
        return store.putIfAbsent(namespace + key, seconds(lifespan));
    }

    @Override
    public void release(String key) {
        store.remove(namespace + key);
    }

    @Override
    public Map<String, String> read(String key) {
        return entries.computeIfAbsent(key, absent -> {
            Map<String, String> stored = store.get(namespace + absent);
            return stored == null ? new HashMap<>() : new HashMap<>(stored);
        });
    }

    @Override
    public void write(String key, String field, String value, Duration lifespan) {
        read(key).put(field, value);
        if (pendingLifespans.isEmpty()) {
            atCommit.accept(this::flush);
        }
        pendingLifespans.merge(key, seconds(lifespan), Math::max);
    }

    private void flush() {
        pendingLifespans.forEach((key, seconds) -> store.put(namespace + key, seconds, Map.copyOf(entries.get(key))));
        pendingLifespans.clear();
    }

    private static long seconds(Duration lifespan) {
        return Math.max(1, lifespan.toSeconds() + (lifespan.toNanosPart() > 0 ? 1 : 0));
    }
}
