package ru.marketplace.keycloak.reset.mail;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import org.keycloak.theme.Theme;
import ru.marketplace.keycloak.mail.Drop;
import ru.marketplace.keycloak.mail.MailDelivery;
import ru.marketplace.keycloak.mail.MailRequest;
import ru.marketplace.keycloak.mail.TemplatedMail;
import ru.marketplace.keycloak.reset.code.PendingCode;
import ru.marketplace.keycloak.reset.handoff.CodeStepHandOff;
import ru.marketplace.keycloak.reset.i18n.BrandName;
import ru.marketplace.keycloak.reset.limits.CodeRevocations;
import ru.marketplace.keycloak.reset.limits.SingleUseObjectLimitStore;
import ru.marketplace.keycloak.reset.notme.CancellationTokens;

/**
 * The reset's two mails, handed to the node's {@link MailDelivery} queue: composed off the request thread after
 * the commit, retried while the code is valid, dropped (and recorded) once it is not.
 *
 * <p>Why off the request thread: a synchronous SMTP conversation makes «Продолжить» measurably slower for an
 * address that has an account than for one that has not (Keycloak's own reset leaks ~58 ms this way). Every
 * request of the flow therefore hands over exactly one job, whether it sends a code or only records that the
 * address is unknown.
 */
public final class ResetMailer {

    private static final Logger LOG = Logger.getLogger(ResetMailer.class);

    public static final String CODE_TEMPLATE = "marketplace-reset-code.ftl";
    public static final String CODE_SUBJECT = "marketplaceResetCodeMailSubject";
    public static final String CHANGED_TEMPLATE = "marketplace-password-changed.ftl";
    public static final String CHANGED_SUBJECT = "marketplacePasswordChangedMailSubject";
    /** How long the «пароль изменён» notice is retried: it has no code to expire with. */
    static final Duration NOTICE_RETRIES_FOR = Duration.ofHours(1);

    /** Who asked, captured on the request thread: the background job has no HTTP request to read it from. */
    public record Origin(String realmId, String clientId, String ipAddress, Locale locale) {
    }

    /** Where the code lives: the login session and tab the shopper is in, and the code itself. */
    public record CodeMail(String rootSessionId, String tabId, PendingCode code) {
        public static CodeMail of(AuthenticationSessionModel authSession, PendingCode code) {
            return new CodeMail(authSession.getParentSession().getId(), authSession.getTabId(), code);
        }
    }

    private final KeycloakSession session;

    public ResetMailer(KeycloakSession session) {
        this.session = session;
    }

    /**
     * E-mails the code to the address stored on {@code user}; records SEND_RESET_PASSWORD when it is delivered, or
     * its error with the reason it was dropped. The «Это были не вы?» token is made when the mail is composed.
     *
     * @param notMeEndpoint absolute URL of the «Это были не вы?» page, built on the request thread from Keycloak's
     *                      configured hostname; the mail links to it with a one-time token
     */
    public void sendCode(Origin origin, UserModel user, Map<String, Object> templateAttributes, String notMeEndpoint,
                         CodeMail code) {
        String userId = user.getId();
        MailRequest.Composer composer = composer(origin, userId, templateAttributes, CODE_SUBJECT, CODE_TEMPLATE,
                (background, attributes) -> attributes.put("notMeUrl", notMeEndpoint + "?token="
                        + new CancellationTokens(background, background.getContext().getRealm()).issue(userId)));
        MailRequest.Outcome outcome = new MailRequest.Outcome() {
            @Override
            public void retrying(KeycloakSession background, String reason) {
                // what an admin watching events sees at once during an outage; the mail is retried
                event(background, origin, EventType.SEND_RESET_PASSWORD).user(userId)
                        .detail(Details.REASON, "retrying: " + reason)
                        .error(Errors.EMAIL_SEND_FAILED);
            }

            @Override
            public void delivered(KeycloakSession background, int attempts) {
                UserModel recipient = background.users().getUserById(background.getContext().getRealm(), userId);
                EventBuilder event = event(background, origin, EventType.SEND_RESET_PASSWORD).user(userId);
                if (recipient != null) {
                    event.detail(Details.USERNAME, recipient.getUsername()).detail(Details.EMAIL, recipient.getEmail());
                }
                event.detail("attempts", Integer.toString(attempts)).success();
            }

            @Override
            public void dropped(KeycloakSession background, Drop reason, String detail, int attempts) {
                event(background, origin, EventType.SEND_RESET_PASSWORD).user(userId)
                        .detail(Details.REASON, reason.tag() + (detail.isEmpty() ? "" : ": " + detail))
                        .detail("attempts", Integer.toString(attempts))
                        .error(Errors.EMAIL_SEND_FAILED);
                if (reason == Drop.REFUSED || reason == Drop.BACKLOG_FULL || reason == Drop.SHUTDOWN) {
                    // the code was still valid: «Отправить код ещё раз» need not wait out its cooldown
                    authSession(background, origin, code).ifPresent(s -> CodeStepHandOff.deliveryAbandoned(s, code.code().codeId()));
                }
            }
        };
        delivery().sendAfterCommit(new MailRequest("reset-code", origin.realmId(), origin.locale(), Instant.now(),
                code.code().expiresAt(), composer, background -> codeStillWanted(background, origin, userId, code), outcome));
    }

