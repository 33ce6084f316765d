package ru.marketplace.keycloak.mail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakTransactionManager;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;

/**
 * One {@link DeliveryQueue} per node, and a small bookkeeping executor for the events of requests that send no
 * mail. Both are bounded; both stop with the node.
 */
public final class MailDeliveryProviderFactory implements ProviderFactory<MailDelivery> {

    public static final String PROVIDER_ID = "default";
    private static final Logger LOG = Logger.getLogger(MailDeliveryProviderFactory.class);

    static final String CONVERSATIONS = "conversations";
    static final String BACKLOG = "backlog";
    static final String RETRY_INITIAL = "retry-initial-millis";
    static final String RETRY_MAX = "retry-max-millis";
    static final String SHUTDOWN_GRACE = "shutdown-grace-millis";
    static final String CONNECTION_IDLE = "connection-idle-millis";
    static final int DEFAULT_CONVERSATIONS = 4;
    static final int DEFAULT_BACKLOG = 10_000;
    static final long DEFAULT_RETRY_INITIAL = 2_000;
    static final long DEFAULT_RETRY_MAX = 30_000;
    static final long DEFAULT_SHUTDOWN_GRACE = 10_000;
    static final long DEFAULT_CONNECTION_IDLE = 30_000;
    /** A kept connection is closed after this long or this many mails, whichever comes first. */
    static final java.time.Duration CONNECTION_MAX_AGE = java.time.Duration.ofMinutes(5);
    static final int CONNECTION_MAX_MAILS = 100;

    private DeliveryQueue queue;
    private ThreadPoolExecutor bookkeeping;
    private MailMetrics metrics;
    private Duration shutdownGrace;
    private KeycloakSessionFactory sessionFactory;
    private Duration connectionIdle;
    /** Null when connections are not kept (option 0, or the realm mails through another EmailSenderProvider). */
    private PooledSmtpSender pooledSender;
    private java.util.concurrent.ScheduledExecutorService idleCloser;

