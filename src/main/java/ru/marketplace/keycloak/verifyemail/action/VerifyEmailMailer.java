package ru.marketplace.keycloak.verifyemail.action;

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
import ru.marketplace.keycloak.verifyemail.settings.VerifyEmailKeys;

/**
 * The verification code mail, through the shared {@link AccountMailer}, recorded by {@link CodeMailEvents} as
 * SEND_VERIFY_EMAIL; wanted while the session still holds the code and the address is not verified yet.
 */
final class VerifyEmailMailer {

    static final String CODE_TEMPLATE = "marketplace-verify-code.ftl";
    static final String CODE_SUBJECT = "marketplaceVerifyCodeMailSubject";

    private final AccountMailer mailer;

    VerifyEmailMailer(KeycloakSession session) {
        this.mailer = new AccountMailer(session);
    }

    void sendCode(AccountMailer.Origin origin, UserModel user, Map<String, Object> templateAttributes, PendingCodeMail code) {
        String userId = user.getId();
        MailRequest.Outcome outcome = new CodeMailEvents(origin, EventType.SEND_VERIFY_EMAIL, userId, code,
                authSession -> authSession.setAuthNote(VerifyEmailKeys.DELIVERY_ABANDONED, code.code().codeId()));
        mailer.send(origin, userId, new AccountMailer.Letter("verify-code", CODE_SUBJECT, CODE_TEMPLATE, templateAttributes,
                AccountMailer.LateAttributes.NONE), code.code().expiresAt(), background -> stillWanted(background, userId, code), outcome);
    }

    private static Optional<Drop> stillWanted(KeycloakSession background, String userId, PendingCodeMail mail) {
        UserModel user = background.users().getUserById(background.getContext().getRealm(), userId);
        if (user != null && user.isEmailVerified()) {
            return Optional.of(Drop.USED);
        }
        return mail.stillWanted(background, VerifyEmailKeys.CODE_NOTES, session -> false);
    }
}
