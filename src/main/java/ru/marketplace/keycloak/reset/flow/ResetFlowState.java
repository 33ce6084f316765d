package ru.marketplace.keycloak.reset.flow;

import ru.marketplace.keycloak.reset.settings.ResetKeys;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import ru.marketplace.keycloak.code.PendingCode;
import ru.marketplace.keycloak.reset.handoff.CodeStepHandOff;

/**
 * The flow's state in the authentication session: a distributed cache entry bound to the browser's
 * cookie and tab, so it follows the shopper to any node and is never shared with another browser.
 */
public final class ResetFlowState {

    /** What the shopper last typed into the e-mail field, to prefill it after «Изменить адрес»: the code's address note. */
    private static final String TYPED_ADDRESS = ResetKeys.CODE_NOTES.address();

    /** When this session's latest code check began: a request that lost the race to it waits for its verdict. */
    private static final String CHECK_STARTED = ResetKeys.NOTE_PREFIX + "checkStarted";
    /** What the latest code check answered (see {@link LastCheck}). */
    private static final String LAST_CHECK = ResetKeys.NOTE_PREFIX + "lastCheck";
    private static final String FIELD_SEPARATOR = "\u001f";

    private final AuthenticationSessionModel authSession;

    /**
     * What a check of the code answered, so that a post of the same form that Keycloak turned away (its one-time
     * action code was spent by the simultaneous post) shows the same answer instead of a bare form.
     *
     * @param attemptsRemaining as the code screen takes it; null when not known
     */
    record LastCheck(String codeId, Instant at, FormMessage error, Integer attemptsRemaining) {
    }

    ResetFlowState(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    PendingCode pendingCode() {
        return PendingCode.fromNotes(ResetKeys.CODE_NOTES, authSession::getAuthNote);
    }

    void savePendingCode(PendingCode pending) {
        pending.toNotes(ResetKeys.CODE_NOTES).forEach(authSession::setAuthNote);
    }

    void clearPendingCode() {
        ResetKeys.CODE_NOTES.codeOnly().forEach(authSession::removeAuthNote);
    }


    void markCheckStarted(Instant now) {
        authSession.setAuthNote(CHECK_STARTED, Long.toString(now.toEpochMilli()));
    }

    static Instant checkStarted(AuthenticationSessionModel authSession) {
        String millis = authSession.getAuthNote(CHECK_STARTED);
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException corrupted) {
            return null;
        }
    }

    void saveLastCheck(LastCheck check) {
        StringBuilder note = new StringBuilder()
                .append(check.codeId()).append(FIELD_SEPARATOR)
                .append(check.at().toEpochMilli()).append(FIELD_SEPARATOR)
                .append(check.attemptsRemaining() == null ? "" : check.attemptsRemaining().toString()).append(FIELD_SEPARATOR)
                .append(check.error().getField() == null ? "" : check.error().getField()).append(FIELD_SEPARATOR)
                .append(check.error().getMessage());
        for (Object parameter : check.error().getParameters() == null ? new Object[0] : check.error().getParameters()) {
            note.append(FIELD_SEPARATOR).append(parameter);
        }
        authSession.setAuthNote(LAST_CHECK, note.toString());
    }

    /** The latest check's answer, or null. */
    static LastCheck lastCheck(AuthenticationSessionModel authSession) {
        String note = authSession.getAuthNote(LAST_CHECK);
        if (note == null) {
            return null;
        }
        String[] fields = note.split(FIELD_SEPARATOR, -1);
        if (fields.length < 5) {
            return null;
        }
        try {
            List<String> parameters = Arrays.asList(fields).subList(5, fields.length);
            FormMessage error = new FormMessage(fields[3].isEmpty() ? null : fields[3], fields[4], parameters.toArray());
            return new LastCheck(fields[0], Instant.ofEpochMilli(Long.parseLong(fields[1])),
                    error, fields[2].isEmpty() ? null : Integer.valueOf(fields[2]));
        } catch (NumberFormatException corrupted) {
            return null;
        }
    }

    LastCheck lastCheck() {
        return lastCheck(authSession);
    }

    boolean codeVerified() {
        return CodeStepHandOff.codeVerified(authSession);
    }

    /** Id of the code whose mail the delivery queue gave up on while it was valid (set by the reset's mailer), or null. */
    String deliveryAbandonedCodeId() {
        return CodeStepHandOff.abandonedCodeId(authSession);
    }

    String typedAddress() {
        String address = authSession.getAuthNote(TYPED_ADDRESS);
        return address == null ? "" : address;
    }

    void rememberTypedAddress(String address) {
        authSession.setAuthNote(TYPED_ADDRESS, address);
    }
}
