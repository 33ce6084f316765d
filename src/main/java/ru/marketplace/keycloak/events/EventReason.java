package ru.marketplace.keycloak.events;

import java.util.Locale;
import ru.marketplace.keycloak.code.check.CheckOutcome;
import ru.marketplace.keycloak.code.issue.IssueOutcome;

/**
 * Why a flow refused a code, a code request or a cancellation, as the {@code reason} detail of its error event.
 * The tag is the constant's name in lower case; {@link #error()} is the Keycloak error the event carries (the names
 * of {@code org.keycloak.events.Errors}, kept as strings so that this stays plain logic; EventReasonTest compares them).
 */
public enum EventReason {
    /** A wrong code; the code may allow more attempts. */
    WRONG_CODE("invalid_code"),
    EXPIRED_CODE("expired_code"),
    /** Every attempt of the code is used. */
    ATTEMPTS_EXHAUSTED("invalid_code"),
    /** Too many wrong codes for the account in the last hour, across sessions. */
    WRONG_CODE_LIMIT("slow_down"),
    /** Too many codes asked for the account or from the client's IP in the last hour. */
    CODE_REQUEST_LIMIT("slow_down"),
    /** Voided by a password sign-in or by «Это были не вы?». */
    CODE_REVOKED("invalid_code"),
    /** The right code, typed again after it was accepted. */
    CODE_USED("invalid_code"),
    /** No account holds the typed address. */
    NO_ACCOUNT("user_not_found"),
    /** More than one account holds the typed address, so none is picked. */
    DUPLICATE_EMAIL("user_not_found"),
    ACCOUNT_DISABLED("user_not_found"),
    /** The address is a service account's, which has no password to reset. */
    SERVICE_ACCOUNT("user_not_found"),
    NO_EMAIL("user_not_found"),
    /** The password lives in a directory Keycloak may not write to. */
    READ_ONLY_FEDERATION("user_not_found"),
    /** The owner pressed «Это были не вы?» in the code mail. */
    NOT_REQUESTED_BY_OWNER("reset_cancelled");

    private final String error;

    EventReason(String error) {
        this.error = error;
    }

    /** The {@code reason} detail. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The event's {@code error}. */
    public String error() {
        return error;
    }

    /** Why a typed code was refused; only a judged entry has one (not an accepted or a malformed one). */
    public static EventReason ofRefusedCode(CheckOutcome.Status status) {
        return switch (status) {
            case WRONG -> WRONG_CODE;
            case EXPIRED -> EXPIRED_CODE;
            case EXHAUSTED -> ATTEMPTS_EXHAUSTED;
            case LOCKED -> WRONG_CODE_LIMIT;
            case REVOKED -> CODE_REVOKED;
            case ALREADY_USED -> CODE_USED;
            case ACCEPTED, MALFORMED -> throw new IllegalArgumentException("no refusal to record: " + status);
        };
    }

    /** Why no code was sent; a cooldown is not recorded (the shopper only waits). */
    public static EventReason ofRefusedRequest(IssueOutcome.Status status) {
        return switch (status) {
            case THROTTLED -> CODE_REQUEST_LIMIT;
            case LOCKED -> WRONG_CODE_LIMIT;
            case ISSUED, COOLDOWN -> throw new IllegalArgumentException("no refusal to record: " + status);
        };
    }
}