    /** Records that a code was asked for an address without an eligible account, through the same hand-over as a real send. */
    public void recordNoAccount(Origin origin, String typedAddress, String reason) {
        delivery().recordAfterCommit(origin.realmId(), background -> event(background, origin, EventType.RESET_PASSWORD)
                .detail(Details.EMAIL, typedAddress)
                .detail(Details.REASON, reason)
                .error(Errors.USER_NOT_FOUND));
    }

    /** Tells the account owner that the password was changed (NIST 800-63B 4.2.3: recovery SHALL notify). */
    public void sendPasswordChanged(Origin origin, UserModel user, Map<String, Object> templateAttributes) {
        String userId = user.getId();
        Instant now = Instant.now();
        MailRequest.Composer composer = composer(origin, userId, templateAttributes, CHANGED_SUBJECT, CHANGED_TEMPLATE,
                (background, attributes) -> { });
        MailRequest.Outcome outcome = new MailRequest.Outcome() {
            @Override
            public void delivered(KeycloakSession background, int attempts) {
                // Keycloak has no event type for a notice; the metrics count it
            }

            @Override
            public void dropped(KeycloakSession background, Drop reason, String detail, int attempts) {
                LOG.warnf("The password-changed notice to user %s was not delivered (%s%s)", userId, reason.tag(),
                        detail.isEmpty() ? "" : ": " + detail);
            }
        };
        delivery().sendAfterCommit(new MailRequest("password-changed", origin.realmId(), origin.locale(), now,
                now.plus(NOTICE_RETRIES_FOR), composer, MailRequest.StillWanted.ALWAYS, outcome));
    }

    /**
     * Renders {@code template} for the account {@code userId} as it is when the mail is composed; {@code null} (the
     * recipient is gone) when the account or its address no longer exists. {@code extra} adds what only one mail has.
     */
    private static MailRequest.Composer composer(Origin origin, String userId, Map<String, Object> templateAttributes,
                                                 String subject, String template,
                                                 java.util.function.BiConsumer<KeycloakSession, Map<String, Object>> extra) {
        return background -> {
            UserModel recipient = background.users().getUserById(background.getContext().getRealm(), userId);
            if (recipient == null || recipient.getEmail() == null) {
                return null;
            }
            Map<String, Object> attributes = new HashMap<>(templateAttributes);
            extra.accept(background, attributes);
            return TemplatedMail.compose(background, recipient, brand(background, origin, attributes), subject, template, attributes);
        };
    }

    /** Empty while the code this mail carries can still be used in the session that asked for it. */
    private static Optional<Drop> codeStillWanted(KeycloakSession background, Origin origin, String userId, CodeMail mail) {
        if (new CodeRevocations(SingleUseObjectLimitStore.of(background)).isRevoked(userId, mail.code().issuedAt())) {
            return Optional.of(Drop.CANCELLED);
        }
        Optional<AuthenticationSessionModel> authSession = authSession(background, origin, mail);
        if (authSession.isEmpty()) {
            return Optional.of(Drop.SESSION_ENDED);
        }
        PendingCode pending = PendingCode.fromNotes(authSession.get()::getAuthNote);
        if (pending == null) {
            return Optional.of(CodeStepHandOff.codeVerified(authSession.get()) ? Drop.USED : Drop.CANCELLED);
        }
        return pending.codeId().equals(mail.code().codeId()) ? Optional.empty() : Optional.of(Drop.REPLACED);
    }

    private static Optional<AuthenticationSessionModel> authSession(KeycloakSession background, Origin origin, CodeMail mail) {
        RealmModel realm = background.getContext().getRealm();
        RootAuthenticationSessionModel root = background.authenticationSessions().getRootAuthenticationSession(realm, mail.rootSessionId());
        ClientModel client = realm.getClientByClientId(origin.clientId());
        if (root == null || client == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(root.getAuthenticationSession(client, mail.tabId()));
    }

    /** The brand in the mail's language: {@code brandName} for the templates, and the From display name returned. */
    private static String brand(KeycloakSession background, Origin origin, Map<String, Object> attributes) {
        RealmModel realm = background.getContext().getRealm();
        Function<String, String> messages = emailMessages(background, realm, origin.locale())::getProperty;
        attributes.put("brandName", BrandName.of(messages, realm.getDisplayName(), realm.getName()));
        return BrandName.sender(messages, realm.getSmtpConfig().get("fromDisplayName"));
    }

    private static Properties emailMessages(KeycloakSession background, RealmModel realm, Locale locale) {
        try {
            return background.theme().getTheme(Theme.Type.EMAIL).getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            LOG.warn("Could not read the e-mail theme's messages; the brand falls back to the realm's display name", e);
            return new Properties();
        }
    }

    private static EventBuilder event(KeycloakSession background, Origin origin, EventType type) {
        return new EventBuilder(background.getContext().getRealm(), background)
                .event(type)
                .client(origin.clientId())
                .ipAddress(origin.ipAddress());
    }

    private MailDelivery delivery() {
        return session.getProvider(MailDelivery.class);
    }
}
