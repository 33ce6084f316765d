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

    private static final String PREFIX = "mpReset.";
    /** The fixed-format fields in one note: a pending reset is held by thousands of sessions at a peak. */
    static final String CODE = PREFIX + "code";
    static final String ACCOUNT = PREFIX + "account";
    /** Also what the e-mail field is prefilled with after «Изменить адрес»: it outlives the code. */
    public static final String ADDRESS = PREFIX + "address";
    private static final String FORMAT = "2";

    /** Notes removed when the code is dropped; the address stays as what the shopper typed. */
    public static final java.util.List<String> CODE_NOTE_NAMES = java.util.List.of(CODE, ACCOUNT);

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
        notes.put(CODE, String.join(";", FORMAT, codeId, digest, Long.toString(issuedAt.toEpochMilli(), 36),
                Long.toString(expiresAt.toEpochMilli(), 36), Integer.toString(attemptsUsed)));
        notes.put(ACCOUNT, accountId == null ? "" : accountId);
        notes.put(ADDRESS, address);
        return notes;
    }

    /** Reads the record back; {@code null} when there is none or it is incomplete (treated as "no code yet"). */
    public static PendingCode fromNotes(Function<String, String> notes) {
        String code = notes.apply(CODE);
        String account = notes.apply(ACCOUNT);
        String address = notes.apply(ADDRESS);
        if (code == null || account == null || address == null) {
            return null;
        }
        String[] fields = code.split(";", -1);
        if (fields.length != 6 || !FORMAT.equals(fields[0]) || fields[1].isEmpty() || fields[2].isEmpty()) {
            return null;
        }
        try {
            return new PendingCode(fields[1], fields[2], address, account.isEmpty() ? null : account,
                    Instant.ofEpochMilli(Long.parseLong(fields[3], 36)), Instant.ofEpochMilli(Long.parseLong(fields[4], 36)),
                    Math.max(0, Integer.parseInt(fields[5])));
        } catch (NumberFormatException corrupted) {
            return null;
        }
    }
}
