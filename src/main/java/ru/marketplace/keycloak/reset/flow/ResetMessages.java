package ru.marketplace.keycloak.reset.flow;

/**
 * Message keys only the reset screens use (what any code screen says is in {@link ru.marketplace.keycloak.i18n.CodeMessages}). The texts live in theme-resources/messages/messages_{ru,en}.properties;
 * the templates use the same keys, and TranslationsTest checks both languages carry every key.
 */
public final class ResetMessages {

    public static final String EMAIL_REQUIRED = "marketplaceResetEmailRequired";
    public static final String EMAIL_INVALID = "marketplaceResetEmailInvalid";
    public static final String PHONE_NOT_SUPPORTED = "marketplaceResetPhoneNotSupported";
    /** Shown on Keycloak's OTP or security-key page when it follows an accepted code. */
    public static final String SECOND_FACTOR_NEXT = "marketplaceResetSecondFactorNext";

    private ResetMessages() {
    }
}
