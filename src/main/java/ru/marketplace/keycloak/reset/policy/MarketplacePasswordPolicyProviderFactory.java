package ru.marketplace.keycloak.reset.policy;

import org.keycloak.models.KeycloakSession;
import org.keycloak.policy.PasswordPolicyProvider;

/**
 * Registers "Marketplace password rules" in Authentication → Policies → Password policy. Its single config
 * value is a {@link PasswordRules} config ({@value PasswordRules#DEFAULT_CONFIG} by default), checked when the
 * admin saves the policy.
 */
public final class MarketplacePasswordPolicyProviderFactory extends OneValuePolicyFactory {

    /** The policy's id in the realm's password policy string: {@code marketplacePassword(8-20 digits:1 …)}. */
    public static final String PROVIDER_ID = "marketplacePassword";

    // One checker, and through it one zxcvbn (loaded on first use), for every realm and session.
    private final PasswordChecker checker = new PasswordChecker(GuessabilityCheck::shared);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new MarketplacePasswordPolicyProvider(session, checker);
    }

    @Override
    public String getDisplayName() {
        return "Marketplace password rules";
    }

    @Override
    public String getDefaultConfigValue() {
        return PasswordRules.DEFAULT_CONFIG;
    }
}
