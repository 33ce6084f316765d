package ru.marketplace.keycloak.mail;

import java.time.Instant;
import java.util.Optional;

/**
 * One mail as the {@link DeliveryQueue} sees it. Implementations do their work in their own transactions; the
 * queue calls them from its worker threads only, never from a request thread.
 */
public interface MailJob {

    /** What kind of mail this is, e.g. {@code reset-code}: the {@code kind} tag of every metric. */
    String kind();

    /** When the request that asked for it was made: the start of the time-to-delivery figure. */
    Instant requestedAt();

    /** No attempt starts at or after this instant (the code's expiry). */
    Instant deadline();

    /** Empty while the mail is still worth sending; read before every attempt. Composes the mail the first time. */
    Optional<Drop> stillWanted();

    /** One SMTP conversation; any exception is classified by {@link SmtpFailure#classify}. */
    void send() throws Exception;

    /** After the first attempt failed and a retry is scheduled: the moment an operator should hear of it. */
    void firstFailure(SmtpFailure failure);

    /** After a successful attempt. */
    void delivered(int attempts);

    /** After the queue gave up on the mail. */
    void dropped(Drop reason, String detail, int attempts);
}
