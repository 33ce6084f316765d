package ru.marketplace.keycloak.mail;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import ru.marketplace.keycloak.i18n.BrandName;
import ru.marketplace.keycloak.theme.ThemeMessages;

/**
 * A flow's mails to an account, handed to the node's {@link MailDelivery} queue after the commit: composed off the
 * request thread, from the account as it is then, in the shopper's language and with the brand of that language,
 * retried as the queue retries, dropped once the flow no longer wants it. Any flow that mails a code uses it; what
 * a mail means (its events, when it is no longer wanted) stays with the flow.
 *
 * <p>Why off the request thread: a synchronous SMTP conversation makes a request measurably slower for an address
 * that has an account than for one that has not (Keycloak's own reset leaks ~58 ms this way). A request that sends
 * nothing therefore hands over a {@link #record} through the same queue.
 */
public final class AccountMailer {

    private static final Logger LOG = Logger.getLogger(AccountMailer.class);

    /** Who asked, captured on the request thread: the background job has no HTTP request to read it from. */
    public record Origin(String realmId, String clientId, String ipAddress, Locale locale) {
    }

    /** What a flow adds while the mail is composed (a one-time link, say), in the background session. */
    @FunctionalInterface
    public interface LateAttributes {
        LateAttributes NONE = (background, attributes) -> { };

        void add(KeycloakSession background, Map<String, Object> attributes);
    }

    /**
     * One mail of a flow.
     *
     * @param kind       metric tag and log word, e.g. {@code reset-code}
     * @param subjectKey the e-mail theme's message key of the subject
     * @param template   the e-mail theme's template, e.g. {@code marketplace-reset-code.ftl}
     * @param attributes the template's attributes known on the request thread
     * @param late       the attributes only the background session can make
     */
    public record Letter(String kind, String subjectKey, String template, Map<String, Object> attributes, LateAttributes late) {
        public Letter {
            attributes = Map.copyOf(attributes);
        }
    }

    private final KeycloakSession session;

    public AccountMailer(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Sends {@code letter} to the address stored on account {@code userId} when the mail is composed; a mail whose
     * account or address is gone by then is dropped as {@link Drop#RECIPIENT_GONE}.
     *
     * @param deadline no attempt starts at or after it (the code's expiry)
     */
    public void send(Origin origin, String userId, Letter letter, Instant deadline, MailRequest.StillWanted stillWanted,
                     MailRequest.Outcome outcome) {
        sendTo(null, origin, userId, letter, deadline, stillWanted, outcome);
    }

    /**
     * As {@link #send}, to {@code address} rather than the stored one: a code for an address the account does not hold
     * yet, or a notice to the address it held before a change. Null sends to the stored address.
     */
    public void sendTo(String address, Origin origin, String userId, Letter letter, Instant deadline,
                       MailRequest.StillWanted stillWanted, MailRequest.Outcome outcome) {
        MailRequest.Composer composer = background -> {
            UserModel recipient = background.users().getUserById(background.getContext().getRealm(), userId);
            if (recipient == null || recipient.getEmail() == null) {
                return null;
            }
            Map<String, Object> attributes = new HashMap<>(letter.attributes());
            letter.late().add(background, attributes);
            String sender = brand(background, origin.locale(), attributes);
            return TemplatedMail.compose(background, recipient, address, sender, letter.subjectKey(), letter.template(), attributes);
        };
        delivery().sendAfterCommit(new MailRequest(letter.kind(), origin.realmId(), origin.locale(), Instant.now(), deadline,
                composer, stillWanted, outcome));
    }

    /**
     * The outcome of a notice («пароль изменён», «адрес почты изменён»): Keycloak has no event type for one, so a
     * delivery is only counted by the metrics and a drop is one warning.
     *
     * @param what the notice, as the warning names it
     */
    public static MailRequest.Outcome notice(String what, String userId) {
        return new MailRequest.Outcome() {
            @Override
            public void delivered(KeycloakSession background, int attempts) {
                // counted by the metrics
            }

            @Override
            public void dropped(KeycloakSession background, Drop reason, String detail, int attempts) {
                LOG.warnf("The %s notice to user %s was not delivered (%s%s)", what, userId, reason.tag(),
                        detail.isEmpty() ? "" : ": " + detail);
            }
        };
    }

    /** Runs {@code record} (an event) after the commit through the same hand-over as a real send. */
    public void record(Origin origin, Consumer<KeycloakSession> record) {
        delivery().recordAfterCommit(origin.realmId(), record);
    }

    /** An event of the background session, attributed to the client and address that asked. */
    public static EventBuilder event(KeycloakSession background, Origin origin, EventType type) {
        return new EventBuilder(background.getContext().getRealm(), background)
                .event(type)
                .client(origin.clientId())
                .ipAddress(origin.ipAddress());
    }

    /** The brand in the mail's language: {@code brandName} for the templates, and the From display name returned. */
    private static String brand(KeycloakSession background, Locale locale, Map<String, Object> attributes) {
        RealmModel realm = background.getContext().getRealm();
        Function<String, String> messages = ThemeMessages.email(background, realm, locale);
        attributes.put("brandName", BrandName.of(messages, realm.getDisplayName(), realm.getName()));
        return BrandName.sender(messages, realm.getSmtpConfig().get("fromDisplayName"));
    }

    private MailDelivery delivery() {
        return session.getProvider(MailDelivery.class);
    }
}
