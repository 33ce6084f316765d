package ru.marketplace.keycloak.reset.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.policy.PasswordRule.DIGITS;
import static ru.marketplace.keycloak.reset.policy.PasswordRule.LENGTH;
import static ru.marketplace.keycloak.reset.policy.PasswordRule.LOWER_CASE;
import static ru.marketplace.keycloak.reset.policy.PasswordRule.UPPER_CASE;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The composition rules at their defaults: 8–20 characters, 1 digit, 2 upper-case, 2 lower-case letters. */
class PasswordCheckerTest {

    private static final PasswordRules DEFAULTS = PasswordRules.DEFAULTS;

    /** "AB" + lower-case letters + "1", {@code length} characters: meets everything but (maybe) the length. */
    private static String ofLength(int length) {
        return "AB" + "c".repeat(length - 3) + "1";
    }

    private static Set<PasswordRule> unmet(String password) {
        return unmet(DEFAULTS, password);
    }

    private static Set<PasswordRule> unmet(PasswordRules rules, String password) {
        Optional<PasswordProblem> problem = PasswordChecker.checkComposition(rules, password);
        if (problem.isEmpty()) {
            return Set.of();
        }
        assertEquals(PasswordProblem.Kind.RULES_UNMET, problem.get().kind(), password);
        return problem.get().unmetRules();
    }

    private static Optional<PasswordProblem.Kind> kind(String password) {
        return PasswordChecker.checkComposition(DEFAULTS, password).map(PasswordProblem::kind);
    }

    // --- length: 7/8/20/21 ---

    @Test
    void sevenCharactersAreTooShort() {
        assertEquals(Set.of(LENGTH), unmet(ofLength(7)));
    }

    @Test
    void eightCharactersAreEnough() {
        assertEquals(Set.of(), unmet(ofLength(8)));
    }

    @Test
    void twentyCharactersAreTheMost() {
        assertEquals(Set.of(), unmet(ofLength(20)));
    }

    @Test
    void twentyOneCharactersAreTooMany() {
        assertEquals(Set.of(LENGTH), unmet(ofLength(21)));
    }

    // --- counts: 0/1 digits, 1/2 upper, 1/2 lower ---

    @Test
    void noDigitIsNotEnough() {
        assertEquals(Set.of(DIGITS), unmet("ABcdefgh"));
    }

    @Test
    void oneDigitIsEnough() {
        assertEquals(Set.of(), unmet("ABcdefg1"));
    }

    @Test
    void oneUpperCaseLetterIsNotEnough() {
        assertEquals(Set.of(UPPER_CASE), unmet("Abcdefg1"));
    }

    @Test
    void twoUpperCaseLettersAreEnough() {
        assertEquals(Set.of(), unmet("AbCdefg1"));
    }

    @Test
    void oneLowerCaseLetterIsNotEnough() {
        assertEquals(Set.of(LOWER_CASE), unmet("ABCDEFg1"));
    }

    @Test
    void twoLowerCaseLettersAreEnough() {
        assertEquals(Set.of(), unmet("ABCDEfg1"));
    }

    @Test
    void everyUnmetRuleIsNamedAtOnce() {
        assertEquals(EnumSet.allOf(PasswordRule.class), unmet("a"));
        assertEquals(EnumSet.allOf(PasswordRule.class), unmet(""));
        assertEquals(EnumSet.allOf(PasswordRule.class), unmet(null));
        assertEquals(Set.of(LENGTH, DIGITS, UPPER_CASE), unmet("Abcdef"));
        assertEquals(Set.of(UPPER_CASE, LOWER_CASE), unmet("12345678"));
    }

    @Test
    void theCountsFollowTheConfig() {
        PasswordRules rules = PasswordRules.parse("10-12 digits:3 upper:0 lower:0");
        assertEquals(Set.of(), unmet(rules, "abcdefg123"));
        assertEquals(Set.of(DIGITS), unmet(rules, "abcdefgh12"));
        assertEquals(Set.of(LENGTH, DIGITS), unmet(rules, "abcdefgh1"));
        assertEquals(Set.of(), unmet(rules, "1234567890"), "no letters required");
    }

    // --- Unicode ---

    @Test
    void cyrillicLettersCountByTheirCase() {
        assertEquals(Set.of(), unmet("ЖЁжёщщщ1"));
        assertEquals(Set.of(), unmet("ПАроль12"));
        assertEquals(Set.of(), unmet("Жdщ1Zёfg"), "mixed scripts");
        assertEquals(Set.of(UPPER_CASE), unmet("Жжжжжжж1"));
    }

    @Test
    void otherScriptsCountToo() {
        assertEquals(Set.of(), unmet("ΣΩαβγδ12"), "Greek");
        assertEquals(Set.of(), unmet("ABcd١٢٣٤"), "Arabic-Indic digits are digits");
        assertEquals(Set.of(DIGITS), unmet("ABcdefg²"), "a superscript two is not a decimal digit");
        assertEquals(Set.of(UPPER_CASE, LOWER_CASE), unmet("密码密码密码12"), "letters without case are neither");
    }

