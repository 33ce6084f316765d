package ru.marketplace.keycloak.reset.flow;

/** Template names of the reset screens (shipped in theme-resources/templates, overridable by a theme). */
public final class ResetTemplates {

    public static final String EMAIL_SCREEN = "marketplace-reset-email.ftl";
    public static final String CODE_SCREEN = "marketplace-reset-code.ftl";

    private ResetTemplates() {
    }
}
