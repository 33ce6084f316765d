package ru.marketplace.keycloak.mail;

import java.time.Duration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

/**
 * The queue's figures in Keycloak's Micrometer registry (served on the management port's {@code /metrics} when
 * Keycloak runs with {@code --metrics-enabled=true}; without it the global registry records nothing). README,
 * "Mail delivery", says what to alert on.
 */
final class MailMetrics implements DeliveryObserver, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailMetrics.class);
    static final String PREFIX = "marketplace.mail.";

    private final MeterRegistry registry;
    private Gauge backlog;
    private Gauge inFlight;
    private Gauge idleConnections;

    MailMetrics() {
        this(Metrics.globalRegistry);
    }

    MailMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void watch(DeliveryQueue queue) {
        backlog = Gauge.builder(PREFIX + "backlog", queue, DeliveryQueue::backlog)
                .description("Mails accepted on this node and not yet delivered or dropped").register(registry);
        inFlight = Gauge.builder(PREFIX + "conversations", queue, DeliveryQueue::inFlight)
                .description("SMTP conversations under way on this node").register(registry);
    }

    void watch(PooledSmtpSender sender) {
        idleConnections = Gauge.builder(PREFIX + "connections.idle", sender, PooledSmtpSender::idleConnections)
                .description("SMTP connections this node keeps open for the next mail").register(registry);
    }

    void connectionOpened() {
        Counter.builder(PREFIX + "connections.opened").description("SMTP connections opened (a kept one carries more mails)")
                .register(registry).increment();
    }

    @Override
    public void accepted(String kind) {
        counter("accepted", "Mails accepted for delivery", kind).increment();
    }

    @Override
    public void attempted(String kind, int attempt, SmtpFailure failure) {
        Counter.builder(PREFIX + "attempts").description("SMTP conversations by outcome")
                .tag("kind", kind)
                .tag("outcome", failure == null ? "delivered" : failure.temporary() ? "temporary_failure" : "permanent_failure")
                .register(registry).increment();
    }

    @Override
    public void retryScheduled(String kind, int nextAttempt, Duration wait) {
        counter("retries", "Retries scheduled after a temporary failure", kind).increment();
    }

    @Override
    public void delivered(String kind, int attempts, Duration sinceRequest) {
        counter("delivered", "Mails the SMTP server accepted", kind).increment();
        Timer.builder(PREFIX + "delivery").description("From the shopper's request to the SMTP server's acceptance")
                .tag("kind", kind).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry).record(sinceRequest);
        if (attempts > 1) {
            LOG.infof("%s mail delivered on attempt %d, %d s after the request", kind, attempts, sinceRequest.toSeconds());
        }
    }

    @Override
    public void dropped(String kind, Drop reason, String detail, int attempts) {
        Counter.builder(PREFIX + "dropped").description("Mails given up, by reason")
                .tag("kind", kind).tag("reason", reason.tag())
                .register(registry).increment();
        switch (reason) {
            case REFUSED, BACKLOG_FULL, SHUTDOWN ->
                    LOG.warnf("%s mail dropped (%s) after %d attempts: %s", kind, reason.tag(), attempts, detail);
            case EXPIRED -> {
                if (attempts > 0) {
                    LOG.warnf("%s mail dropped (expired) after %d attempts: %s", kind, attempts, detail);
                }
            }
            default -> LOG.debugf("%s mail dropped (%s) after %d attempts", kind, reason.tag(), attempts);
        }
    }

    void bookkeepingDropped() {
        Counter.builder(PREFIX + "events.dropped").description("Mail events not recorded because their queue was full")
                .register(registry).increment();
    }

    private Counter counter(String name, String description, String kind) {
        return Counter.builder(PREFIX + name).description(description).tag("kind", kind).register(registry);
    }

    @Override
    public void close() {
        if (backlog != null) {
            registry.remove(backlog);
        }
        if (inFlight != null) {
            registry.remove(inFlight);
        }
        if (idleConnections != null) {
            registry.remove(idleConnections);
        }
    }
}
