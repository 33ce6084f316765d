package ru.marketplace.keycloak.reset.notme;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Serves {@link NotMeResource} under {@code /realms/{realm}/marketplace-reset}. */
public final class NotMeResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    NotMeResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new NotMeResource(session);
    }

    @Override
    public void close() {
        // nothing held
    }
}
