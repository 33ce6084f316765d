package ru.marketplace.keycloak.mail;

import java.util.function.Consumer;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * How a code mail's fate is recorded, the same in every flow: {@code type} (SEND_RESET_PASSWORD, SEND_VERIFY_EMAIL)
 * when it is delivered, with the attempts it took; its error with the reason {@code retrying: …} at the first
 * failure (what an admin watching events sees at once during an outage) and with the drop's tag when it is given up.
 */
public final class CodeMailEvents implements MailRequest.Outcome {

    private final AccountMailer.Origin origin;
    private final EventType type;
    private final String userId;
    private final PendingCodeMail code;
    private final Consumer<AuthenticationSessionModel> abandoned;

    /**
     * @param abandoned told, with the login session, when the queue gave up on a mail that was still wanted (the flow
     *                  lets «Отправить код ещё раз» skip its cooldown)
     */
    public CodeMailEvents(AccountMailer.Origin origin, EventType type, String userId, PendingCodeMail code,
                          Consumer<AuthenticationSessionModel> abandoned) {
        this.origin = origin;
        this.type = type;
        this.userId = userId;
        this.code = code;
        this.abandoned = abandoned;
    }

    @Override
    public void retrying(KeycloakSession background, String reason) {
        AccountMailer.event(background, origin, type).user(userId)
                .detail(Details.REASON, "retrying: " + reason)
                .error(Errors.EMAIL_SEND_FAILED);
    }

    @Override
    public void delivered(KeycloakSession background, int attempts) {
        UserModel recipient = background.users().getUserById(background.getContext().getRealm(), userId);
        EventBuilder event = AccountMailer.event(background, origin, type).user(userId);
        if (recipient != null) {
            event.detail(Details.USERNAME, recipient.getUsername()).detail(Details.EMAIL, recipient.getEmail());
        }
        event.detail("attempts", Integer.toString(attempts)).success();
    }

    @Override
    public void dropped(KeycloakSession background, Drop reason, String detail, int attempts) {
        AccountMailer.event(background, origin, type).user(userId)
                .detail(Details.REASON, reason.tag() + (detail.isEmpty() ? "" : ": " + detail))
                .detail("attempts", Integer.toString(attempts))
                .error(Errors.EMAIL_SEND_FAILED);
        if (PendingCodeMail.abandonedWhileWanted(reason)) {
            code.authSession(background).ifPresent(abandoned);
        }
    }
}
