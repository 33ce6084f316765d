package ru.marketplace.keycloak.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What is stored instead of a code: {@code v1:<salt>:<HMAC-SHA256(salt, binding \n code)>}.
 *
 * <p>The binding names the code's id, the account and the e-mail address the code was sent to, so a code
 * only verifies for the request that issued it: after the account's e-mail changes, or for another
 * account, the same digits no longer match. Comparison is constant-time.
 */
public final class CodeDigest {

    private static final String VERSION = "v1";
    private static final int SALT_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CodeDigest() {
    }

    /** A fresh salted digest of {@code code} bound to {@code binding}. */
    public static String digest(String code, String binding, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return VERSION + ":" + ENCODER.encodeToString(salt) + ":" + ENCODER.encodeToString(mac(salt, binding, code));
    }

    /** True when {@code candidate} with {@code binding} produces {@code storedDigest}; false for any malformed digest. */
    public static boolean matches(String storedDigest, String binding, String candidate) {
        if (storedDigest == null || candidate == null || binding == null) {
            return false;
        }
        String[] parts = storedDigest.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return false;
        }
        try {
            byte[] salt = DECODER.decode(parts[1]);
            byte[] expected = DECODER.decode(parts[2]);
            return MessageDigest.isEqual(expected, mac(salt, binding, candidate));
        } catch (IllegalArgumentException malformedBase64) {
            return false;
        }
    }

    /** The binding string for a code sent to {@code email} of account {@code accountId} under {@code codeId}. */
    public static String binding(String codeId, String accountId, String email) {
        return codeId + "\n" + (accountId == null ? "" : accountId) + "\n" + (email == null ? "" : email);
    }

    private static byte[] mac(byte[] salt, String binding, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal((binding + "\n" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
