package ru.marketplace.keycloak.reset.flow;

import org.keycloak.sessions.AuthenticationSessionModel;
import ru.marketplace.keycloak.reset.code.PendingCode;

/**
 * The flow's state in the authentication session: a distributed cache entry bound to the browser's
 * cookie and tab, so it follows the shopper to any node and is never shared with another browser.
 */
public final class ResetFlowState {

    /** What the shopper last typed into the e-mail field, to prefill it after «Изменить адрес»: the code's address note. */
    private static final String TYPED_ADDRESS = PendingCode.ADDRESS;
    /** Set when the e-mail code was accepted: the new-password action knows it completes a recovery. */
    private static final String CODE_VERIFIED = "mpReset.codeVerified";
    /** Read by the new-password action: whether to end the account's other sessions. */
    public static final String SIGN_OUT_OTHER_SESSIONS = "mpReset.signOutOtherSessions";
    /** Read by the new-password action: the support address for the «пароль изменён» e-mail. */
    public static final String SUPPORT_EMAIL = "mpReset.supportEmail";
    /** Read by the new-password action: the zone in which the «пароль изменён» e-mail states the time. */
    public static final String MAIL_TIME_ZONE = "mpReset.mailTimeZone";

    private final AuthenticationSessionModel authSession;

    ResetFlowState(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    PendingCode pendingCode() {
        return PendingCode.fromNotes(authSession::getAuthNote);
    }

    void savePendingCode(PendingCode pending) {
        pending.toNotes().forEach(authSession::setAuthNote);
    }

    void clearPendingCode() {
        PendingCode.CODE_NOTE_NAMES.forEach(authSession::removeAuthNote);
    }

    void markCodeVerified() {
        authSession.setAuthNote(CODE_VERIFIED, "true");
    }

    /** Whether this authentication session passed the e-mail code step. */
    public static boolean codeVerified(AuthenticationSessionModel authSession) {
        return "true".equals(authSession.getAuthNote(CODE_VERIFIED));
    }

    String typedAddress() {
        String address = authSession.getAuthNote(TYPED_ADDRESS);
        return address == null ? "" : address;
    }

    void rememberTypedAddress(String address) {
        authSession.setAuthNote(TYPED_ADDRESS, address);
    }
}
