package ru.marketplace.keycloak.reset.it.support;

import com.icegreen.greenmail.foedus.util.MsgRangeFilter;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    /** Message sequence numbers 1 to the last: the whole folder. */
    private static final MsgRangeFilter ALL_MESSAGES = new MsgRangeFilter("1:*", false);

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
        while (true) {
            List<ReceivedMail> mails = mailsTo(recipient);
            if (mails.size() >= count) {
                return mails;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Expected " + count + " mail(s) to " + recipient + " within "
                        + timeout + " but got " + mails.size() + ". All mailboxes: " + summary(allMails()));
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
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
        Instant now = Instant.now();
        List<ReceivedMail> mails = new ArrayList<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            if (recipientOrNull == null || user.getEmail().toLowerCase(Locale.ROOT).equals(recipientOrNull)) {
                for (MimeMessage message : inbox(user)) {
                    mails.add(decode(message, user.getEmail(), now));
                }
            }
        }
        mails.sort(Comparator.comparing(ReceivedMail::receivedAt));
        return List.copyOf(mails);
    }

    /**
     * A snapshot of the user's inbox. GreenMail's own {@code findReceivedMessages} streams over the live message
     * list, which throws ConcurrentModificationException when a mail arrives meanwhile (a test polling for the
     * second code, the demo's mailbox page); {@code getMessages(range)} copies the list under its lock instead.
     */
    private List<MimeMessage> inbox(GreenMailUser user) {
        try {
            MailFolder folder = greenMail.getManagers().getImapHostManager().getInbox(user);
            return folder.getMessages(ALL_MESSAGES).stream().map(StoredMessage::getMimeMessage).toList();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot open the mailbox of " + user.getEmail(), e);
        }
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
