package ru.marketplace.keycloak.i18n;

/**
 * Message keys of what every code screen may say about the code, whichever flow sent it (the reset, the address
 * verification). The texts live in theme-resources/messages/messages_{ru,en}.properties under the keys the reset
 * introduced, so realm overrides made for the reset keep working; TranslationsTest checks both languages.
 */
public final class CodeMessages {

    public static final String CODE_RESENT = "marketplaceResetCodeResent";
    public static final String CODE_MALFORMED = "marketplaceResetCodeMalformed";
    public static final String CODE_WRONG = "marketplaceResetCodeWrong";
    public static final String CODE_WRONG_LAST = "marketplaceResetCodeWrongLast";
    public static final String CODE_EXPIRED = "marketplaceResetCodeExpired";
    public static final String CODE_EXHAUSTED = "marketplaceResetCodeExhausted";
    public static final String CODE_USED = "marketplaceResetCodeUsed";
    public static final String TOO_MANY_WRONG_CODES = "marketplaceResetTooManyWrongCodes";
    public static final String TOO_MANY_REQUESTS = "marketplaceResetTooManyRequests";
    public static final String RESEND_COOLDOWN = "marketplaceResetResendCooldown";
    /** Plural-aware: the key plus ".one", ".few", ".many" or ".other", formatted with the number. */
    public static final String ATTEMPTS_LEFT = "marketplaceAttemptsLeft";

    private CodeMessages() {
    }
}
