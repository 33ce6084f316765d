package ru.marketplace.keycloak.reset.notme;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers the «Это были не вы?» endpoint: {@code /realms/{realm}/marketplace-reset/not-me}. */
public final class NotMeResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "marketplace-reset";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new NotMeResourceProvider(session);
    }

    @Override
    public void init(Config.Scope config) {
        // nothing configurable
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }
}
