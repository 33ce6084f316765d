package ru.marketplace.keycloak.reset.flow;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * The right code arrived twice at once for one authentication session (a double click, or the same form sent
 * through a non-sticky balancer to two nodes) and the other request consumed it.
 *
 * <p>Keycloak stores an authentication session as one entry and the last writer replaces it whole: had this
 * request shown its own page, it would have written back the session as it read it, before the acceptance,
 * and the shopper who had just proved the code would land on «Страница устарела» (measured in ClusterIT). So
 * this request writes nothing (its transaction is rolled back) and, once the other request's acceptance is
 * visible in the store, sends the browser to wherever that acceptance led: the new password, or the second
 * factor.
 */
final class ConcurrentAcceptance {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel authSession;

    ConcurrentAcceptance(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
        this.session = session;
        this.realm = realm;
        this.authSession = authSession;
    }

    /** Nothing this request changed reaches the store: not the session, not an event. */
    void discardThisRequestsWrites() {
        session.getTransactionManager().setRollbackOnly();
    }

    /**
     * Waits up to {@code patience} for the winning request's commit, reading the session afresh each time.
     *
     * @return the URL of the step the session is at after the acceptance; empty if no acceptance became visible
     */
    Optional<URI> awaitNextStep(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<URI> next = committedNextStep();
            if (next.isPresent() || System.nanoTime() > deadline) {
                return next;
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }

    private Optional<URI> committedNextStep() {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        String rootId = authSession.getParentSession().getId();
        String clientId = authSession.getClient().getId();
        String tabId = authSession.getTabId();
        UriInfo uri = session.getContext().getUri();
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, fresh -> {
            RealmModel freshRealm = fresh.realms().getRealm(realmId);
            fresh.getContext().setRealm(freshRealm);
            RootAuthenticationSessionModel root = fresh.authenticationSessions().getRootAuthenticationSession(freshRealm, rootId);
            ClientModel client = freshRealm.getClientById(clientId);
            AuthenticationSessionModel tab = root == null || client == null ? null : root.getAuthenticationSession(client, tabId);
            if (tab == null || !ResetFlowState.codeVerified(tab)) {
                return Optional.empty();
            }
            fresh.getContext().setAuthenticationSession(tab);
            return Optional.of(new AuthenticationFlowURLHelper(fresh, freshRealm, uri).getLastExecutionUrl(tab));
        });
    }
}
