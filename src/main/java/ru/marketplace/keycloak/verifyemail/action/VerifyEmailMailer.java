package ru.marketplace.keycloak.verifyemail.action;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import ru.marketplace.keycloak.mail.AccountMailer;
import ru.marketplace.keycloak.mail.CodeMailEvents;
import ru.marketplace.keycloak.mail.Drop;
import ru.marketplace.keycloak.mail.MailRequest;
import ru.marketplace.keycloak.mail.PendingCodeMail;

/**
 * The address confirmations' mails, through the shared {@link AccountMailer}: the code (recorded by
 * {@link CodeMailEvents} as SEND_VERIFY_EMAIL), sent to the address it confirms, wanted while the session still holds
 * the code; and «Адрес почты изменён» to the address an account held before a change.
 */
final class VerifyEmailMailer {


    static final String CODE_TEMPLATE = "marketplace-verify-code.ftl";
    static final String CHANGED_TEMPLATE = "marketplace-email-changed.ftl";
    static final String CHANGED_SUBJECT = "marketplaceEmailChangedMailSubject";
    /** How long «Адрес почты изменён» is retried: it has no code to expire with. */
    private static final Duration NOTICE_RETRIES_FOR = Duration.ofHours(1);

    private final AccountMailer mailer;

    VerifyEmailMailer(KeycloakSession session) {
        this.mailer = new AccountMailer(session);
    }

    /** @param address where the code goes: the account's address, or the new one an address change confirms */
    void sendCode(Purpose purpose, AccountMailer.Origin origin, UserModel user, String address, Map<String, Object> templateAttributes,
                  PendingCodeMail code) {
        String userId = user.getId();
        MailRequest.Outcome outcome = new CodeMailEvents(origin, EventType.SEND_VERIFY_EMAIL, userId, code,
                authSession -> authSession.setAuthNote(purpose.deliveryAbandonedNote, code.code().codeId()));
        mailer.sendTo(address, origin, userId, new AccountMailer.Letter(purpose.templateName + "-code", purpose.mailSubject,
                CODE_TEMPLATE, templateAttributes, AccountMailer.LateAttributes.NONE), code.code().expiresAt(),
                background -> stillWanted(purpose, background, userId, code), outcome);
    }

    /** Tells the address the account held that it no longer does, and whom to write to if that was not its owner. */
    void sendChanged(AccountMailer.Origin origin, UserModel user, String previousAddress, Map<String, Object> templateAttributes) {
        String userId = user.getId();
        MailRequest.Outcome outcome = AccountMailer.notice("address-changed", userId);
        mailer.sendTo(previousAddress, origin, userId, new AccountMailer.Letter("email-changed", CHANGED_SUBJECT, CHANGED_TEMPLATE,
                templateAttributes, AccountMailer.LateAttributes.NONE), Instant.now().plus(NOTICE_RETRIES_FOR),
                MailRequest.StillWanted.ALWAYS, outcome);
    }

    private static Optional<Drop> stillWanted(Purpose purpose, KeycloakSession background, String userId, PendingCodeMail mail) {
        if (purpose == Purpose.VERIFY) {
            UserModel user = background.users().getUserById(background.getContext().getRealm(), userId);
            if (user != null && user.isEmailVerified()) {
                return Optional.of(Drop.USED);
            }
        }
        return mail.stillWanted(background, purpose.notes, session -> false);
    }
}
