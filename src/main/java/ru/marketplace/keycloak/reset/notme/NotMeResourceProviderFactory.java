package ru.marketplace.keycloak.reset.notme;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import ru.marketplace.keycloak.spi.StatelessFactory;

/** Registers the «Это были не вы?» endpoint: {@code /realms/{realm}/marketplace-reset/not-me}. */
public final class NotMeResourceProviderFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

    public static final String PROVIDER_ID = "marketplace-reset";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new NotMeResourceProvider(session);
    }
}
