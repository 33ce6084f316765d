package ru.marketplace.keycloak.reset.mail;

import ru.marketplace.keycloak.reset.settings.ResetKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import ru.marketplace.keycloak.mail.AccountMailer;
import ru.marketplace.keycloak.events.EventReason;
import ru.marketplace.keycloak.mail.AccountMailer.Origin;
import ru.marketplace.keycloak.mail.CodeMailEvents;
import ru.marketplace.keycloak.mail.Drop;
import ru.marketplace.keycloak.mail.MailRequest;
import ru.marketplace.keycloak.mail.PendingCodeMail;
import ru.marketplace.keycloak.reset.handoff.CodeStepHandOff;
import ru.marketplace.keycloak.code.limits.CodeRevocations;
import ru.marketplace.keycloak.code.store.SingleUseObjectLimitStore;

/**
 * The reset's two mails, through the shared {@link AccountMailer}: what they mean is decided here (their events, and
 * that a code mail is wanted only while its code can still be used in the session that asked for it).
 */
public final class ResetMailer {


    public static final String CODE_TEMPLATE = "marketplace-reset-code.ftl";
    public static final String CODE_SUBJECT = "marketplaceResetCodeMailSubject";
    public static final String CHANGED_TEMPLATE = "marketplace-password-changed.ftl";
    public static final String CHANGED_SUBJECT = "marketplacePasswordChangedMailSubject";
    /** How long the «пароль изменён» notice is retried: it has no code to expire with. */
    static final Duration NOTICE_RETRIES_FOR = Duration.ofHours(1);

    private final AccountMailer mailer;

    public ResetMailer(KeycloakSession session) {
        this.mailer = new AccountMailer(session);
    }

    /**
     * E-mails the code to the address stored on {@code user}; records SEND_RESET_PASSWORD when it is delivered, or
     * its error with the reason it was dropped.
     *
     * @param late what only the composing session can add: the «Это были не вы?» link with its one-time token
     */
    public void sendCode(Origin origin, UserModel user, Map<String, Object> templateAttributes, AccountMailer.LateAttributes late,
                         PendingCodeMail code) {
        String userId = user.getId();
        // the code was still valid when the queue gave up: «Отправить код ещё раз» need not wait out its cooldown
        MailRequest.Outcome outcome = new CodeMailEvents(origin, EventType.SEND_RESET_PASSWORD, userId, code,
                authSession -> CodeStepHandOff.deliveryAbandoned(authSession, code.code().codeId()));
        mailer.send(origin, userId, new AccountMailer.Letter("reset-code", CODE_SUBJECT, CODE_TEMPLATE, templateAttributes, late),
                code.code().expiresAt(), background -> codeStillWanted(background, userId, code), outcome);
    }

    /** Records that a code was asked for an address without an eligible account, through the same hand-over as a real send. */
    public void recordNoAccount(Origin origin, String typedAddress, EventReason reason) {
        mailer.record(origin, background -> AccountMailer.event(background, origin, EventType.RESET_PASSWORD)
                .detail(Details.EMAIL, typedAddress)
                .detail(Details.REASON, reason.tag())
                .error(reason.error()));
    }

    /** Tells the account owner that the password was changed (NIST 800-63B 4.2.3: recovery SHALL notify). */
    public void sendPasswordChanged(Origin origin, UserModel user, Map<String, Object> templateAttributes) {
        String userId = user.getId();
        MailRequest.Outcome outcome = AccountMailer.notice("password-changed", userId);
        mailer.send(origin, userId, new AccountMailer.Letter("password-changed", CHANGED_SUBJECT, CHANGED_TEMPLATE,
                templateAttributes, AccountMailer.LateAttributes.NONE), Instant.now().plus(NOTICE_RETRIES_FOR),
                MailRequest.StillWanted.ALWAYS, outcome);
    }

    /** Empty while the code this mail carries can still be used in the session that asked for it. */
    private static Optional<Drop> codeStillWanted(KeycloakSession background, String userId, PendingCodeMail mail) {
        if (new CodeRevocations(SingleUseObjectLimitStore.of(background, ResetKeys.STORE_NAMESPACE)).isRevoked(userId, mail.code().issuedAt())) {
            return Optional.of(Drop.CANCELLED);
        }
        return mail.stillWanted(background, ResetKeys.CODE_NOTES, CodeStepHandOff::codeVerified);
    }
}
