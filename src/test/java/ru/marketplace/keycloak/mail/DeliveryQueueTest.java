package ru.marketplace.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queue on real threads and the real clock, with waits of milliseconds. */
class DeliveryQueueTest {

    private static final RetryBackoff FAST = new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(80));
    private final List<String> observed = Collections.synchronizedList(new ArrayList<>());
    private DeliveryQueue queue;

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.close(Duration.ofSeconds(2));
        }
    }

    private DeliveryQueue queue(int conversations, int backlog) {
        queue = new DeliveryQueue(conversations, backlog, FAST, Clock.systemUTC(), () -> 0.5, new Recording());
        return queue;
    }

    @Test
    void temporaryFailuresAreRetriedUntilDelivered() throws Exception {
        TestJob job = new TestJob(Duration.ofSeconds(5), timeout(), timeout(), null);
        queue(2, 10).submit(job);
        assertEquals("delivered after 3", job.awaitEnd());
        assertEquals(3, job.sends.get());
        assertEquals(1, job.firstFailures.get(), "an operator hears of the first failure once, not of every retry");
        assertEquals(0, queue.backlog());
        assertTrue(observed.contains("retry 2"), observed.toString());
        assertTrue(observed.contains("retry 3"), observed.toString());
    }

    @Test
    void aPermanentRefusalIsNotRetried() throws Exception {
        TestJob job = new TestJob(Duration.ofSeconds(5),
                new SMTPSendFailedException("RCPT TO", 550, "550 5.1.1 No such user", null, null, null, null), null);
        queue(1, 10).submit(job);
        assertEquals("dropped refused (550 5.1.1) after 1", job.awaitEnd());
        assertEquals(1, job.sends.get());
    }

    @Test
    void aMailIsNeverSentAfterItsDeadline() throws Exception {
        Exception[] alwaysTimingOut = new Exception[50];
        java.util.Arrays.fill(alwaysTimingOut, timeout());
        TestJob job = new TestJob(Duration.ofMillis(150), alwaysTimingOut);
        queue(1, 10).submit(job);
        String end = job.awaitEnd();
        assertTrue(end.startsWith("dropped expired (last failure: timeout)"), end);
        assertTrue(job.lastSendAt.get().isBefore(job.deadline()), "an attempt started after the deadline");
    }

    @Test
    void aMailNoLongerWantedIsDroppedBeforeItsNextAttempt() throws Exception {
        TestJob job = new TestJob(Duration.ofSeconds(5), timeout(), null);
        job.unwantedAfterSends = 1;
        queue(1, 10).submit(job);
        assertEquals("dropped replaced () after 1", job.awaitEnd());
        assertEquals(1, job.sends.get());
    }

    @Test
    void aFullBacklogRefusesTheNewestMailAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TestJob first = new TestJob(Duration.ofSeconds(5), (Exception) null);
        first.blockOnSend = release;
        TestJob second = new TestJob(Duration.ofSeconds(5), (Exception) null);
        TestJob third = new TestJob(Duration.ofSeconds(5), (Exception) null);
        queue(1, 2);
        assertTrue(queue.submit(first));
        assertTrue(queue.submit(second));
        long start = System.nanoTime();
        assertFalse(queue.submit(third));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(100), "the refusal waited");
        assertEquals("dropped backlog_full (2 mails already wait on this node) after 0", third.awaitEnd());
        release.countDown();
        assertEquals("delivered after 1", first.awaitEnd());
        assertEquals("delivered after 1", second.awaitEnd());
        assertEquals(0, queue.backlog());
    }

    @Test
    void conversationsAreBounded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<TestJob> jobs = new ArrayList<>();
        queue(2, 10);
        for (int i = 0; i < 5; i++) {
            TestJob job = new TestJob(Duration.ofSeconds(5), (Exception) null);
            job.blockOnSend = release;
            jobs.add(job);
            queue.submit(job);
        }
        Thread.sleep(200);
        assertEquals(2, queue.inFlight());
        assertEquals(5, queue.backlog());
        release.countDown();
        for (TestJob job : jobs) {
            assertEquals("delivered after 1", job.awaitEnd());
        }
    }

    @Test
    void aShutdownDropsWhatWaitsAndRecordsIt() throws Exception {
        TestJob waitingForRetry = new TestJob(Duration.ofSeconds(30), timeout(), null);
        queue = new DeliveryQueue(1, 10, new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10)), Clock.systemUTC(),
                () -> 0.5, new Recording());
        queue.submit(waitingForRetry);
        while (waitingForRetry.sends.get() < 1) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        queue.close(Duration.ofSeconds(1));
        assertEquals("dropped shutdown (the node shut down while it waited) after 0", waitingForRetry.awaitEnd());
        TestJob late = new TestJob(Duration.ofSeconds(30), (Exception) null);
        assertFalse(queue.submit(late));
        assertEquals("dropped shutdown (the node is shutting down) after 0", late.awaitEnd());
    }

    private static Exception timeout() {
        return new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
    }

    /** Sends fail with the given exceptions in turn ({@code null}: success). */
    private static final class TestJob implements MailJob {
        private final Instant requested = Instant.now();
        private final Instant deadline;
        private final Exception[] outcomes;
        final AtomicInteger sends = new AtomicInteger();
        final AtomicInteger firstFailures = new AtomicInteger();
        final AtomicReference<Instant> lastSendAt = new AtomicReference<>();
        private final CountDownLatch ended = new CountDownLatch(1);
        private final AtomicReference<String> end = new AtomicReference<>();
        volatile int unwantedAfterSends = Integer.MAX_VALUE;
        volatile CountDownLatch blockOnSend;

        TestJob(Duration validFor, Exception... outcomes) {
            this.deadline = requested.plus(validFor);
            this.outcomes = outcomes;
        }

        @Override public String kind() { return "test"; }
        @Override public Instant requestedAt() { return requested; }
        @Override public Instant deadline() { return deadline; }

        @Override
        public Optional<Drop> stillWanted() {
            return sends.get() >= unwantedAfterSends ? Optional.of(Drop.REPLACED) : Optional.empty();
        }

        @Override
        public void send() throws Exception {
            lastSendAt.set(Instant.now());
            int n = sends.getAndIncrement();
            if (blockOnSend != null) {
                blockOnSend.await(5, TimeUnit.SECONDS);
            }
            Exception outcome = n < outcomes.length ? outcomes[n] : outcomes[outcomes.length - 1];
            if (outcome != null) {
                throw outcome;
            }
        }

        @Override
        public void firstFailure(SmtpFailure failure) {
            firstFailures.incrementAndGet();
        }

        @Override
        public void delivered(int attempts) {
            finish("delivered after " + attempts);
        }

        @Override
        public void dropped(Drop reason, String detail, int attempts) {
            finish("dropped " + reason.tag() + " (" + detail + ") after " + attempts);
        }

        private void finish(String how) {
            if (!end.compareAndSet(null, how)) {
                throw new AssertionError("ended twice: " + end.get() + ", then " + how);
            }
            ended.countDown();
        }

        String awaitEnd() throws InterruptedException {
            assertTrue(ended.await(10, TimeUnit.SECONDS), "the job never ended");
            return end.get();
        }
    }

    private final class Recording implements DeliveryObserver {
        @Override public void accepted(String kind) { observed.add("accepted"); }
        @Override public void attempted(String kind, int attempt, SmtpFailure failure) { observed.add("attempt " + attempt); }
        @Override public void retryScheduled(String kind, int nextAttempt, Duration wait) { observed.add("retry " + nextAttempt); }
        @Override public void delivered(String kind, int attempts, Duration sinceRequest) { observed.add("delivered"); }
        @Override public void dropped(String kind, Drop reason, String detail, int attempts) { observed.add("dropped " + reason.tag()); }
    }
}
