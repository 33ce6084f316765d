package ru.marketplace.keycloak.reset.flow;

import java.net.URI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * {@code GET /realms/{realm}/marketplace-continue?client_id=…&tab_id=…}: sends the browser to the step its login
 * session is at now. The marketplace theme's «Этот шаг уже пройден» (Keycloak's login-page-expired.ftl) continues
 * here rather than to Keycloak's own «continue» address, which the page was given by a request that may have read
 * the session before a simultaneous request moved it on: that address then points to the step just passed and
 * answers «Этот шаг уже пройден» again (measured by {@code DoubleSubmitIT}: 9 of 40). This request reads the session
 * afresh. It only redirects within the browser's own session (the session cookie): no parameter can point it
 * anywhere else.
 */
public final class ContinueResource {

    private final KeycloakSession session;

    ContinueResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response continueWhereTheSessionIs(@QueryParam(Constants.CLIENT_ID) String clientId,
                                              @QueryParam(Constants.TAB_ID) String tabId) {
        RealmModel realm = session.getContext().getRealm();
        UriInfo uri = session.getContext().getUri();
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session).getCurrentRootAuthenticationSession(realm);
        AuthenticationSessionModel tab = root == null || client == null || tabId == null ? null : root.getAuthenticationSession(client, tabId);
        if (client == null) {
            return ErrorPage.error(session, null, Response.Status.BAD_REQUEST, Messages.INVALID_REQUEST);
        }
        if (tab == null) {
            // no login of this client under way in this browser any more: Keycloak's restart of the client's login
            return redirect(LoginActionsService.loginActionsBaseUrl(uri).path(LoginActionsService.RESTART_PATH)
                    .queryParam(Constants.CLIENT_ID, client.getClientId()).queryParam(Constants.TAB_ID, tabId)
                    .build(realm.getName()));
        }
        session.getContext().setAuthenticationSession(tab);
        if (AuthenticationSessionModel.Action.REQUIRED_ACTIONS.name().equals(tab.getAction())) {
            // the authentication is complete: Keycloak's required-action step without an action shows the next one
            UriBuilder next = LoginActionsService.loginActionsBaseUrl(uri).path(LoginActionsService.REQUIRED_ACTION)
                    .queryParam(Constants.CLIENT_ID, client.getClientId()).queryParam(Constants.TAB_ID, tab.getTabId());
            String clientData = AuthenticationProcessor.getClientData(session, tab);
            if (clientData != null) {
                next.queryParam(Constants.CLIENT_DATA, clientData);
            }
            return redirect(next.build(realm.getName()));
        }
        return redirect(new AuthenticationFlowURLHelper(session, realm, uri).getLastExecutionUrl(tab));
    }

    private static Response redirect(URI location) {
        return Response.status(Response.Status.FOUND).location(location).header("Cache-Control", "no-store").build();
    }
}
