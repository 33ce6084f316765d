package ru.marketplace.keycloak.reset.notme;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The «Это были не вы?» token as a signed value rather than a stored one: {@code base64url(version, issue second,
 * account id) "." base64url(HMAC-SHA256, 128 bits)}. Issuing it stores nothing, so a code mail no longer leaves a
 * store entry behind for a day; only a token that is used leaves its single-use mark (see {@link CancellationTokens}).
 * Plain logic: the keys come from the caller.
 */
final class SignedCancellation {

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int MAX_ACCOUNT_BYTES = 255;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token says. */
    record Claim(String accountId, Instant issuedAt) {
    }

    private SignedCancellation() {
    }

    static String sign(String accountId, Instant issuedAt, byte[] key) {
        byte[] account = accountId.getBytes(StandardCharsets.UTF_8);
        if (account.length > MAX_ACCOUNT_BYTES) {
            throw new IllegalArgumentException("account id too long for a token");
        }
        byte[] payload = ByteBuffer.allocate(1 + Long.BYTES + account.length)
                .put(VERSION).putLong(issuedAt.getEpochSecond()).put(account).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(key, payload));
    }

    /**
     * The claim of {@code token} if one of {@code keys} signed it and it is younger than {@code lifespan};
     * empty for anything else (malformed, foreign, tampered, expired), never an exception.
     */
    static Optional<Claim> verify(String token, List<byte[]> keys, Duration lifespan, Instant now) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length < 1 + Long.BYTES + 1 || payload[0] != VERSION || signature.length != MAC_BYTES) {
            return Optional.empty();
        }
        boolean signed = keys.stream().anyMatch(key -> MessageDigest.isEqual(mac(key, payload), signature));
        if (!signed) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload, 1, payload.length - 1);
        Instant issuedAt = Instant.ofEpochSecond(fields.getLong());
        if (issuedAt.isAfter(now.plusSeconds(60)) || !issuedAt.plus(lifespan).isAfter(now)) {
            return Optional.empty();
        }
        String account = new String(payload, 1 + Long.BYTES, payload.length - 1 - Long.BYTES, StandardCharsets.UTF_8);
        return Optional.of(new Claim(account, issuedAt));
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // a purpose label, so the realm's key signs nothing here that could pass for another of its uses
            mac.update("marketplace-reset:not-me\n".getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
