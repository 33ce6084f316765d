package ru.marketplace.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    private final AtomicLong now = new AtomicLong();
    private final List<String> closed = new ArrayList<>();
    private final ConnectionPool<String, String> pool = new ConnectionPool<>(
            new ConnectionPool.Limits(Duration.ofSeconds(30), Duration.ofMinutes(5), 3, 2), now::get, closed::add);

    @Test
    void aDeliveredConnectionCarriesTheNextMailOfTheSameSettings() {
        ConnectionPool.Pooled<String> first = pool.opened("c1");
        assertFalse(first.reused());
        pool.delivered("smtp-a", first);
        ConnectionPool.Pooled<String> again = pool.take("smtp-a").orElseThrow();
        assertEquals("c1", again.connection());
        assertTrue(again.reused(), "a kept connection may have been closed by the server: the sender checks it");
        assertTrue(pool.take("smtp-a").isEmpty(), "one conversation at a time");
        assertTrue(pool.take("smtp-b").isEmpty(), "other settings, other connections");
        assertTrue(closed.isEmpty());
    }

    @Test
    void aConnectionIdleTooLongIsClosedNotReused() {
        pool.delivered("smtp-a", pool.opened("c1"));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertTrue(pool.take("smtp-a").isEmpty());
        assertEquals(List.of("c1"), closed);
    }

    @Test
    void theSweepClosesIdleConnectionsAndKeepsFreshOnes() {
        pool.delivered("smtp-a", pool.opened("old"));
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        pool.delivered("smtp-b", pool.opened("fresh"));
        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertEquals(1, pool.closeIdle());
        assertEquals(List.of("old"), closed);
        assertEquals(1, pool.idleCount());
    }

    @Test
    void aConnectionIsClosedAfterItsLastAllowedMail() {
        ConnectionPool.Pooled<String> c = pool.opened("c1");
        for (int mail = 1; mail <= 3; mail++) {
            pool.delivered("smtp-a", c);
            if (mail < 3) {
                c = pool.take("smtp-a").orElseThrow();
            }
        }
        assertEquals(List.of("c1"), closed, "three mails is the limit");
        assertTrue(pool.take("smtp-a").isEmpty());
    }

    @Test
    void anOldConnectionIsClosedAfterItsMailEvenIfBusy() {
        ConnectionPool.Pooled<String> c = pool.opened("c1");
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        pool.delivered("smtp-a", c);
        assertEquals(List.of("c1"), closed);
    }

    @Test
    void aFailedConnectionIsClosedAndNeverComesBack() {
        ConnectionPool.Pooled<String> c = pool.opened("c1");
        pool.failed(c);
        assertEquals(List.of("c1"), closed);
        assertTrue(pool.take("smtp-a").isEmpty());
    }

    @Test
    void noMoreThanTheIdleLimitIsKeptPerSettings() {
        ConnectionPool.Pooled<String> a = pool.opened("c1");
        ConnectionPool.Pooled<String> b = pool.opened("c2");
        ConnectionPool.Pooled<String> c = pool.opened("c3");
        pool.delivered("smtp-a", a);
        pool.delivered("smtp-a", b);
        pool.delivered("smtp-a", c);
        assertEquals(List.of("c3"), closed);
        assertEquals(2, pool.idleCount());
        assertEquals("c2", pool.take("smtp-a").orElseThrow().connection(), "the most recently used first");
    }

    @Test
    void closeAllEmptiesThePool() {
        pool.delivered("smtp-a", pool.opened("c1"));
        pool.delivered("smtp-b", pool.opened("c2"));
        pool.closeAll();
        assertEquals(2, closed.size());
        assertEquals(0, pool.idleCount());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionPool.Limits(Duration.ZERO, Duration.ofMinutes(1), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionPool.Limits(Duration.ofSeconds(1), Duration.ofMinutes(1), 0, 1));
    }
}
