package ru.marketplace.keycloak.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ResetCodeGeneratorTest {

    private static SecureRandom seeded() throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        return random;
    }

    @Test
    void codesHaveTheConfiguredNumberOfDecimalDigits() throws Exception {
        for (int length = 6; length <= 10; length++) {
            CodeGenerator generator = new CodeGenerator(seeded(), length);
            for (int i = 0; i < 1000; i++) {
                String code = generator.next();
                assertEquals(length, code.length(), code);
                assertTrue(code.chars().allMatch(c -> c >= '0' && c <= '9'), code);
            }
        }
    }

    @Test
    void leadingZerosOccurAsOftenAsAnyOtherFirstDigit() throws Exception {
        CodeGenerator generator = new CodeGenerator(seeded(), 6);
        int draws = 200_000;
        int[][] counts = new int[6][10];
        for (int i = 0; i < draws; i++) {
            String code = generator.next();
            for (int position = 0; position < 6; position++) {
                counts[position][code.charAt(position) - '0']++;
            }
        }
        // chi-square per position, 9 degrees of freedom: 27.88 is the 0.1 % critical value
        double expected = draws / 10.0;
        for (int position = 0; position < 6; position++) {
            double chiSquare = 0;
            for (int digit = 0; digit < 10; digit++) {
                double delta = counts[position][digit] - expected;
                chiSquare += delta * delta / expected;
            }
            assertTrue(chiSquare < 27.88, "position " + position + " looks biased, chi^2=" + chiSquare);
        }
        assertTrue(counts[0][0] > 0, "leading zeros must be possible");
    }

    @Test
    void rejectsImpossibleLengths() {
        assertThrows(IllegalArgumentException.class, () -> new CodeGenerator(new SecureRandom(), 0));
        assertThrows(IllegalArgumentException.class, () -> new CodeGenerator(new SecureRandom(), 19));
    }
}
