package ru.marketplace.keycloak.mail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Open connections kept between mails, by the settings they were opened with. Opening an SMTP connection costs a
 * TCP handshake, the greeting, EHLO, often STARTTLS with a TLS handshake and AUTH: more CPU than the mail itself
 * (measured: README, "Performance"). A connection is handed to one conversation at a time; it goes back after a
 * delivered mail and is closed, never reused, after any failure. Idle, old or busy connections are closed so a
 * mail server's own idle timeout rarely finds one of ours open, and so a changed DNS record or a rotated
 * certificate is seen within {@code maxAge}.
 *
 * @param <K> what a connection was opened with (two mails share connections only when their keys are equal)
 * @param <C> the connection
 */
final class ConnectionPool<K, C> {

    /**
     * @param idle     a connection unused this long is closed
     * @param maxAge   a connection this old is closed after its mail
     * @param maxMails a connection that carried this many mails is closed after the last
     * @param maxIdle  connections kept idle per key; more are closed when they come back
     */
    record Limits(Duration idle, Duration maxAge, int maxMails, int maxIdle) {
        Limits {
            if (idle.isNegative() || idle.isZero() || maxAge.isNegative() || maxAge.isZero() || maxMails < 1 || maxIdle < 1) {
                throw new IllegalArgumentException("connection pool limits must be positive: " + idle + ", " + maxAge
                        + ", " + maxMails + ", " + maxIdle);
            }
        }
    }

    /** A connection with what the limits need to know of it. */
    static final class Pooled<C> {
        private final C connection;
        private final long openedAt;
        private int mails;
        private long lastUsed;
        private final boolean reused;

        private Pooled(C connection, long openedAt, int mails, long lastUsed, boolean reused) {
            this.connection = connection;
            this.openedAt = openedAt;
            this.mails = mails;
            this.lastUsed = lastUsed;
            this.reused = reused;
        }

        C connection() {
            return connection;
        }

        /** True when it carried a mail before this one: it may have been closed by the server meanwhile. */
        boolean reused() {
            return reused;
        }
    }

    private final Limits limits;
    private final LongSupplier nanoTime;
    private final Consumer<C> closer;
    private final Map<K, Deque<Pooled<C>>> idle = new HashMap<>();

    ConnectionPool(Limits limits, LongSupplier nanoTime, Consumer<C> closer) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.closer = closer;
    }

    /** The most recently used idle connection for {@code key}, if one is within the limits; stale ones are closed. */
    Optional<Pooled<C>> take(K key) {
        List<C> stale = new ArrayList<>();
        Optional<Pooled<C>> taken = Optional.empty();
        synchronized (idle) {
            Deque<Pooled<C>> waiting = idle.get(key);
            long now = nanoTime.getAsLong();
            while (waiting != null && !waiting.isEmpty()) {
                Pooled<C> candidate = waiting.pollFirst();
                if (idleTooLong(candidate, now) || tooOld(candidate, now)) {
                    stale.add(candidate.connection);
                    continue;
                }
                taken = Optional.of(new Pooled<>(candidate.connection, candidate.openedAt, candidate.mails, candidate.lastUsed, true));
                break;
            }
            if (waiting != null && waiting.isEmpty()) {
                idle.remove(key);
            }
        }
        stale.forEach(closer); // outside the lock: closing may wait on the network
        return taken;
    }

    /** A connection just opened, to hand to the conversation that opened it. */
    Pooled<C> opened(C connection) {
        long now = nanoTime.getAsLong();
        return new Pooled<>(connection, now, 0, now, false);
    }

    /** After a delivered mail: kept for the next one, or closed if it reached a limit. */
    void delivered(K key, Pooled<C> pooled) {
        long now = nanoTime.getAsLong();
        pooled.mails++;
        pooled.lastUsed = now;
        boolean keep = pooled.mails < limits.maxMails() && !tooOld(pooled, now);
        if (keep) {
            synchronized (idle) {
                Deque<Pooled<C>> waiting = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
                if (waiting.size() < limits.maxIdle()) {
                    waiting.addFirst(pooled);
                    return;
                }
            }
        }
        closer.accept(pooled.connection);
    }

    /** After a failure: the connection's state is unknown, so it is closed. */
    void failed(Pooled<C> pooled) {
        closer.accept(pooled.connection);
    }

    /** Closes the connections idle longer than the limit; returns how many. */
    int closeIdle() {
        List<C> stale = new ArrayList<>();
        synchronized (idle) {
            long now = nanoTime.getAsLong();
            for (Iterator<Deque<Pooled<C>>> keys = idle.values().iterator(); keys.hasNext(); ) {
                Deque<Pooled<C>> waiting = keys.next();
                waiting.removeIf(p -> {
                    boolean old = idleTooLong(p, now) || tooOld(p, now);
                    if (old) {
                        stale.add(p.connection);
                    }
                    return old;
                });
                if (waiting.isEmpty()) {
                    keys.remove();
                }
            }
        }
        stale.forEach(closer);
        return stale.size();
    }

    /** Closes every idle connection (the node is stopping). */
    void closeAll() {
        List<C> all = new ArrayList<>();
        synchronized (idle) {
            idle.values().forEach(waiting -> waiting.forEach(p -> all.add(p.connection)));
            idle.clear();
        }
        all.forEach(closer);
    }

    int idleCount() {
        synchronized (idle) {
            return idle.values().stream().mapToInt(Deque::size).sum();
        }
    }

    private boolean idleTooLong(Pooled<C> p, long now) {
        return now - p.lastUsed >= limits.idle().toNanos();
    }

    private boolean tooOld(Pooled<C> p, long now) {
        return now - p.openedAt >= limits.maxAge().toNanos();
    }
}
