package ru.marketplace.keycloak.code.store;

import ru.marketplace.keycloak.code.limits.SlidingWindowLimit;
import ru.marketplace.keycloak.code.limits.LimitStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter over the store's real semantics: immediate claims and removes, puts deferred to the commit. */
class SingleUseObjectLimitStoreTest {

    private final InfinispanLikeSingleUseObjects cache = new InfinispanLikeSingleUseObjects();
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void entriesAreWrittenOnceAtCommitHoweverOftenARequestChangesThem() {
        InfinispanLikeSingleUseObjects.Request request = cache.begin();
        LimitStore store = request.limitStore();
        store.write("e", "a", "1", Duration.ofMinutes(5));
        store.write("e", "b", "2", Duration.ofHours(1));
        store.write("e", "a", "3", Duration.ofMinutes(5));
        assertEquals(Map.of("a", "3", "b", "2"), store.read("e"), "a request reads its own writes");
        assertEquals(0, request.callsByOperation().getOrDefault(InfinispanLikeSingleUseObjects.Operation.PUT, 0), "nothing before the commit");
        request.commit();
        assertEquals(1, request.callsByOperation().get(InfinispanLikeSingleUseObjects.Operation.PUT));

        InfinispanLikeSingleUseObjects.Request next = cache.begin();
        assertEquals(Map.of("a", "3", "b", "2"), next.limitStore().read("e"));
    }

    @Test
    void aReadIsOneCallPerRequest() {
        InfinispanLikeSingleUseObjects.Request request = cache.begin();
        LimitStore store = request.limitStore();
        store.read("e");
        store.read("e");
        assertEquals(1, request.calls());
    }

    @Test
    void aSlotClaimedAndReleasedInOneRequestIsFreeAfterItCommits() {
        InfinispanLikeSingleUseObjects.Request request = cache.begin();
        SlidingWindowLimit inRequest = new SlidingWindowLimit(request.limitStore(), "w", 1, Duration.ofHours(1));
        inRequest.release(inRequest.tryAcquire("account:1", now));
        request.commit();

        InfinispanLikeSingleUseObjects.Request later = cache.begin();
        SlidingWindowLimit afterwards = new SlidingWindowLimit(later.limitStore(), "w", 1, Duration.ofHours(1));
        assertTrue(afterwards.tryAcquire("account:1", now).granted(), "the released slot did not come back at commit");
        assertFalse(afterwards.tryAcquire("account:1", now).granted());
    }

    @Test
    void aRolledBackRequestWritesNothingButItsClaimsStillCount() {
        InfinispanLikeSingleUseObjects.Request request = cache.begin();
        SlidingWindowLimit limit = new SlidingWindowLimit(request.limitStore(), "c", 2, Duration.ofHours(1));
        assertTrue(limit.tryAcquire("account:1", now).granted());
        // no commit: the request was rolled back

        InfinispanLikeSingleUseObjects.Request later = cache.begin();
        SlidingWindowLimit again = new SlidingWindowLimit(later.limitStore(), "c", 2, Duration.ofHours(1));
        assertTrue(again.tryAcquire("account:1", now).granted(), "one slot is left");
        assertFalse(again.tryAcquire("account:1", now).granted(), "the rolled-back request's claim still counts");
    }

    /** Two flows counting the same account (the reset and the address verification) never share a counter. */
    @Test
    void flowsInDifferentNamespacesCountApart() {
        InfinispanLikeSingleUseObjects.Request request = cache.begin();
        SlidingWindowLimit reset = new SlidingWindowLimit(request.limitStore("mpr2:"), "c", 1, Duration.ofHours(1));
        SlidingWindowLimit verification = new SlidingWindowLimit(request.limitStore("mpv1:"), "c", 1, Duration.ofHours(1));
        assertTrue(reset.tryAcquire("account:1", now).granted());
        assertFalse(reset.tryAcquire("account:1", now).granted());
        assertTrue(verification.tryAcquire("account:1", now).granted(), "the other flow's slot was taken");
        request.commit();
        // the reset's keys keep the layout of earlier versions, so a rolling upgrade keeps every count
        assertTrue(cache.keys().stream().filter(key -> key.startsWith("mpr2:")).allMatch(key -> key.matches("mpr2:[A-Za-z0-9_-]{22}(:c0)?")),
                cache.keys()::toString);
        assertTrue(cache.keys().stream().anyMatch(key -> key.startsWith("mpv1:")), cache.keys()::toString);
    }

    @Test
    void aNamespaceIsLettersAndDigitsEndingInAColon() {
        InfinispanLikeSingleUseObjects.Request request = cache.begin();
        for (String bad : new String[] {"", "mpr2", "MP:", "mp r:", "a:b:"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> request.limitStore(bad), bad);
        }
    }
}
