package ru.marketplace.keycloak.code.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SlidingWindowLimitTest {

    private final InMemoryLimitStore store = new InMemoryLimitStore();
    private Instant now = Instant.parse("2026-11-25T10:00:00Z");

    private void advance(Duration by) {
        now = now.plus(by);
        store.setNow(now);
    }

    @Test
    void grantsUpToCapacityThenRefusesUntilTheOldestSlotExpires() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 3, Duration.ofHours(1));
        assertEquals(1, limit.tryAcquire("a", now).used());
        advance(Duration.ofMinutes(10));
        assertEquals(2, limit.tryAcquire("a", now).used());
        advance(Duration.ofMinutes(10));
        LimitDecision third = limit.tryAcquire("a", now);
        assertTrue(third.granted());
        assertEquals(0, third.remaining());

        LimitDecision refused = limit.tryAcquire("a", now);
        assertFalse(refused.granted());
        assertEquals(Duration.ofMinutes(40), refused.retryAfter(), "the first slot frees 60 min after it was taken");

        advance(Duration.ofMinutes(40));
        assertTrue(limit.tryAcquire("a", now).granted(), "sliding: one slot is free again");
        assertFalse(limit.tryAcquire("a", now).granted());
    }

    @Test
    void subjectsAreIndependent() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 1, Duration.ofMinutes(5));
        assertTrue(limit.tryAcquire("a", now).granted());
        assertTrue(limit.tryAcquire("b", now).granted());
        assertFalse(limit.tryAcquire("a", now).granted());
    }

    @Test
    void refusalForDoesNotTakeASlot() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 2, Duration.ofMinutes(5));
        assertTrue(limit.refusalFor("a", now).isEmpty());
        limit.tryAcquire("a", now);
        assertTrue(limit.refusalFor("a", now).isEmpty());
        limit.tryAcquire("a", now);
        assertEquals(Duration.ofMinutes(5), limit.refusalFor("a", now).orElseThrow());
    }

    @Test
    void releasedSlotCanBeTakenAgain() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 1, Duration.ofMinutes(5));
        LimitDecision first = limit.tryAcquire("a", now);
        limit.release(first);
        assertTrue(limit.tryAcquire("a", now).granted());
    }

    @Test
    void raisingTheCapacityTakesEffectAtOnce() {
        SlidingWindowLimit small = new SlidingWindowLimit(store, "t", 2, Duration.ofHours(1));
        small.tryAcquire("a", now);
        small.tryAcquire("a", now);
        assertFalse(small.tryAcquire("a", now).granted());
        SlidingWindowLimit raised = new SlidingWindowLimit(store, "t", 3, Duration.ofHours(1));
        assertTrue(raised.tryAcquire("a", now).granted(), "the ring of the old, smaller capacity must not apply");
        assertFalse(raised.tryAcquire("a", now).granted());
    }

    @Test
    void keysDoNotContainTheSubject() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 1, Duration.ofMinutes(5));
        LimitDecision decision = limit.tryAcquire("attacker:controlled\r\nvalue", now);
        assertFalse(decision.slotKey().contains("attacker"));
        assertTrue(decision.slotKey().matches("[A-Za-z0-9_-]{22}:t0"), decision.slotKey());
    }

    @Test
    void concurrentClaimsNeverExceedCapacity() throws Exception {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 10, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                tasks.add(() -> limit.tryAcquire("victim", now).granted());
            }
            int granted = 0;
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                granted += result.get() ? 1 : 0;
            }
            assertEquals(10, granted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRingWrapsAndEachSlotFreesAWindowAfterItsOwnClaim() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 3, Duration.ofHours(1));
        limit.tryAcquire("a", now);
        advance(Duration.ofMinutes(10));
        limit.tryAcquire("a", now);
        advance(Duration.ofMinutes(10));
        limit.tryAcquire("a", now);
        advance(Duration.ofMinutes(40));
        LimitDecision fourth = limit.tryAcquire("a", now);
        assertTrue(fourth.granted(), "the first claim lapsed");
        assertEquals(0, fourth.slot(), "the ring came round to the first slot");
        LimitDecision refused = limit.tryAcquire("a", now);
        assertFalse(refused.granted());
        assertEquals(Duration.ofMinutes(10), refused.retryAfter(), "the second claim lapses 10 minutes later");
        assertEquals(Duration.ofMinutes(10), limit.refusalFor("a", now).orElseThrow());
    }

    @Test
    void theStatedWaitNeverExceedsTheWindowThoughClaimTimesAreRoundedUp() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 1, Duration.ofHours(1));
        Instant midSecond = now.plusMillis(400);
        store.setNow(midSecond);
        limit.tryAcquire("a", midSecond);
        assertEquals(Duration.ofHours(1), limit.tryAcquire("a", midSecond).retryAfter());
    }

    @Test
    void aReleaseRightAfterTheClaimGivesTheSlotBackToTheNextEvent() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 2, Duration.ofHours(1));
        limit.tryAcquire("a", now);
        limit.release(limit.tryAcquire("a", now));
        assertTrue(limit.tryAcquire("a", now).granted());
        assertFalse(limit.tryAcquire("a", now).granted());
    }

    @Test
    void aReleaseBehindALaterClaimLeavesTheLimitOneShortNeverOver() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 3, Duration.ofHours(1));
        LimitDecision first = limit.tryAcquire("a", now);
        limit.tryAcquire("a", now);
        limit.release(first);
        int granted = 0;
        for (int i = 0; i < 5; i++) {
            granted += limit.tryAcquire("a", now).granted() ? 1 : 0;
        }
        assertTrue(granted >= 1 && granted <= 2, "2 slots were free; granted " + granted);
    }

    @Test
    void aLostRecordNeverLetsMoreEventsThroughThanSlots() {
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", 4, Duration.ofHours(1));
        limit.tryAcquire("a", now);
        limit.tryAcquire("a", now);
        // the entry holding the ring record vanishes (a write lost in a crash): the slots still hold
        store.release(StoreKeys.entry("a"));
        assertTrue(limit.tryAcquire("a", now).granted());
        assertTrue(limit.tryAcquire("a", now).granted());
        assertFalse(limit.tryAcquire("a", now).granted());
        assertFalse(limit.tryAcquire("a", now).granted());
    }

    @Test
    void aLargeCapacityKeepsOneTimePerGroupAndNeverStatesTooShortAWait() {
        int capacity = 1000; // groups of 8 slots
        SlidingWindowLimit limit = new SlidingWindowLimit(store, "t", capacity, Duration.ofHours(1));
        for (int i = 0; i < capacity; i++) {
            assertTrue(limit.tryAcquire("ip", now).granted(), "claim " + i);
            advance(Duration.ofSeconds(3));
        }
        // claims 0..999 were made 3 s apart over 50 minutes; the first lapses 3000 s after its claim, at +60 min
        LimitDecision refused = limit.tryAcquire("ip", now);
        assertFalse(refused.granted());
        Duration trueWait = Duration.ofHours(1).minus(Duration.ofSeconds(3L * capacity));
        assertTrue(refused.retryAfter().compareTo(trueWait) >= 0, "never too short: " + refused.retryAfter());
        assertTrue(refused.retryAfter().compareTo(trueWait.plusSeconds(8 * 3 + 1)) <= 0, "at most one group too long: " + refused.retryAfter());
        advance(refused.retryAfter());
        assertTrue(limit.tryAcquire("ip", now).granted(), "free once the stated wait has passed");
    }
}
