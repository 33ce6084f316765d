package ru.marketplace.keycloak.code;

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

    private static final String FORMAT = "2";

    /**
     * The session-note names a flow keeps its pending code under: each flow has its own prefix, so two flows in one
     * login session never read each other's code. The fixed-format fields sit in one note: a pending code is held
     * by thousands of sessions at a peak.
     *
     * @param prefix {@code mpReset.} for the reset; ends in a dot
     */
    public record NoteNames(String prefix) {
        public NoteNames {
            if (!prefix.matches("[A-Za-z]+\\.")) {
                throw new IllegalArgumentException("a note prefix is letters ending in a dot: " + prefix);
            }
        }

        String code() {
            return prefix + "code";
        }

        String account() {
            return prefix + "account";
        }

        /** Also what the e-mail field is prefilled with after «Изменить адрес»: it outlives the code. */
        public String address() {
            return prefix + "address";
        }

        /** Notes removed when the code is dropped; the address stays as what the shopper typed. */
        public java.util.List<String> codeOnly() {
            return java.util.List.of(code(), account());
        }
    }

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

    public Map<String, String> toNotes(NoteNames names) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put(names.code(), String.join(";", FORMAT, codeId, digest, Long.toString(issuedAt.toEpochMilli(), 36),
                Long.toString(expiresAt.toEpochMilli(), 36), Integer.toString(attemptsUsed)));
        notes.put(names.account(), accountId == null ? "" : accountId);
        notes.put(names.address(), address);
        return notes;
    }

    /** Reads the record back; {@code null} when there is none or it is incomplete (treated as "no code yet"). */
    public static PendingCode fromNotes(NoteNames names, Function<String, String> notes) {
        String code = notes.apply(names.code());
        String account = notes.apply(names.account());
        String address = notes.apply(names.address());
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