    @Override
    public void init(Config.Scope config) {
        int conversations = positive(config, CONVERSATIONS, DEFAULT_CONVERSATIONS);
        int backlog = positive(config, BACKLOG, DEFAULT_BACKLOG);
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(positive(config, RETRY_INITIAL, DEFAULT_RETRY_INITIAL)),
                Duration.ofMillis(positive(config, RETRY_MAX, DEFAULT_RETRY_MAX)));
        shutdownGrace = Duration.ofMillis(positive(config, SHUTDOWN_GRACE, DEFAULT_SHUTDOWN_GRACE));
        connectionIdle = Duration.ofMillis(atLeast(0, config, CONNECTION_IDLE, DEFAULT_CONNECTION_IDLE));
        metrics = new MailMetrics();
        SecureRandom random = new SecureRandom();
        queue = new DeliveryQueue(conversations, backlog, backoff, Clock.systemUTC(), random::nextDouble, metrics);
        metrics.watch(queue);
        bookkeeping = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(backlog), runnable -> {
            Thread thread = new Thread(runnable, "marketplace-mail-events");
            thread.setDaemon(true);
            return thread;
        }, (rejected, executor) -> metrics.bookkeepingDropped());
        LOG.debugf("mail delivery: %d conversations, backlog %d, retries %s", conversations, backlog, backoff);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
        if (connectionIdle.isZero()) {
            return;
        }
        // only Keycloak's own sender is replaced: an operator's EmailSenderProvider (an HTTP mail API, say) keeps
        // every mail
        org.keycloak.provider.ProviderFactory<org.keycloak.email.EmailSenderProvider> sender =
                factory.getProviderFactory(org.keycloak.email.EmailSenderProvider.class);
        if (sender instanceof org.keycloak.email.DefaultEmailSenderProviderFactory keycloakSender) {
            ConnectionPool.Limits limits = new ConnectionPool.Limits(connectionIdle, CONNECTION_MAX_AGE, CONNECTION_MAX_MAILS,
                    queue.conversations());
            pooledSender = new PooledSmtpSender(keycloakSender.getEmailAuthenticators(), limits, metrics::connectionOpened);
            metrics.watch(pooledSender);
            idleCloser = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "marketplace-mail-idle");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(1_000, connectionIdle.toMillis() / 2);
            idleCloser.scheduleWithFixedDelay(this::closeIdleConnections, every, every, TimeUnit.MILLISECONDS);
        } else {
            LOG.infof("mail delivery: the realm's mail goes through %s, one SMTP connection per mail", sender.getId());
        }
    }

    private void closeIdleConnections() {
        try {
            pooledSender.closeIdle();
        } catch (RuntimeException e) {
            LOG.debugf("closing idle SMTP connections: %s", e.toString());
        }
    }

    @Override
    public MailDelivery create(KeycloakSession session) {
        return new Handle(session);
    }

    /** The per-request face of the node's queue. */
    private final class Handle implements MailDelivery {
        private final KeycloakSession session;

        Handle(KeycloakSession session) {
            this.session = session;
        }

        @Override
        public void sendAfterCommit(MailRequest request) {
            afterCommit(session, () -> queue.submit(new KeycloakMailJob(sessionFactory, request, bookkeeping::execute, pooledSender)));
        }

        @Override
        public void recordAfterCommit(String realmId, Consumer<KeycloakSession> record) {
            afterCommit(session, () -> bookkeeping.execute(() -> inRealm(sessionFactory, realmId, null, record)));
        }
    }

    private static void afterCommit(KeycloakSession session, Runnable handOver) {
        KeycloakTransactionManager transaction = session.getTransactionManager();
        if (!transaction.isActive()) {
            handOver.run();
            return;
        }
        transaction.enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                handOver.run();
            }

            @Override
            protected void rollbackImpl() {
                // the request failed: what it would have sent did not happen
            }
        });
    }

    /** Runs {@code work} in its own transaction with the realm on the context; logs instead of throwing. */
    static void inRealm(KeycloakSessionFactory factory, String realmId, java.util.Locale locale, Consumer<KeycloakSession> work) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, background -> {
                RealmModel realm = background.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                background.getContext().setRealm(realm);
                if (locale != null) {
                    // resolved on the request thread; the job has no request to resolve it from
                    background.setAttribute(org.keycloak.locale.LocaleSelectorProvider.USER_REQUEST_LOCALE, locale.toLanguageTag());
                }
                work.accept(background);
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Mail background work failed in realm %s", realmId);
        }
    }

    @Override
    public void close() {
        if (queue != null) {
            queue.close(shutdownGrace);
        }
        if (idleCloser != null) {
            idleCloser.shutdownNow();
        }
        if (pooledSender != null) {
            pooledSender.close();
        }
        if (bookkeeping != null) {
            bookkeeping.shutdown();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONVERSATIONS).type("int").defaultValue(DEFAULT_CONVERSATIONS)
                .helpText("SMTP conversations this node holds at once").add()
                .property().name(BACKLOG).type("int").defaultValue(DEFAULT_BACKLOG)
                .helpText("Mails this node accepts and has not finished; beyond it a new mail is dropped (backlog_full)").add()
                .property().name(RETRY_INITIAL).type("int").defaultValue(DEFAULT_RETRY_INITIAL)
                .helpText("Longest wait before the first retry of a temporary failure, doubling after each").add()
                .property().name(RETRY_MAX).type("int").defaultValue(DEFAULT_RETRY_MAX)
                .helpText("Longest wait between two attempts").add()
                .property().name(SHUTDOWN_GRACE).type("int").defaultValue(DEFAULT_SHUTDOWN_GRACE)
                .helpText("How long a stopping node lets conversations under way finish").add()
                .property().name(CONNECTION_IDLE).type("int").defaultValue(DEFAULT_CONNECTION_IDLE)
                .helpText("How long an SMTP connection is kept open for the next mail; 0 opens one per mail").add()
                .build();
    }

    private static int positive(Config.Scope config, String name, long fallback) {
        return atLeast(1, config, name, fallback);
    }

    private static int atLeast(int minimum, Config.Scope config, String name, long fallback) {
        Integer value = config.getInt(name);
        if (value == null) {
            return (int) fallback;
        }
        if (value < minimum) {
            throw new IllegalArgumentException("--spi-" + MailDeliverySpi.NAME + "--" + PROVIDER_ID + "--"
                    + name + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }
}
