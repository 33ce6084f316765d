package ru.marketplace.keycloak.reset.flow;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers {@link ContinueResource}: {@code /realms/{realm}/marketplace-continue}. */
public final class ContinueResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "marketplace-continue";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ContinueResource(session);
            }

            @Override
            public void close() {
                // nothing held
            }
        };
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
