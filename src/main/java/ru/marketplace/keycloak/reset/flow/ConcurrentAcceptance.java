package ru.marketplace.keycloak.reset.flow;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;
import ru.marketplace.keycloak.reset.handoff.CodeStepHandOff;

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
 *
 * <p>The same goes for a post that never reached the authenticator's action: Keycloak spends the form's one-time
 * action code on the first of two simultaneous posts and redirects the other to the step's page (issue 10). That
 * page waits here for what the first post decided: the next step, or the answer to a wrong code.
 */
final class ConcurrentAcceptance {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel authSession;
    private final String executionId;
    private final UriInfo uri;

    /** @param executionId the reset step's execution: the acceptance is complete once the session has moved past it */
    ConcurrentAcceptance(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, String executionId) {
        this.session = session;
        this.realm = realm;
        this.authSession = authSession;
        this.executionId = executionId;
        this.uri = session.getContext().getUri();
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
        return await(patience, this::nextStepOnceCommitted);
    }

    /**
     * Waits up to {@code patience} for the answer of a code check that began at {@code checkStarted} (or later) and
     * reports the session's next step instead if that check accepted the code.
     *
     * @return the answer, or the next step; empty if neither became visible
     */
    Optional<Decided> awaitCheckAfter(Instant checkStarted, Duration patience) {
        return await(patience, (fresh, tab) -> nextStepOnceCommitted(fresh, tab).map(Decided::nextStep).or(() -> {
            ResetFlowState.LastCheck check = ResetFlowState.lastCheck(tab);
            return check != null && !check.at().isBefore(checkStarted) ? Optional.of(Decided.answer(check)) : Optional.empty();
        }));
    }

    /** What a simultaneous post decided: exactly one of the two is set. */
    record Decided(URI nextStep, ResetFlowState.LastCheck answer) {
        static Decided nextStep(URI url) {
            return new Decided(url, null);
        }

        static Decided answer(ResetFlowState.LastCheck check) {
            return new Decided(null, check);
        }
    }

    private <T> Optional<T> await(Duration patience, BiFunction<KeycloakSession, AuthenticationSessionModel, Optional<T>> decided) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<T> outcome = readCommitted(decided);
            if (outcome.isPresent() || System.nanoTime() > deadline) {
                return outcome;
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }

    /**
     * The step after the code, once the accepting request has moved the session past the reset step: a redirect
     * to the reset step itself would meet Keycloak's «Страница устарела» as soon as that request commits.
     */
    private Optional<URI> nextStepOnceCommitted(KeycloakSession fresh, AuthenticationSessionModel tab) {
        if (!CodeStepHandOff.codeVerified(tab) || executionId.equals(tab.getAuthNote(AuthenticationProcessor.CURRENT_AUTHENTICATION_EXECUTION))) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticationFlowURLHelper(fresh, fresh.getContext().getRealm(), uri).getLastExecutionUrl(tab));
    }

    /** Reads this tab of the authentication session afresh, in its own transaction, and applies {@code decided} to it. */
    private <T> Optional<T> readCommitted(BiFunction<KeycloakSession, AuthenticationSessionModel, Optional<T>> decided) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        String rootId = authSession.getParentSession().getId();
        String clientId = authSession.getClient().getId();
        String tabId = authSession.getTabId();
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, fresh -> {
            RealmModel freshRealm = fresh.realms().getRealm(realmId);
            fresh.getContext().setRealm(freshRealm);
            RootAuthenticationSessionModel root = fresh.authenticationSessions().getRootAuthenticationSession(freshRealm, rootId);
            ClientModel client = freshRealm.getClientById(clientId);
            AuthenticationSessionModel tab = root == null || client == null ? null : root.getAuthenticationSession(client, tabId);
            if (tab == null) {
                return Optional.<T>empty();
            }
            fresh.getContext().setAuthenticationSession(tab);
            return decided.apply(fresh, tab);
        });
    }
}
