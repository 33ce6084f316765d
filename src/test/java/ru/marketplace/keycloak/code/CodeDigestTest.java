package ru.marketplace.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CodeDigestTest {

    private final SecureRandom random = new SecureRandom();
    private final String binding = CodeDigest.binding("code-1", "user-1", "anna@shop.example");

    @Test
    void theRightCodeMatchesAndNoOtherDoes() {
        String digest = CodeDigest.digest("012345", binding, random);
        assertTrue(CodeDigest.matches(digest, binding, "012345"));
        assertFalse(CodeDigest.matches(digest, binding, "012346"));
        assertFalse(CodeDigest.matches(digest, binding, "12345"));
        assertFalse(CodeDigest.matches(digest, binding, ""));
    }

    @Test
    void theCodeIsBoundToItsIdAccountAndAddress() {
        String digest = CodeDigest.digest("012345", binding, random);
        assertFalse(CodeDigest.matches(digest, CodeDigest.binding("code-2", "user-1", "anna@shop.example"), "012345"));
        assertFalse(CodeDigest.matches(digest, CodeDigest.binding("code-1", "user-2", "anna@shop.example"), "012345"));
        assertFalse(CodeDigest.matches(digest, CodeDigest.binding("code-1", "user-1", "new@shop.example"), "012345"));
    }

    @Test
    void digestsAreSaltedAndNeverContainTheCode() {
        String first = CodeDigest.digest("012345", binding, random);
        String second = CodeDigest.digest("012345", binding, random);
        assertNotEquals(first, second);
        assertFalse(first.contains("012345"));
        assertTrue(first.startsWith("v1:"));
    }

    @Test
    void malformedDigestsNeverMatch() {
        assertFalse(CodeDigest.matches(null, binding, "012345"));
        assertFalse(CodeDigest.matches("v1:abc", binding, "012345"));
        assertFalse(CodeDigest.matches("v2:AAAA:AAAA", binding, "012345"));
        assertFalse(CodeDigest.matches("v1:!!!:???", binding, "012345"));
        assertFalse(CodeDigest.matches(CodeDigest.digest("012345", binding, random), null, "012345"));
    }
}
