package ru.marketplace.keycloak.reset.code;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The state of one issued code as kept in the authentication session: never the code itself, only its digest.
 *
 * @param codeId       random id; keys the code's attempt counter and its single-use mark
 * @param digest       {@link CodeDigest} of the code, bound to {@code codeId}, the account and its address
 * @param address      the normalised address the shopper typed (what the screens show)
 * @param accountId    the account the code was sent to, or {@code null} when no code was sent (unknown or
 *                     ineligible address): the flow then behaves identically but can never succeed
 * @param issuedAt     when the code was issued (server time)
 * @param expiresAt    when it stops being accepted (server time)
 * @param attemptsUsed wrong attempts known to be used: where the next attempt's claim is tried first (the claims in
 *                     the store decide, see {@code CodeAttempts})
 */
public record PendingCode(String codeId, String digest, String address, String accountId, Instant issuedAt, Instant expiresAt,
                          int attemptsUsed) {

    private static final String PREFIX = "mpReset.code.";
    static final String CODE_ID = PREFIX + "id";
    static final String DIGEST = PREFIX + "digest";
    static final String ADDRESS = PREFIX + "address";
    static final String ACCOUNT = PREFIX + "account";
    static final String ISSUED_AT = PREFIX + "issuedAtMillis";
    static final String EXPIRES_AT = PREFIX + "expiresAtMillis";
    static final String ATTEMPTS_USED = PREFIX + "attemptsUsed";

    /** Note names this record occupies, so the flow can clear them all. */
    public static final java.util.List<String> NOTE_NAMES = java.util.List.of(CODE_ID, DIGEST, ADDRESS, ACCOUNT, ISSUED_AT, EXPIRES_AT, ATTEMPTS_USED);

    /** A code just issued: no attempt used yet. */
    public PendingCode(String codeId, String digest, String address, String accountId, Instant issuedAt, Instant expiresAt) {
        this(codeId, digest, address, accountId, issuedAt, expiresAt, 0);
    }

    /** The same code after {@code used} of its attempts are known to be taken. */
    public PendingCode withAttemptsUsed(int used) {
        return new PendingCode(codeId, digest, address, accountId, issuedAt, expiresAt, Math.max(attemptsUsed, used));
    }

    public boolean forAccount() {
        return accountId != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The binding this code was issued with, for an account whose stored address is now {@code currentEmail}. */
    public String bindingFor(String currentEmail) {
        return CodeDigest.binding(codeId, accountId, currentEmail);
    }

    public Map<String, String> toNotes() {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(CODE_ID, codeId);
        notes.put(DIGEST, digest);
        notes.put(ADDRESS, address);
        notes.put(ACCOUNT, accountId == null ? "" : accountId);
        notes.put(ISSUED_AT, Long.toString(issuedAt.toEpochMilli()));
        notes.put(EXPIRES_AT, Long.toString(expiresAt.toEpochMilli()));
        notes.put(ATTEMPTS_USED, Integer.toString(attemptsUsed));
        return notes;
    }

    /** Reads the record back; {@code null} when there is none or it is incomplete (treated as "no code yet"). */
    public static PendingCode fromNotes(Function<String, String> notes) {
        String codeId = notes.apply(CODE_ID);
        String digest = notes.apply(DIGEST);
        String address = notes.apply(ADDRESS);
        String account = notes.apply(ACCOUNT);
        String issuedAt = notes.apply(ISSUED_AT);
        String expiresAt = notes.apply(EXPIRES_AT);
        String attemptsUsed = notes.apply(ATTEMPTS_USED);
        if (codeId == null || digest == null || address == null || account == null || issuedAt == null || expiresAt == null) {
            return null;
        }
        try {
            return new PendingCode(codeId, digest, address, account.isEmpty() ? null : account,
                    Instant.ofEpochMilli(Long.parseLong(issuedAt)), Instant.ofEpochMilli(Long.parseLong(expiresAt)),
                    attemptsUsed == null ? 0 : Math.max(0, Integer.parseInt(attemptsUsed)));
        } catch (NumberFormatException corrupted) {
            return null;
        }
    }
}