    @Test
    void anEmojiIsOneCharacter() {
        String eightWithEmoji = "ABcdef1\uD83D\uDE00"; // 😀 is two UTF-16 units
        assertEquals(9, eightWithEmoji.length());
        assertEquals(Set.of(), unmet(eightWithEmoji));
        assertEquals(Set.of(LENGTH, DIGITS), unmet("ABcdef\uD83D\uDE00"));
        String twentyWithEmoji = "ABcd1" + "\uD83D\uDE00".repeat(15);
        assertEquals(35, twentyWithEmoji.length());
        assertEquals(Set.of(), unmet(twentyWithEmoji));
        assertEquals(Set.of(LENGTH), unmet(twentyWithEmoji + "\uD83D\uDE00"));
    }

    @Test
    void supplementaryLettersAreOneCharacterAndKeepTheirCase() {
        String deseret = "\uD801\uDC00\uD801\uDC01\uD801\uDC28\uD801\uDC29"; // 𐐀𐐁𐐨𐐩: two upper, two lower
        assertEquals(Set.of(), unmet(deseret + "abc1"));
        assertEquals(Set.of(LENGTH), unmet(deseret + "ab1"));
    }

    @Test
    void combiningMarksCountAfterNfc() {
        String decomposed = "ABcdef1и\u0306"; // «й» as и + combining breve: 9 code points, 8 after NFC
        assertEquals(Set.of(), unmet(decomposed));
        assertEquals(PasswordComposition.of("ABcdef1й").length(), PasswordComposition.of(decomposed).length());
        // «я̆» has no precomposed form: the mark stays a character of its own
        assertEquals(9, PasswordComposition.of("ABcdef1я\u0306").length());
        assertEquals(Set.of(), unmet("ABcde1я\u0306"));
        String twentyDecomposed = "ABcd1" + "е\u0308".repeat(15); // «ё» decomposed, 35 code points
        assertEquals(20, PasswordComposition.of(twentyDecomposed).length());
        assertEquals(Set.of(), unmet(twentyDecomposed));
    }

    @Test
    void emojiSequencesWithZeroWidthJoinersAreAllowed() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👨‍👩‍👧: 5 code points
        assertEquals(Set.of(), unmet("ABcd1" + family));
    }

    // --- characters refused outright ---

    @ParameterizedTest
    @ValueSource(strings = {" ABcdef12", "ABcdef12 ", "\u00A0ABcdef12", "ABcdef12\u3000", "\u200BABcdef12",
            "\uFEFFABcdef12", "ABcdef12\u2060"})
    void whitespaceOrAnInvisibleCharacterAtEitherEndIsRefused(String password) {
        assertEquals(Optional.of(PasswordProblem.Kind.EDGE_WHITESPACE), kind(password));
    }

    @Test
    void spacesInsideArePartOfThePassword() {
        assertEquals(Set.of(), unmet("AB cd ef 1"));
        assertEquals(10, PasswordComposition.of("AB cd ef 1").length());
    }

    @Test
    void edgeWhitespaceComesBeforeTheRules() {
        assertEquals(Optional.of(PasswordProblem.Kind.EDGE_WHITESPACE), kind(" a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABcd\tef12", "ABcdef12\n", "\rABcdef12", "ABcd\u0000ef12", "ABcd\u007Fef12",
            "ABcd\u0085ef12", "ABcd\u009Bef12", "ABcd\u2028ef12", "ABcd\u2029ef12", "ABcd\uD800ef12",
            "ABcd\uDC00\uD800ef12", "ABcdef12\uD83D"})
    void controlCharactersAndBrokenUtf16AreRefused(String password) {
        assertEquals(Optional.of(PasswordProblem.Kind.CONTROL_CHARACTERS), kind(password));
    }

    @Test
    void controlCharactersComeFirst() {
        assertEquals(Optional.of(PasswordProblem.Kind.CONTROL_CHARACTERS), kind(" a\t"));
    }

    // --- the wrong-layout hint ---

    @Test
    void aFailingPasswordWithCyrillicLettersIsFlagged() {
        PasswordProblem problem = PasswordChecker.checkComposition(DEFAULTS, "йцукен12").orElseThrow();
        assertEquals(Set.of(UPPER_CASE), problem.unmetRules());
        assertTrue(problem.cyrillicLetters());
        assertTrue(PasswordChecker.checkComposition(DEFAULTS, "Qwerty1ж").orElseThrow().cyrillicLetters());
    }

    @Test
    void aFailingLatinPasswordIsNotFlagged() {
        assertFalse(PasswordChecker.checkComposition(DEFAULTS, "qwerty12").orElseThrow().cyrillicLetters());
        assertFalse(PasswordChecker.checkComposition(DEFAULTS, "ΣΩαβγδ1").orElseThrow().cyrillicLetters());
    }

    // --- the full check: composition first, zxcvbn last ---

    @Test
    void zxcvbnIsNotConsultedForAPasswordThatFailsTheRules() {
        PasswordChecker checker = new PasswordChecker(() -> {
            throw new AssertionError("zxcvbn must not run");
        });
        assertEquals(PasswordProblem.Kind.RULES_UNMET,
                checker.check(DEFAULTS, "short", List.of()).orElseThrow().kind());
        assertEquals(PasswordProblem.Kind.EDGE_WHITESPACE,
                checker.check(DEFAULTS, "ABcdef12 ", List.of()).orElseThrow().kind());
    }

    @Test
    void scoreZeroNeverLoadsZxcvbn() {
        PasswordChecker checker = new PasswordChecker(() -> {
            throw new AssertionError("zxcvbn must not run");
        });
        assertEquals(Optional.empty(), checker.check(PasswordRules.parse("score:0"), "QWerty12", List.of()));
    }
}
