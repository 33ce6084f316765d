package ru.marketplace.keycloak.reset.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keys of the flow's entries in Keycloak's shared single-use-object store: one namespace, and every
 * attacker-influenced part (addresses, IPs, tokens) hashed, so input can neither shape nor collide with a key.
 */
public final class StoreKeys {

    private static final String NAMESPACE = "mp-reset:v1:";

    private StoreKeys() {
    }

    /** {@code mp-reset:v1:<kind>:<128-bit SHA-256 prefix of value>} */
    public static String of(String kind, String value) {
        return NAMESPACE + kind + ":" + sha256(value);
    }

    private static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
