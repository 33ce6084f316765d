package ru.marketplace.keycloak.reset.handoff;

import ru.marketplace.keycloak.reset.settings.ResetKeys;
import java.time.ZoneId;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What the e-mail code step leaves in the authentication session for the parts that act after it: the
 * new-password step (which needs to know that it completes a recovery, and how) and the mail queue (which drops a
 * code mail once the code was used, and marks one it gave up on). The only thing these parts share, so that none
 * of them depends on another (the code step, the new-password step and the mail each depend on this alone).
 */
public final class CodeStepHandOff {

    /** The required action that follows an accepted code: «Придумайте новый пароль». */
    public static final String NEW_PASSWORD_ACTION = "marketplace-new-password";

    private static final String CODE_VERIFIED = ResetKeys.NOTE_PREFIX + "codeVerified";
    private static final String SIGN_OUT_OTHER_SESSIONS = ResetKeys.NOTE_PREFIX + "signOutOtherSessions";
    private static final String SUPPORT_EMAIL = ResetKeys.NOTE_PREFIX + "supportEmail";
    private static final String MAIL_TIME_ZONE = ResetKeys.NOTE_PREFIX + "mailTimeZone";
    private static final String DELIVERY_ABANDONED = ResetKeys.NOTE_PREFIX + "deliveryAbandoned";

    private CodeStepHandOff() {
    }

    /**
     * The code was accepted: the new password is asked next, and the new-password step ends the other sessions or
     * not, names {@code supportEmail} and states times in {@code mailTimeZone} in the «пароль изменён» mail.
     */
    public static void codeAccepted(AuthenticationSessionModel authSession, boolean signOutOtherSessions, String supportEmail,
                                    ZoneId mailTimeZone) {
        authSession.setAuthNote(CODE_VERIFIED, "true");
        authSession.setAuthNote(SIGN_OUT_OTHER_SESSIONS, Boolean.toString(signOutOtherSessions));
        if (supportEmail != null) {
            authSession.setAuthNote(SUPPORT_EMAIL, supportEmail);
        }
        authSession.setAuthNote(MAIL_TIME_ZONE, mailTimeZone.getId());
        authSession.addRequiredAction(NEW_PASSWORD_ACTION);
    }

    /** Whether this authentication session passed the e-mail code step. */
    public static boolean codeVerified(AuthenticationSessionModel authSession) {
        return "true".equals(authSession.getAuthNote(CODE_VERIFIED));
    }

    /** True unless the code step said otherwise: ending the other sessions is the safe default. */
    public static boolean signOutOtherSessions(AuthenticationSessionModel authSession) {
        return !"false".equals(authSession.getAuthNote(SIGN_OUT_OTHER_SESSIONS));
    }

    /** The support address the code step showed, or null. */
    public static String supportEmail(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(SUPPORT_EMAIL);
    }

    /** The zone the code step's settings name for mail times, as stored (an id), or null. */
    public static String mailTimeZone(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(MAIL_TIME_ZONE);
    }

    /** The mail queue gave up on the mail of the code {@code codeId} while it was valid. */
    public static void deliveryAbandoned(AuthenticationSessionModel authSession, String codeId) {
        authSession.setAuthNote(DELIVERY_ABANDONED, codeId);
    }

    /** Id of the code whose mail the queue gave up on, or null. */
    public static String abandonedCodeId(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(DELIVERY_ABANDONED);
    }
}
