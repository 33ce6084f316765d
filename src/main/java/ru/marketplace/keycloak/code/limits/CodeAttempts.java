package ru.marketplace.keycloak.code.limits;

import java.time.Duration;

/**
 * Wrong attempts at one code: at most {@code capacity} while the code lives, however many requests race.
 *
 * <p>Attempt {@code n} is the atomic claim of key {@code n} under the code's id. The number to try first travels with
 * the code in the authentication session (the flow stores {@link Attempt#used()} back), so an attempt costs one
 * store operation and no entry beyond its own claim. That number is only a hint: a racing request of the same session
 * may have taken it, and then the next one is tried; the claims alone decide.
 */
public final class CodeAttempts {

    /** The outcome of taking an attempt: granted or not, and how many of the code's attempts are now used. */
    public record Attempt(boolean granted, int used, int capacity) {

        public int remaining() {
            return Math.max(0, capacity - used);
        }
    }

    private final LimitStore store;
    private final int capacity;
    private final Duration lifespan;

    /** @param lifespan at least the code's lifetime, so a count can never lapse while the code is valid */
    public CodeAttempts(LimitStore store, int capacity, Duration lifespan) {
        this.store = store;
        this.capacity = capacity;
        this.lifespan = lifespan;
    }

    /** Whether the code is known to have no attempts left, without asking the store. */
    public boolean exhausted(int usedHint) {
        return usedHint >= capacity;
    }

    /** Takes the next attempt of code {@code codeId}, starting from the session's {@code usedHint}. */
    public Attempt take(String codeId, int usedHint) {
        for (int attempt = Math.max(0, usedHint); attempt < capacity; attempt++) {
            if (store.claim(StoreKeys.attempt(codeId, attempt), lifespan)) {
                return new Attempt(true, attempt + 1, capacity);
            }
        }
        return new Attempt(false, capacity, capacity);
    }
}
