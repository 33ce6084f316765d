package ru.marketplace.keycloak.reset.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuessabilityCheckTest {

    private static final GuessabilityCheck GUESSABILITY = GuessabilityCheck.shared();
    private static final PasswordChecker CHECKER = new PasswordChecker(GuessabilityCheck::shared);
    private static final List<String> NO_USER_DATA = List.of();

    @ParameterizedTest
    @ValueSource(strings = {"QWerty12", "PAssword1", "DRagon12", "MOnkey12"})
    void commonPasswordsThatMeetTheCompositionRulesAreRefused(String password) {
        assertEquals(Optional.empty(), PasswordChecker.checkComposition(PasswordRules.DEFAULTS, password),
                "meets the composition rules");
        assertEquals(PasswordProblem.Kind.GUESSABLE,
                CHECKER.check(PasswordRules.DEFAULTS, password, NO_USER_DATA).orElseThrow().kind());
        assertTrue(GUESSABILITY.score(password, NO_USER_DATA) < 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tq7Lm2RvXp9Zd", "vK4#pQ9wLz2M", "ЖукЗемля7Тучка"})
    void randomLookingPasswordsAreAccepted(String password) {
        assertEquals(Optional.empty(), CHECKER.check(PasswordRules.DEFAULTS, password, NO_USER_DATA));
        assertTrue(GUESSABILITY.score(password, NO_USER_DATA) >= 3);
    }

    @Test
    void scoreZeroDisablesTheCheck() {
        PasswordRules off = PasswordRules.parse("score:0");
        assertEquals(Optional.empty(), CHECKER.check(off, "QWerty12", NO_USER_DATA));
        assertEquals(Optional.empty(), CHECKER.check(off, "PAssword1", NO_USER_DATA));
        assertFalse(GUESSABILITY.isGuessable("PAssword1", 0, NO_USER_DATA));
    }

    @Test
    void aHigherMinimumScoreRefusesMore() {
        int score = GUESSABILITY.score("Summer2024!!", NO_USER_DATA);
        assertEquals(3, score);
        assertFalse(GUESSABILITY.isGuessable("Summer2024!!", 3, NO_USER_DATA));
        assertTrue(GUESSABILITY.isGuessable("Summer2024!!", 4, NO_USER_DATA));
    }

    @Test
    void passwordsMadeOfTheUsersOwnDataAreRefused() {
        List<String> user = List.of("zelkovskiy", "marfa.zelkovskaya@example.com", "Марфа", "Зелковская");
        assertEquals(Optional.empty(), CHECKER.check(PasswordRules.DEFAULTS, "ZElkovskiy77", NO_USER_DATA),
                "not guessable for a stranger");
        assertEquals(PasswordProblem.Kind.GUESSABLE,
                CHECKER.check(PasswordRules.DEFAULTS, "ZElkovskiy77", user).orElseThrow().kind(), "username");
        assertEquals(PasswordProblem.Kind.GUESSABLE,
                CHECKER.check(PasswordRules.DEFAULTS, "ZElkovskaya77", user).orElseThrow().kind(), "e-mail part");
    }

    @Test
    void aRussianPasswordIsScoredOnTheLatinKeysToo() {
        // «ПАроль12» is "GFhjkm12" on Latin keys, and "gfhjkm12" is in zxcvbn's list of leaked passwords
        assertTrue(new Zxcvbn().measure("ПАроль12").getScore() >= 2, "zxcvbn alone does not know it");
        assertEquals(PasswordProblem.Kind.GUESSABLE,
                CHECKER.check(PasswordRules.DEFAULTS, "ПАроль12", NO_USER_DATA).orElseThrow().kind());
    }

    @Test
    void aRussianNameTypedOnLatinKeysIsTheUsersData() {
        // «Зелковская» typed with the US layout on is "Ptkrjdcrfz"
        assertEquals(Optional.empty(), CHECKER.check(PasswordRules.DEFAULTS, "PTkrjdcrfz12", NO_USER_DATA));
        assertEquals(PasswordProblem.Kind.GUESSABLE, CHECKER.check(PasswordRules.DEFAULTS, "PTkrjdcrfz12",
                List.of("Зелковская")).orElseThrow().kind());
    }

    @Test
    void userWordsAreTheValuesTheirPartsAndTheirLatinKeys() {
        assertEquals(List.of("marfa.zelk@mail.ru", "marfa.zelk", "marfa", "zelk", "mail", "Марфа", "Vfhaf"),
                GuessabilityCheck.userWords(java.util.Arrays.asList("marfa.zelk@mail.ru", null, " ", "Марфа", "Ян")));
        assertEquals(List.of(), GuessabilityCheck.userWords(null));
    }

    @Test
    void onlyThePrefixIsScored() {
        String twenty = "Tq7Lm2RvXp9ZdKw3Hs8N";
        assertEquals(twenty, GuessabilityCheck.prefix(twenty + "password").toString());
        String emoji = "\uD83D\uDE00".repeat(25);
        assertEquals("\uD83D\uDE00".repeat(20), GuessabilityCheck.prefix(emoji).toString(), "whole code points");
        // a long password with a guessable start is refused, a strong start is enough
        PasswordRules longer = PasswordRules.parse("8-64");
        assertEquals(PasswordProblem.Kind.GUESSABLE,
                CHECKER.check(longer, "QWertyuiop1234567890qwerty", NO_USER_DATA).orElseThrow().kind());
        assertEquals(Optional.empty(), CHECKER.check(longer, twenty + "password123", NO_USER_DATA));
    }

    @Test
    void latinKeysFollowTheRussianLayout() {
        assertEquals("gfhjkm", RussianKeyboard.latinKeysOf("пароль"));
        assertEquals("QWERTY", RussianKeyboard.latinKeysOf("ЙЦУКЕН"));
        assertEquals("[];',.`{}:\"<>~", RussianKeyboard.latinKeysOf("хъжэбюёХЪЖЭБЮЁ"));
        assertEquals("Gfhjkm12!", RussianKeyboard.latinKeysOf("Пароль12!"));
        assertEquals("abc", RussianKeyboard.latinKeysOf("abcф").substring(0, 3));
        assertNull(RussianKeyboard.latinKeysOf("Password1"));
        assertNull(RussianKeyboard.latinKeysOf("ΣΩ ї"), "Greek and Ukrainian ї are not on the Russian layout");
    }

    @Test
    void theSharedInstanceIsOne() {
        assertSame(GuessabilityCheck.shared(), GuessabilityCheck.shared());
    }

    @Test
    void concurrentChecksAgreeWithSequentialOnes() throws Exception {
        List<String> passwords = List.of("QWerty12", "PAssword1", "Tq7Lm2RvXp9Zd", "ПАроль12", "Summer2024!!",
                "ZElkovskiy77", "vK4#pQ9wLz2M", "MOnkey12");
        List<String> user = List.of("zelkovskiy");
        List<Integer> expected = new ArrayList<>();
        for (String password : passwords) {
            expected.add(GUESSABILITY.score(password, user));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                results.add(pool.submit(() -> {
                    List<Integer> scores = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        scores.clear();
                        for (String password : passwords) {
                            scores.add(GUESSABILITY.score(password, user));
                        }
                    }
                    return scores;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
