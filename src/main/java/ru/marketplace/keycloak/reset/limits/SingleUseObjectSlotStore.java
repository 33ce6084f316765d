package ru.marketplace.keycloak.reset.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * {@link SlotStore} on Keycloak's single-use-object store: a distributed cache in a cluster, so claims are
 * atomic across nodes ({@code putIfAbsent}) and survive the loss of one node.
 */
public final class SingleUseObjectSlotStore implements SlotStore {

    // epoch milliseconds: revocations are compared with code issue times, which can fall in the same second
    private static final String EXPIRES_AT = "expiresAtMillis";

    private final SingleUseObjectProvider singleUseObjects;

    public SingleUseObjectSlotStore(SingleUseObjectProvider singleUseObjects) {
        this.singleUseObjects = singleUseObjects;
    }

    @Override
    public boolean claim(String key, Duration lifespan, Instant now) {
        long seconds = Math.max(1, lifespan.toSeconds());
        if (!singleUseObjects.putIfAbsent(key, seconds)) {
            return false;
        }
        // putIfAbsent cannot carry notes; the owner records the expiry right after winning the claim
        singleUseObjects.put(key, seconds, Map.of(EXPIRES_AT, Long.toString(now.plus(lifespan).toEpochMilli())));
        return true;
    }

    @Override
    public void mark(String key, Duration lifespan, Instant now) {
        long seconds = Math.max(1, lifespan.toSeconds());
        singleUseObjects.put(key, seconds, Map.of(EXPIRES_AT, Long.toString(now.plus(lifespan).toEpochMilli())));
    }

    @Override
    public void release(String key) {
        singleUseObjects.remove(key);
    }

    @Override
    public Optional<Instant> expiresAt(String key) {
        Map<String, String> notes = singleUseObjects.get(key);
        String expiresAt = notes == null ? null : notes.get(EXPIRES_AT);
        if (expiresAt != null) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(expiresAt)));
        }
        // claimed a moment ago by a request that has not written its expiry yet: count it as just taken
        return singleUseObjects.contains(key) ? Optional.of(Instant.now().plusSeconds(1)) : Optional.empty();
    }
}
