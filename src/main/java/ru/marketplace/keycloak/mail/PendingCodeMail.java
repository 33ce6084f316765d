package ru.marketplace.keycloak.mail;

import java.util.Optional;
import java.util.function.Predicate;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import ru.marketplace.keycloak.code.PendingCode;

/**
 * A code mail's tie to the login session that asked for it, in any flow: the mail is worth sending while that
 * session (the shopper's browser tab) still holds the same code, and never after.
 *
 * @param rootSessionId the browser's authentication session
 * @param tabId         the tab within it
 * @param clientId      the client the shopper is logging in to
 * @param code          the code the mail carries
 */
public record PendingCodeMail(String rootSessionId, String tabId, String clientId, PendingCode code) {

    public static PendingCodeMail of(AuthenticationSessionModel authSession, PendingCode code) {
        return new PendingCodeMail(authSession.getParentSession().getId(), authSession.getTabId(),
                authSession.getClient().getClientId(), code);
    }

    /** The login session in the background session's realm, if it still exists. */
    public Optional<AuthenticationSessionModel> authSession(KeycloakSession background) {
        RealmModel realm = background.getContext().getRealm();
        RootAuthenticationSessionModel root = background.authenticationSessions().getRootAuthenticationSession(realm, rootSessionId);
        ClientModel client = realm.getClientByClientId(clientId);
        if (root == null || client == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(root.getAuthenticationSession(client, tabId));
    }

    /**
     * Empty while the session still holds this code under {@code notes}; otherwise why the mail is dropped.
     *
     * @param codeWasUsed whether a session without a pending code lost it because the code was accepted (then
     *                    {@link Drop#USED}, else {@link Drop#CANCELLED})
     */
    public Optional<Drop> stillWanted(KeycloakSession background, PendingCode.NoteNames notes,
                                      Predicate<AuthenticationSessionModel> codeWasUsed) {
        Optional<AuthenticationSessionModel> authSession = authSession(background);
        if (authSession.isEmpty()) {
            return Optional.of(Drop.SESSION_ENDED);
        }
        PendingCode pending = PendingCode.fromNotes(notes, authSession.get()::getAuthNote);
        if (pending == null) {
            return Optional.of(codeWasUsed.test(authSession.get()) ? Drop.USED : Drop.CANCELLED);
        }
        return pending.codeId().equals(code.codeId()) ? Optional.empty() : Optional.of(Drop.REPLACED);
    }

    /** Whether the queue gave up on a mail that was still wanted: the shopper then waits for nothing. */
    public static boolean abandonedWhileWanted(Drop reason) {
        return reason == Drop.REFUSED || reason == Drop.BACKLOG_FULL || reason == Drop.SHUTDOWN;
    }
}
