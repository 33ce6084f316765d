package ru.marketplace.keycloak.reset.policy;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/**
 * What the marketplace's password policies share as Keycloak factories: one text value, configured per realm in the
 * policy itself (none in the server's configuration), at most once per realm, nothing to start or to stop.
 */
abstract class OneValuePolicyFactory implements PasswordPolicyProviderFactory {

    @Override
    public final String getConfigType() {
        return PasswordPolicyProvider.STRING_CONFIG_TYPE;
    }

    /** Keycloak's spelling: one such policy per realm. */
    @Override
    public final boolean isMultiplSupported() {
        return false;
    }

    @Override
    public final void init(Config.Scope config) {
        // configured per realm, in the policy's value
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
        // nothing at startup: whatever a policy needs loads on first use, so Keycloak starts as fast as without it
    }

    @Override
    public final void close() {
        // shared state (zxcvbn, mapped filter files) lives as long as the factory and is collected with it
    }
}
