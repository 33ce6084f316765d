package ru.marketplace.keycloak.reset.flow;

/**
 * Message keys of the reset screens. The texts live in theme-resources/messages/messages_{ru,en}.properties;
 * the templates use the same keys, and TranslationsTest checks both languages carry every key.
 */
public final class ResetMessages {

    public static final String EMAIL_REQUIRED = "marketplaceResetEmailRequired";
    public static final String EMAIL_INVALID = "marketplaceResetEmailInvalid";
    public static final String PHONE_NOT_SUPPORTED = "marketplaceResetPhoneNotSupported";
    public static final String CODE_RESENT = "marketplaceResetCodeResent";
    public static final String CODE_MALFORMED = "marketplaceResetCodeMalformed";
    public static final String CODE_WRONG = "marketplaceResetCodeWrong";
    public static final String CODE_WRONG_LAST = "marketplaceResetCodeWrongLast";
    public static final String CODE_EXPIRED = "marketplaceResetCodeExpired";
    public static final String CODE_EXHAUSTED = "marketplaceResetCodeExhausted";
    public static final String CODE_USED = "marketplaceResetCodeUsed";
    public static final String CODE_REVOKED = "marketplaceResetCodeRevoked";
    public static final String TOO_MANY_WRONG_CODES = "marketplaceResetTooManyWrongCodes";
    public static final String TOO_MANY_REQUESTS = "marketplaceResetTooManyRequests";
    public static final String RESEND_COOLDOWN = "marketplaceResetResendCooldown";
    /** Shown on Keycloak's OTP or security-key page when it follows an accepted code. */
    public static final String SECOND_FACTOR_NEXT = "marketplaceResetSecondFactorNext";
    /** Plural-aware: the key plus ".one", ".few", ".many" or ".other", formatted with the number. */
    public static final String ATTEMPTS_LEFT = "marketplaceAttemptsLeft";

    private ResetMessages() {
    }
}
