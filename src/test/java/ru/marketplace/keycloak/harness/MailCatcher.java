package ru.marketplace.keycloak.harness;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * An SMTP server on 127.0.0.1 (GreenMail, port chosen by the OS) that keeps every mail Keycloak sends.
 * Mails are kept per envelope recipient, so a message sent to two addresses shows up in two mailboxes.
 * Plain Java (no JUnit), so the demo can use it too.
 */
public final class MailCatcher implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration FIRST_POLL = Duration.ofMillis(2);

    private final GreenMail greenMail;

    private MailCatcher(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts SMTP on a free port of 127.0.0.1, accepting mail for any address without authentication. */
    public static MailCatcher start() {
        return start(0);
    }

    /** As {@link #start()}, on the given port of 127.0.0.1 ({@code 0}: a free one). */
    public static MailCatcher start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailCatcher(greenMail);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Mails whose envelope recipient is {@code recipient} (case-insensitive), oldest first. */
    public List<ReceivedMail> mailsTo(String recipient) {
        String wanted = recipient.toLowerCase(Locale.ROOT);
        return received(wanted);
    }

    /** Every mail in every mailbox, oldest first. */
    public List<ReceivedMail> allMails() {
        return received(null);
    }

    /**
     * Waits until {@code recipient} has at least {@code count} mails and returns all of them, oldest first.
     *
     * @throws IllegalStateException with what did arrive, when the timeout passes first
     */
    public List<ReceivedMail> waitForMails(String recipient, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        // from 2 ms doubling to the poll interval: a mail sent just after the answer (the delivery queue's) is seen
        // within a few ms of its arrival, as one sent before the answer is, and a long wait still polls rarely
        long pause = FIRST_POLL.toNanos();
        while (true) {
            List<ReceivedMail> mails = mailsTo(recipient);
            if (mails.size() >= count) {
                return mails;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Expected " + count + " mail(s) to " + recipient + " within "
                        + timeout + " but got " + mails.size() + ". All mailboxes: " + summary(allMails()));
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, POLL_INTERVAL.toNanos());
        }
    }

    /** Waits for the first mail to {@code recipient} and returns it. */
    public ReceivedMail waitForMail(String recipient, Duration timeout) {
        return waitForMails(recipient, 1, timeout).get(0);
    }

    /** Deletes every mail from every mailbox (call between tests that count mails). */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot purge the mailboxes", e);
        }
    }

    public void stop() {
        greenMail.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private List<ReceivedMail> received(String recipientOrNull) {
        // GreenMail's mailbox lists are not safe to iterate while a delivery lands: read again until a clean pass
        for (int attempt = 1; ; attempt++) {
            try {
                return receivedOnce(recipientOrNull);
            } catch (java.util.ConcurrentModificationException deliveryInProgress) {
                if (attempt == 20) {
                    throw deliveryInProgress;
                }
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }
    }

    private List<ReceivedMail> receivedOnce(String recipientOrNull) {
        Instant now = Instant.now();
        return greenMail.getUserManager().listUser().stream()
                .filter(user -> recipientOrNull == null
                        || user.getEmail().toLowerCase(Locale.ROOT).equals(recipientOrNull))
                .flatMap(user -> greenMail.findReceivedMessages(u -> u == user, m -> true)
                        .map(message -> decode(message, user.getEmail(), now)))
                .sorted(Comparator.comparing(ReceivedMail::receivedAt))
                .toList();
    }

    private static ReceivedMail decode(MimeMessage message, String deliveredTo, Instant now) {
        return MimeMailDecoder.decode(message, deliveredTo, now);
    }

    private static String summary(List<ReceivedMail> mails) {
        if (mails.isEmpty()) {
            return "(empty)";
        }
        StringBuilder sb = new StringBuilder();
        for (ReceivedMail mail : mails) {
            sb.append("\n  ").append(mail.deliveredTo()).append(" ← ").append(mail.from())
                    .append(": ").append(mail.subject());
        }
        return sb.toString();
    }
}
