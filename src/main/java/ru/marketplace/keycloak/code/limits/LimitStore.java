package ru.marketplace.keycloak.code.limits;

import java.time.Duration;
import java.util.Map;

/**
 * The four operations the limits need from a store shared by every node of the cluster, each documented with what
 * it costs, because the point of this package is to use as few as possible. In Keycloak it is the
 * single-use-object store ({@link SingleUseObjectLimitStore}); unit tests use an in-memory one.
 *
 * <p>Only {@link #claim} is atomic: it is what bounds every count. Entries written with {@link #write} are hints
 * (last writer wins) that make the next claim land on a free slot at the first try.
 */
public interface LimitStore {

    /**
     * Claims {@code key} for {@code lifespan}: while the claim lives, exactly one caller in the cluster gets
     * {@code true}. One store operation, immediate.
     */
    boolean claim(String key, Duration lifespan);

    /** Gives a claim back at once. One store operation, immediate. */
    void release(String key);

    /**
     * The fields of entry {@code key}, empty when there is none. One store operation the first time in a request;
     * later reads in the same request see what it wrote.
     */
    Map<String, String> read(String key);

    /**
     * Sets one field of entry {@code key}, to live {@code lifespan}. However many fields and writes, one entry costs
     * one store operation, when the request commits; concurrent requests' writes replace each other whole.
     */
    void write(String key, String field, String value, Duration lifespan);
}
