package ru.marketplace.keycloak.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * This node's outgoing mail: at most {@code conversations} SMTP conversations at once, at most {@code backlog}
 * mails accepted and not yet finished, retries of temporary failures with {@link RetryBackoff} until the mail's
 * deadline.
 *
 * <p>At the bound the newest mail is refused at once (dropped as {@link Drop#BACKLOG_FULL}, recorded): the
 * request thread never waits, and the mails already waiting are the older requests, closer to being delivered
 * when the server recovers. The queue lives in this node's memory only, so the plain code in a composed mail
 * never leaves the node (SECURITY.md, "Mail delivery").
 */
public final class DeliveryQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

    private final ScheduledThreadPoolExecutor workers;
    private final int maxBacklog;
    private final int conversations;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final DeliveryObserver observer;
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Accepted and waiting for an attempt: what a shutdown drops. */
    private final Set<MailJob> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public DeliveryQueue(int conversations, int maxBacklog, RetryBackoff backoff, Clock clock, DoubleSupplier jitter,
                         DeliveryObserver observer) {
        if (conversations < 1 || maxBacklog < 1) {
            throw new IllegalArgumentException("a mail queue needs at least one conversation and one backlog place");
        }
        this.maxBacklog = maxBacklog;
        this.conversations = conversations;
        this.backoff = backoff;
        this.clock = clock;
        this.jitter = jitter;
        this.observer = observer;
        this.workers = new ScheduledThreadPoolExecutor(conversations, namedDaemons());
        this.workers.setRemoveOnCancelPolicy(true);
        this.workers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** SMTP conversations this node holds at most at once. */
    public int conversations() {
        return conversations;
    }

    /**
     * Accepts {@code job} for delivery, or drops it at once when the backlog is full or the node is shutting down
     * ({@link MailJob#dropped} then runs on the calling thread: keep it cheap).
     *
     * @return whether the job was accepted
     */
    public boolean submit(MailJob job) {
        if (closed) {
            drop(job, Drop.SHUTDOWN, "the node is shutting down", 0, false);
            return false;
        }
        if (backlog.incrementAndGet() > maxBacklog) {
            backlog.decrementAndGet();
            drop(job, Drop.BACKLOG_FULL, maxBacklog + " mails already wait on this node", 0, false);
            return false;
        }
        observer.accepted(job.kind());
        schedule(job, 1, Duration.ZERO);
        return true;
    }

    /** Mails accepted and not finished (waiting, or in a conversation). */
    public int backlog() {
        return backlog.get();
    }

    /** SMTP conversations under way. */
    public int inFlight() {
        return inFlight.get();
    }

    private void schedule(MailJob job, int attempt, Duration wait) {
        waiting.add(job);
        try {
            workers.schedule(() -> {
                waiting.remove(job);
                attempt(job, attempt);
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            waiting.remove(job);
            drop(job, Drop.SHUTDOWN, "the node is shutting down", attempt - 1, true);
        }
    }

    private void attempt(MailJob job, int attempt) {
        Instant now = clock.instant();
        if (!now.isBefore(job.deadline())) {
            drop(job, Drop.EXPIRED, "no attempt left before it expired", attempt - 1, true);
            return;
        }
        Optional<Drop> unwanted;
        try {
            unwanted = job.stillWanted();
        } catch (RuntimeException unreadable) {
            // the store could not say: a mail sent needlessly is cheaper than a code never sent
            LOG.warnf(unreadable, "Could not check whether a %s mail is still wanted; sending it", job.kind());
            unwanted = Optional.empty();
        }
        if (unwanted.isPresent()) {
            drop(job, unwanted.get(), "", attempt - 1, true);
            return;
        }
        inFlight.incrementAndGet();
        try {
            job.send();
        } catch (Exception e) {
            failed(job, attempt, SmtpFailure.classify(e), e);
            return;
        } finally {
            inFlight.decrementAndGet();
        }
        observer.attempted(job.kind(), attempt, null);
        observer.delivered(job.kind(), attempt, Duration.between(job.requestedAt(), clock.instant()));
        backlog.decrementAndGet();
        try {
            job.delivered(attempt);
        } catch (RuntimeException e) {
            LOG.warnf(e, "A delivered %s mail could not be recorded", job.kind());
        }
    }

    private void failed(MailJob job, int attempt, SmtpFailure failure, Exception cause) {
        observer.attempted(job.kind(), attempt, failure);
        if (!failure.temporary()) {
            LOG.debugf(cause, "%s mail refused for good on attempt %d", job.kind(), attempt);
            drop(job, Drop.REFUSED, failure.reason(), attempt, true);
            return;
        }
        Duration wait = backoff.before(attempt + 1, jitter);
        if (!clock.instant().plus(wait).isBefore(job.deadline())) {
            drop(job, Drop.EXPIRED, "last failure: " + failure.reason(), attempt, true);
            return;
        }
        LOG.debugf("%s mail attempt %d failed (%s); next in %d ms", job.kind(), attempt, failure.reason(), wait.toMillis());
        observer.retryScheduled(job.kind(), attempt + 1, wait);
        if (attempt == 1) {
            try {
                job.firstFailure(failure);
            } catch (RuntimeException e) {
                LOG.warnf(e, "A failed %s mail attempt could not be recorded", job.kind());
            }
        }
        schedule(job, attempt + 1, wait);
    }

    private void drop(MailJob job, Drop reason, String detail, int attempts, boolean wasAccepted) {
        if (wasAccepted) {
            backlog.decrementAndGet();
        }
        observer.dropped(job.kind(), reason, detail, attempts);
        try {
            job.dropped(reason, detail, attempts);
        } catch (RuntimeException e) {
            LOG.warnf(e, "A dropped %s mail could not be recorded", job.kind());
        }
    }

    /**
     * Stops taking mail, lets the conversations under way finish for up to {@code grace}, and drops (recorded, as
     * {@link Drop#SHUTDOWN}) every mail still waiting.
     */
    public void close(Duration grace) {
        closed = true;
        workers.shutdown(); // waiting attempts are cancelled; running ones finish
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        List<MailJob> left = List.copyOf(waiting);
        waiting.clear();
        for (MailJob job : left) {
            drop(job, Drop.SHUTDOWN, "the node shut down while it waited", 0, true);
        }
        if (!left.isEmpty()) {
            LOG.warnf("%d mails were waiting for delivery when this node shut down; they are not sent", left.size());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private static ThreadFactory namedDaemons() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "marketplace-mail-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
