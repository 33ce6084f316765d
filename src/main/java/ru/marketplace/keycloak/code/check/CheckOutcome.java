package ru.marketplace.keycloak.code.check;

import java.time.Duration;

/**
 * The verdict on one code entry.
 *
 * @param status            what happened
 * @param attemptsRemaining wrong entries this code still allows (meaningful for WRONG)
 * @param retryAfter        for LOCKED, how long until codes are accepted for the account again
 * @param attemptsUsed      the code's attempts known to be used after this entry, for the session to keep
 */
public record CheckOutcome(Status status, int attemptsRemaining, Duration retryAfter, int attemptsUsed) {

    public enum Status {
        /** Right code, consumed now: it can never be used again. */
        ACCEPTED,
        /** Wrong code; {@link #attemptsRemaining()} says how many tries are left (0: the code is now dead). */
        WRONG,
        /** Not a code at all (letters, wrong length): not counted as an attempt, since it cannot be a guess. */
        MALFORMED,
        /** Past its lifetime. */
        EXPIRED,
        /** Voided because the owner signed in with the password or said the request was not theirs. */
        REVOKED,
        /** All attempts for this code were used: only a new code helps. */
        EXHAUSTED,
        /** Too many wrong codes for this account in the last hour, across all sessions. */
        LOCKED,
        /** Right code, but another request consumed it first (replay or race). */
        ALREADY_USED
    }

    static CheckOutcome of(Status status) {
        return new CheckOutcome(status, 0, Duration.ZERO, 0);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
