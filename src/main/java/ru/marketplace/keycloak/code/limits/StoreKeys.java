package ru.marketplace.keycloak.code.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Keys of a flow's entries in Keycloak's shared single-use-object store, within the flow's namespace (the store
 * adds it, see {@code SingleUseObjectLimitStore}): every attacker-influenced part (addresses, IPs, tokens) hashed, so
 * input can neither shape nor collide with a key. Short, because a limit holds thousands of them: the namespace and
 * 22 characters of hash.
 */
public final class StoreKeys {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private StoreKeys() {
    }

    /** {@code <kind>:<128-bit SHA-256 prefix of value>} */
    public static String of(String kind, String value) {
        return kind + ":" + hash(value);
    }

    /** The entry of a limit subject (an account, an address, an IP): the ring records of its limits. */
    static String entry(String subject) {
        return hash(subject);
    }

    /** Slot {@code slot} of ring {@code ring} of the subject whose entry is {@code entry}. */
    static String slot(String entry, String ring, int slot) {
        return entry + ":" + ring + slot;
    }

    /** Attempt {@code attempt} at the code {@code codeId} (an id the server drew at random: nothing to hash). */
    static String attempt(String codeId, int attempt) {
        return "a:" + codeId + ":" + attempt;
    }

    private static String hash(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return BASE64.encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
