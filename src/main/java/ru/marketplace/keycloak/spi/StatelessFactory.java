package ru.marketplace.keycloak.spi;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A factory that reads no server-wide settings, wires nothing at startup and holds nothing: whatever its providers
 * need is per realm (an execution's or a required action's ⚙) or in Keycloak's stores, which keeps them cluster-safe.
 * Implemented next to the factory's own SPI interface, e.g.
 * {@code implements RequiredActionFactory, StatelessFactory<RequiredActionProvider>}.
 */
public interface StatelessFactory<T extends Provider> extends ProviderFactory<T> {

    @Override
    default void init(Config.Scope config) {
        // no server-wide settings
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    default void close() {
        // nothing held
    }
}
