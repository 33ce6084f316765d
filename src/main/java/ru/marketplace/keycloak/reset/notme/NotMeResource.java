package ru.marketplace.keycloak.reset.notme;

import ru.marketplace.keycloak.reset.settings.ResetKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.forms.login.LoginFormsProvider;
import ru.marketplace.keycloak.code.limits.CodeRevocations;
import ru.marketplace.keycloak.code.store.SingleUseObjectLimitStore;
import ru.marketplace.keycloak.events.EventReason;

/**
 * {@code /realms/{realm}/marketplace-reset/not-me}: where «Это были не вы?» in the code e-mail leads.
 *
 * <p>GET only shows a page with a button, because mail scanners open links; the POST behind the button voids
 * every pending code of the account and records an event, so admins see that a reset was not the owner's.
 */
public final class NotMeResource {

    static final String TEMPLATE = "marketplace-not-me.ftl";

    private final KeycloakSession session;

    public NotMeResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("not-me")
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        boolean live = tokens().isLive(token);
        return page(live ? "confirm" : "invalid", live ? token : "");
    }

    @POST
    @Path("not-me")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@FormParam("token") String token) {
        Optional<String> account = tokens().redeem(token);
        if (account.isEmpty()) {
            return page("invalid", "");
        }
        RealmModel realm = session.getContext().getRealm();
        new CodeRevocations(SingleUseObjectLimitStore.of(session, ResetKeys.STORE_NAMESPACE))
                .revoke(account.get(), Instant.now());
        UserModel user = session.users().getUserById(realm, account.get());
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.RESET_PASSWORD)
                .detail(Details.REASON, EventReason.NOT_REQUESTED_BY_OWNER.tag());
        if (user != null) {
            event.user(user).detail(Details.USERNAME, user.getUsername()).detail(Details.EMAIL, user.getEmail());
        } else {
            event.user(account.get());
        }
        event.error(EventReason.NOT_REQUESTED_BY_OWNER.error());
        return page("cancelled", "");
    }

    private Response page(String state, String token) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class)
                .setAttribute("notMeState", state)
                .setAttribute("notMeToken", token)
                .setAttribute("notMeAction", session.getContext().getUri().getAbsolutePath().toString());
        return form.createForm(TEMPLATE);
    }

    private CancellationTokens tokens() {
        return new CancellationTokens(session, session.getContext().getRealm());
    }
}
