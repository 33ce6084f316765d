package ru.marketplace.keycloak.code.issue;

import java.time.Duration;
import ru.marketplace.keycloak.code.PendingCode;

/**
 * What came of asking for a code.
 *
 * @param status     whether a code was issued and, if not, why
 * @param pending    the new pending code (also for unknown addresses, whose code is never sent); null unless ISSUED
 * @param code       the plain code to e-mail; null unless ISSUED to an account
 * @param retryAfter how long until asking again can succeed; zero when ISSUED
 */
public record IssueOutcome(Status status, PendingCode pending, String code, Duration retryAfter) {

    public enum Status {
        ISSUED,
        /** Asked again before the resend cooldown passed. */
        COOLDOWN,
        /** Too many codes for this account/address, or too many requests from this IP, in the last hour. */
        THROTTLED,
        /** Too many wrong codes for this account/address in the last hour: no new code until it passes. */
        LOCKED
    }

    public boolean issued() {
        return status == Status.ISSUED;
    }

    /** True when there is a code to e-mail: issued, and for a real account. */
    public boolean shouldSend() {
        return issued() && code != null;
    }
}
