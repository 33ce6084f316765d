package ru.marketplace.keycloak.reset.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A store of expiring, atomically claimed keys, shared by every node of the cluster. In Keycloak it is the
 * single-use-object store ({@link SingleUseObjectSlotStore}); tests use an in-memory one.
 */
public interface SlotStore {

    /**
     * Claims {@code key} for {@code lifespan}. Atomic cluster-wide: while the claim lives, exactly one caller
     * gets {@code true}.
     */
    boolean claim(String key, Duration lifespan, Instant now);

    /** Sets {@code key} to lapse after {@code lifespan}, whether or not it exists (last writer wins). */
    void mark(String key, Duration lifespan, Instant now);

    /** Gives a claimed key back before it expires. */
    void release(String key);

    /** When the claim on {@code key} lapses, or empty when the key is free. */
    Optional<Instant> expiresAt(String key);
}
