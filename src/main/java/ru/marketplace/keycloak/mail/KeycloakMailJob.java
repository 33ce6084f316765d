package ru.marketplace.keycloak.mail;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * A {@link MailRequest} on Keycloak: each step in its own short transaction, the composed mail kept in memory
 * between attempts so it is rendered once.
 */
final class KeycloakMailJob implements MailJob {

    private final KeycloakSessionFactory factory;
    private final MailRequest request;
    private final Executor bookkeeping;
    private final PooledSmtpSender pooledSender;
    private volatile ComposedMail composed;

    /**
     * @param pooledSender the node's kept SMTP connections, or null to send through Keycloak's EmailSenderProvider
     */
    KeycloakMailJob(KeycloakSessionFactory factory, MailRequest request, Executor bookkeeping, PooledSmtpSender pooledSender) {
        this.factory = factory;
        this.request = request;
        this.bookkeeping = bookkeeping;
        this.pooledSender = pooledSender;
    }

    @Override
    public String kind() {
        return request.kind();
    }

    @Override
    public Instant requestedAt() {
        return request.requestedAt();
    }

    @Override
    public Instant deadline() {
        return request.deadline();
    }

    @Override
    public Optional<Drop> stillWanted() {
        AtomicReference<Optional<Drop>> verdict = new AtomicReference<>(Optional.empty());
        AtomicReference<RuntimeException> unreadable = new AtomicReference<>();
        inRealm(session -> {
            try {
                Optional<Drop> unwanted = request.stillWanted().check(session);
                if (unwanted.isEmpty() && composed == null) {
                    composed = request.composer().compose(session);
                    if (composed == null || composed.address() == null) {
                        unwanted = Optional.of(Drop.RECIPIENT_GONE);
                    }
                }
                verdict.set(unwanted);
            } catch (EmailException e) {
                unreadable.set(new UncomposableMail(e));
            } catch (RuntimeException e) {
                unreadable.set(e);
            }
        });
        if (unreadable.get() instanceof UncomposableMail) {
            // a template that does not render will not render on a retry either
            return Optional.of(Drop.REFUSED);
        }
        if (unreadable.get() != null) {
            throw unreadable.get();
        }
        return verdict.get();
    }

    @Override
    public void send() throws EmailException {
        ComposedMail mail = composed;
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicReference<Boolean> ran = new AtomicReference<>(false);
        inRealm(session -> {
            ran.set(true);
            try {
                Map<String, String> settings = mail.smtpSettings(session.getContext().getRealm().getSmtpConfig());
                if (pooledSender != null) {
                    pooledSender.send(session, settings, mail);
                } else {
                    session.getProvider(EmailSenderProvider.class)
                            .send(settings, mail.address(), mail.subject(), mail.textBody(), mail.htmlBody());
                }
            } catch (EmailException | RuntimeException e) {
                failure.set(e);
            }
        });
        if (failure.get() instanceof EmailException e) {
            throw e;
        }
        if (failure.get() != null) {
            throw (RuntimeException) failure.get();
        }
        if (!ran.get()) {
            // no session could be opened (the database is away, the realm is gone): try again later
            throw new EmailException("no session to send in", new java.io.IOException("session unavailable"));
        }
    }

    @Override
    public void firstFailure(SmtpFailure failure) {
        inRealm(session -> request.outcome().retrying(session, failure.reason()));
    }

    @Override
    public void delivered(int attempts) {
        composed = null; // the plain code leaves this node's memory as soon as it is delivered
        inRealm(session -> request.outcome().delivered(session, attempts));
    }

    @Override
    public void dropped(Drop reason, String detail, int attempts) {
        composed = null;
        Runnable record = () -> inRealm(session -> request.outcome().dropped(session, reason, detail, attempts));
        if (reason == Drop.BACKLOG_FULL || reason == Drop.SHUTDOWN) {
            // on the request thread (a full backlog) or a stopping node: the record waits its turn elsewhere
            try {
                bookkeeping.execute(record);
            } catch (RuntimeException rejected) {
                // the bookkeeping executor is full or stopped; the drop is in the metrics and the log
            }
        } else {
            record.run();
        }
    }

    private void inRealm(java.util.function.Consumer<org.keycloak.models.KeycloakSession> work) {
        MailDeliveryProviderFactory.inRealm(factory, request.realmId(), request.locale(), work);
    }

    /** A mail its templates cannot render. */
    private static final class UncomposableMail extends RuntimeException {
        UncomposableMail(EmailException cause) {
            super(cause);
        }
    }
}
