package ru.marketplace.keycloak.reset.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void blankConfigMeansTheDefaults(String config) {
        assertEquals(PasswordRules.DEFAULTS, PasswordRules.parse(config));
    }

    @Test
    void defaultsAreTheMarketplaceRule() {
        PasswordRules rules = PasswordRules.DEFAULTS;
        assertEquals(8, rules.minLength());
        assertEquals(20, rules.maxLength());
        assertEquals(1, rules.minDigits());
        assertEquals(2, rules.minUpperCase());
        assertEquals(2, rules.minLowerCase());
        assertEquals(2, rules.minScore());
        assertEquals(PasswordRules.DEFAULTS, PasswordRules.parse(PasswordRules.DEFAULT_CONFIG));
        assertEquals(PasswordRules.DEFAULT_CONFIG, PasswordRules.DEFAULTS.toString());
    }

    @Test
    void itemsLeftOutKeepTheirDefaults() {
        assertEquals(new PasswordRules(10, 64, 1, 1, 1, 2), PasswordRules.parse("10-64 upper:1 lower:1"));
        assertEquals(new PasswordRules(8, 20, 1, 2, 2, 3), PasswordRules.parse("score:3"));
        assertEquals(new PasswordRules(12, 12, 0, 2, 2, 0), PasswordRules.parse("12-12 digits:0 score:0"));
    }

    @Test
    void anyOrderAnyCaseAnySpaces() {
        assertEquals(new PasswordRules(12, 30, 2, 3, 4, 3),
                PasswordRules.parse("  SCORE:3\tLower:4   digits:2 12-30 UPPER:3 "));
    }

    @Test
    void commasMaySeparateTheItemsToo() {
        assertEquals(new PasswordRules(8, 20, 1, 3, 2, 2), PasswordRules.parse("8-20, digits:1,upper:3 ,"));
    }

    @Test
    void toStringIsACanonicalConfigThatParsesBack() {
        PasswordRules rules = new PasswordRules(10, 128, 0, 3, 1, 4);
        assertEquals("10-128 digits:0 upper:3 lower:1 score:4", rules.toString());
        assertEquals(rules, PasswordRules.parse(rules.toString()));
    }

    @Test
    void scoreZeroTurnsTheGuessabilityCheckOff() {
        assertFalse(PasswordRules.parse("score:0").checksGuessability());
        assertTrue(PasswordRules.parse("score:1").checksGuessability());
        assertTrue(PasswordRules.DEFAULTS.checksGuessability());
    }

    @Test
    void boundaryValuesAreAccepted() {
        assertEquals(new PasswordRules(1, 1, 0, 0, 1, 0), PasswordRules.parse("1-1 digits:0 upper:0 lower:1 score:0"));
        assertEquals(128, PasswordRules.parse("8-128").maxLength());
        assertEquals(4, PasswordRules.parse("score:4").minScore());
        // the counts may fill the maximum exactly
        assertEquals(new PasswordRules(8, 8, 4, 2, 2, 2), PasswordRules.parse("8-8 digits:4"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            21-20                       | The minimum length 21 is greater than the maximum length 20
            0-20                        | The minimum length must be at least 1, not 0
            8-129                       | The maximum length must be at most 128, not 129
            digits:-1                   | digits:-1 is negative: a count must be 0 or more
            upper:-2                    | upper:-2 is negative: a count must be 0 or more
            lower:-3                    | lower:-3 is negative: a count must be 0 or more
            4-6 digits:3                | digits:3 upper:2 lower:2 need 7 characters, more than the maximum length 6
            8-20 digits:10 upper:6 lower:5 | digits:10 upper:6 lower:5 need 21 characters, more than the maximum length 20
            score:5                     | score must be 0 to 4 (0 turns the guessability check off), not 5
            score:-1                    | score must be 0 to 4 (0 turns the guessability check off), not -1
            symbols:1                   | Unknown item 'symbols:1': write MIN-MAX, digits:N, upper:N, lower:N, score:N separated by spaces, e.g. 8-20 digits:1 upper:2 lower:2 score:2
            8-20 and digits:1           | Unknown item 'and': write MIN-MAX, digits:N, upper:N, lower:N, score:N separated by spaces, e.g. 8-20 digits:1 upper:2 lower:2 score:2
            length:8-20                 | Unknown item 'length:8-20': write MIN-MAX, digits:N, upper:N, lower:N, score:N separated by spaces, e.g. 8-20 digits:1 upper:2 lower:2 score:2
            digits=1                    | Unknown item 'digits=1': write MIN-MAX, digits:N, upper:N, lower:N, score:N separated by spaces, e.g. 8-20 digits:1 upper:2 lower:2 score:2
            8-20;digits:1               | Unknown item '8-20;digits:1': write MIN-MAX, digits:N, upper:N, lower:N, score:N separated by spaces, e.g. 8-20 digits:1 upper:2 lower:2 score:2
            digits:1 digits:2           | 'digits:2': digits is given more than once
            8-20 10-30                  | '10-30': the length is given more than once
            digits:x                    | 'digits:x': digits needs a whole number, e.g. digits:1
            upper:                      | 'upper:': upper needs a whole number, e.g. upper:1
            score:2.5                   | 'score:2.5': score needs a whole number, e.g. score:2
            8-                          | The length '8-' must be MIN-MAX, e.g. 8-20
            8-20-30                     | The length '8-20-30' must be MIN-MAX, e.g. 8-20
            digits:99999999999          | 'digits:99999999999': the number is far too large
            8-99999999999               | '8-99999999999': the number is far too large
            """)
    void badConfigIsRefusedWithAClearMessage(String config, String message) {
        InvalidPasswordRulesException refused =
                assertThrows(InvalidPasswordRulesException.class, () -> PasswordRules.parse(config));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void theConstructorValidatesToo() {
        assertThrows(InvalidPasswordRulesException.class, () -> new PasswordRules(9, 8, 0, 0, 0, 0));
        assertThrows(InvalidPasswordRulesException.class, () -> new PasswordRules(8, 20, -1, 0, 0, 0));
    }

    @Test
    void unmetByNamesEveryBrokenRule() {
        PasswordRules rules = PasswordRules.DEFAULTS;
        assertEquals(Set.of(), rules.unmetBy(new PasswordComposition(8, 1, 2, 2, false, false, false)));
        assertEquals(EnumSet.allOf(PasswordRule.class),
                rules.unmetBy(new PasswordComposition(7, 0, 1, 1, false, false, false)));
        assertEquals(EnumSet.of(PasswordRule.LENGTH),
                rules.unmetBy(new PasswordComposition(21, 1, 2, 2, false, false, false)));
    }
}
