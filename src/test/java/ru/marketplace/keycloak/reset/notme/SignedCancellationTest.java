package ru.marketplace.keycloak.reset.notme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedCancellationTest {

    private final byte[] key = "realm-hmac-key-of-sixty-four-bytes-for-hs512-................".getBytes();
    private final byte[] rotated = "the-realm's-previous-key-still-passive-after-rotation-.........".getBytes();
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Duration day = Duration.ofHours(24);

    @Test
    void aTokenNamesItsAccountForADay() {
        String token = SignedCancellation.sign("0b5a7a3e-2f2c-4b7e-9c65-1f0d2d7c9a11", now, key);
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{22}"), token);
        assertEquals("0b5a7a3e-2f2c-4b7e-9c65-1f0d2d7c9a11",
                SignedCancellation.verify(token, List.of(key), day, now.plus(Duration.ofHours(23))).orElseThrow().accountId());
        assertTrue(SignedCancellation.verify(token, List.of(key), day, now.plus(day)).isEmpty(), "expired after a day");
    }

    @Test
    void anyOfTheRealmsKeysVerifiesSoRotationKeepsLinksWorking() {
        String token = SignedCancellation.sign("u", now, rotated);
        assertTrue(SignedCancellation.verify(token, List.of(key, rotated), day, now).isPresent());
        assertTrue(SignedCancellation.verify(token, List.of(key), day, now).isEmpty(), "another realm's key");
    }

    @Test
    void tamperedMalformedAndFutureTokensAreRefusedWithoutAnException() {
        String token = SignedCancellation.sign("victim", now, key);
        String otherAccount = SignedCancellation.sign("attacker", now, key);
        String spliced = otherAccount.substring(0, otherAccount.indexOf('.')) + token.substring(token.indexOf('.'));
        for (String bad : List.of(spliced, token + "x", token.replace('.', '_'), "", ".", "a.b", "AAAA.AAAA", "x".repeat(5000),
                token.substring(0, token.indexOf('.')) + "." + "A".repeat(22))) {
            assertTrue(SignedCancellation.verify(bad, List.of(key), day, now).isEmpty(), bad);
        }
        String future = SignedCancellation.sign("u", now.plus(Duration.ofHours(1)), key);
        assertTrue(SignedCancellation.verify(future, List.of(key), day, now).isEmpty(), "issued in the future");
        assertTrue(SignedCancellation.verify(null, List.of(key), day, now).isEmpty());
    }
}
