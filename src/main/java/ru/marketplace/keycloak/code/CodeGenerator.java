package ru.marketplace.keycloak.code;

import java.security.SecureRandom;

/**
 * Draws reset codes: {@code length} decimal digits, uniformly distributed over all 10^length values
 * (leading zeros allowed), from a {@link SecureRandom}.
 */
public final class CodeGenerator {

    private final SecureRandom random;
    private final int length;
    private final long bound;

    public CodeGenerator(SecureRandom random, int length) {
        if (length < 1 || length > 18) {
            throw new IllegalArgumentException("code length must be 1..18, was " + length);
        }
        this.random = random;
        this.length = length;
        this.bound = pow10(length);
    }

    public String next() {
        // nextLong(bound) rejects biased draws, so every value below 10^length is equally likely
        long value = random.nextLong(bound);
        String digits = Long.toString(value);
        return "0".repeat(length - digits.length()) + digits;
    }

    public int length() {
        return length;
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
