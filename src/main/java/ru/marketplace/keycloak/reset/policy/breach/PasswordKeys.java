package ru.marketplace.keycloak.reset.policy.breach;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

/**
 * The one key space of breached passwords: a password's key is the first 8 bytes of the SHA-1 of its UTF-8 bytes,
 * read as a big-endian {@code long}. That is also the first 16 hex digits of a Pwned Passwords line
 * ({@code SHA1:count}), so the downloaded hashes and plain lists of passwords land on the same keys, and the
 * password itself never needs to be stored. No secret key: the list is public, and the filter must give the same
 * answer on every node.
 *
 * <p>Normalisation: a password is looked up as typed and, when different, in Unicode NFC (composed) form; a plain
 * list adds both forms of each line too. Pwned Passwords hashes whatever bytes the breached sites stored (nearly
 * always NFC for text typed on a keyboard); the length rule of the policy counts NFC code points as well.
 * No case folding, no trimming: a breach list holds exact passwords.
 */
public final class PasswordKeys {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private PasswordKeys() {
    }

    /** The forms of {@code password} that are looked up: as typed, then its NFC form if that differs. */
    public static List<String> forms(String password) {
        String composed = Normalizer.normalize(password, Normalizer.Form.NFC);
        return composed.equals(password) ? List.of(password) : List.of(password, composed);
    }

    /** SHA-1 of the password's UTF-8 bytes. */
    public static byte[] sha1(String password) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("every Java platform has SHA-1", unavailable);
        }
    }

    /** The 40 upper-case hex digits Pwned Passwords uses. */
    public static String sha1Hex(String password) {
        return UPPER_HEX.formatHex(sha1(password));
    }

    /** The key of a password, as typed (see {@link #forms} for what else to look up). */
    public static long ofPassword(String password) {
        byte[] digest = sha1(password);
        long key = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            key = (key << 8) | (digest[i] & 0xFF);
        }
        return key;
    }

    /**
     * The key of a line of the Pwned Passwords download ({@code 40 hex digits}, then optionally {@code :count}),
     * either case; {@code null} when the line is not one.
     */
    public static Long ofPwnedLine(CharSequence line) {
        int length = line.length();
        if (length < 40 || (length > 40 && line.charAt(40) != ':')) {
            return null;
        }
        for (int i = 16; i < 40; i++) {
            if (Character.digit(line.charAt(i), 16) < 0) {
                return null;
            }
        }
        long key = 0;
        for (int i = 0; i < 16; i++) {
            int digit = Character.digit(line.charAt(i), 16);
            if (digit < 0) {
                return null;
            }
            key = (key << 4) | digit;
        }
        return key;
    }
}
