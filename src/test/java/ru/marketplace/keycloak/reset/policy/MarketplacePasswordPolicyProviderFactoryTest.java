package ru.marketplace.keycloak.reset.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/** What Keycloak sees of the policy without a running server: registration, console metadata, save-time validation. */
class MarketplacePasswordPolicyProviderFactoryTest {

    private final MarketplacePasswordPolicyProviderFactory factory = new MarketplacePasswordPolicyProviderFactory();

    @Test
    void keycloakFindsTheFactory() {
        assertTrue(ServiceLoader.load(PasswordPolicyProviderFactory.class).stream()
                .anyMatch(provider -> provider.type() == MarketplacePasswordPolicyProviderFactory.class));
    }

    @Test
    void theConsoleShowsOneStringPolicyWithTheDefaultRules() {
        assertEquals("marketplacePassword", factory.getId());
        assertEquals("Marketplace password rules", factory.getDisplayName());
        assertEquals(PasswordPolicyProvider.STRING_CONFIG_TYPE, factory.getConfigType());
        assertEquals("8-20 digits:1 upper:2 lower:2 score:2", factory.getDefaultConfigValue());
        assertFalse(factory.isMultiplSupported());
    }

    @Test
    void parseConfigReturnsTheRules() {
        PasswordPolicyProvider provider = factory.create(null);
        assertEquals(PasswordRules.DEFAULTS, provider.parseConfig(factory.getDefaultConfigValue()));
        assertEquals(PasswordRules.DEFAULTS, provider.parseConfig(null));
        assertEquals(new PasswordRules(10, 30, 1, 1, 1, 3), provider.parseConfig("10-30 upper:1 lower:1 score:3"));
    }

    @Test
    void aBadConfigIsRefusedWhenTheAdminSavesIt() {
        PasswordPolicyProvider provider = factory.create(null);
        PasswordPolicyConfigException refused =
                assertThrows(PasswordPolicyConfigException.class, () -> provider.parseConfig("20-8"));
        assertEquals("The minimum length 20 is greater than the maximum length 8", refused.getMessage());
    }
}
