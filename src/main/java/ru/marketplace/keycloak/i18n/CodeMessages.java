package ru.marketplace.keycloak.i18n;

import ru.marketplace.keycloak.code.check.CheckOutcome;

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
    public static final String CODE_REVOKED = "marketplaceResetCodeRevoked";
    public static final String TOO_MANY_WRONG_CODES = "marketplaceResetTooManyWrongCodes";
    public static final String TOO_MANY_REQUESTS = "marketplaceResetTooManyRequests";
    public static final String RESEND_COOLDOWN = "marketplaceResetResendCooldown";
    /** Plural-aware: the key plus ".one", ".few", ".many" or ".other", formatted with the number. */
    public static final String ATTEMPTS_LEFT = "marketplaceAttemptsLeft";

    private CodeMessages() {
    }

    /**
     * What a code screen says to an entry that was not accepted, the same in every flow.
     *
     * @param key               the message, tied to the code field
     * @param params            its parameters, already worded in the shopper's language
     * @param attemptsRemaining what the screen shows of the code's attempts: null when it says nothing of them
     */
    public record Refusal(String key, Object[] params, Integer attemptsRemaining) {
    }

    /** The answer to {@code outcome}, any status but ACCEPTED. */
    public static Refusal refusal(CheckOutcome outcome, int codeLength, LocalizedText text) {
        return switch (outcome.status()) {
            case MALFORMED -> new Refusal(CODE_MALFORMED, new Object[] {codeLength}, null);
            case WRONG -> outcome.attemptsRemaining() > 0
                    ? new Refusal(CODE_WRONG, new Object[] {text.counted(ATTEMPTS_LEFT, outcome.attemptsRemaining())},
                            outcome.attemptsRemaining())
                    : new Refusal(CODE_WRONG_LAST, new Object[0], 0);
            case EXPIRED -> new Refusal(CODE_EXPIRED, new Object[0], null);
            case EXHAUSTED -> new Refusal(CODE_EXHAUSTED, new Object[0], 0);
            case LOCKED -> new Refusal(TOO_MANY_WRONG_CODES, new Object[] {text.waitTime(outcome.retryAfter())}, 0);
            case REVOKED -> new Refusal(CODE_REVOKED, new Object[0], 0);
            case ALREADY_USED -> new Refusal(CODE_USED, new Object[0], 0);
            case ACCEPTED -> throw new IllegalArgumentException("an accepted code is not refused");
        };
    }
}
