package ru.marketplace.keycloak.reset.settings;

/** Whether the shopper must log in again after choosing a new password (same values as Keycloak's own reset). */
public enum ForceLogin {
    /** Always send the shopper to the login page. */
    ALWAYS("true"),
    /** Sign the shopper in straight away (Keycloak's default for local users; OWASP advises against, see SECURITY.md). */
    NEVER("false"),
    /** Only users stored in a federation provider (LDAP, custom stores) log in again. */
    ONLY_FEDERATED("only-federated");

    private final String configValue;

    ForceLogin(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public boolean appliesTo(boolean federatedUser) {
        return this == ALWAYS || (this == ONLY_FEDERATED && federatedUser);
    }

    static ForceLogin fromConfigValue(String value) {
        for (ForceLogin option : values()) {
            if (option.configValue.equalsIgnoreCase(value)) {
                return option;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
