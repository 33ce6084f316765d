package ru.marketplace.keycloak.reset.notme;

import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import ru.marketplace.keycloak.mail.AccountMailer;

/** The code mail's «Это были не вы?» link, as a late attribute of the mail. */
public final class NotMeLink {

    private NotMeLink() {
    }

    /**
     * The page's address is built now, from Keycloak's configured hostname like Keycloak's own links (a Host header is
     * never trusted in production); its one-time token when the mail is composed, in the sending session.
     */
    public static AccountMailer.LateAttributes forAccount(KeycloakSession session, RealmModel realm, String userId) {
        String endpoint = UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms").path(realm.getName())
                .path(NotMeResourceProviderFactory.PROVIDER_ID).path("not-me")
                .build().toString();
        return (background, attributes) -> attributes.put("notMeUrl", endpoint + "?token="
                + new CancellationTokens(background, background.getContext().getRealm()).issue(userId));
    }
}
