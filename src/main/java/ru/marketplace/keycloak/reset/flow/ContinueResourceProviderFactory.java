package ru.marketplace.keycloak.reset.flow;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import ru.marketplace.keycloak.spi.StatelessFactory;

/** Registers {@link ContinueResource}: {@code /realms/{realm}/marketplace-continue}. */
public final class ContinueResourceProviderFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

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
}
