package ru.marketplace.keycloak.reset.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.i18n.ShippedMessages;
import ru.marketplace.keycloak.reset.policy.breach.BreachCheck;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilter;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilterTestSupport;

/** The breached-password check inside the marketplace rules: order of the checks and the shopper's messages. */
class BreachedPasswordCheckTest {

    private static final Properties RU_MESSAGES = ShippedMessages.load("ru");
    private static final Properties EN_MESSAGES = ShippedMessages.load("en");
    private static final PasswordRulesText RU = new PasswordRulesText(Locale.forLanguageTag("ru"), RU_MESSAGES::getProperty);
    private static final PasswordRulesText EN = new PasswordRulesText(Locale.ENGLISH, EN_MESSAGES::getProperty);
    private static final BreachFilter LIST = BreachFilterTestSupport.filterOf("Vesna-2025-Leak", "password", "парольчик");
    private static final BreachCheck OFFLINE = new BreachCheck(LIST, null, false);

    /** zxcvbn must not run for a password the list already refuses: this one fails the test if it is asked. */
    private final PasswordChecker checker = new PasswordChecker(() -> {
        throw new AssertionError("zxcvbn asked");
    });
    private final PasswordChecker withZxcvbn = new PasswordChecker(GuessabilityCheck::shared);

    private Optional<PasswordProblem> check(PasswordChecker using, String password, BreachCheck breach) {
        return using.check(PasswordRules.DEFAULTS, password, List.of("anna"), breach);
    }

    @Test
    void aListedPasswordThatMeetsTheRulesIsRefusedWithoutBlame() {
        PasswordProblem problem = check(checker, "Vesna-2025-Leak", OFFLINE).orElseThrow();
        assertEquals(PasswordProblem.Kind.BREACHED, problem.kind());
        assertEquals("Этот пароль встречался в утечках данных с других сайтов — придумайте другой.",
                RU.format(RU.refusal(problem, PasswordRules.DEFAULTS)));
        assertEquals("This password has appeared in data breaches on other sites. Please choose another one.",
                EN.format(EN.refusal(problem, PasswordRules.DEFAULTS)));
    }

    @Test
    void theBreachJoinsTheMessageOfTheUnmetRules() {
        PasswordProblem problem = check(checker, "password", OFFLINE).orElseThrow();
        assertEquals(PasswordProblem.Kind.RULES_UNMET, problem.kind());
        assertTrue(problem.breached());
        assertEquals("Этот пароль встречался в утечках данных с других сайтов — придумайте другой. "
                + "Пароль должен содержать хотя бы одну цифру и две заглавные буквы.",
                RU.format(RU.refusal(problem, PasswordRules.DEFAULTS)));
        assertEquals("This password has appeared in data breaches on other sites. Please choose another one. "
                + "The password must have at least one digit and two uppercase letters.",
                EN.format(EN.refusal(problem, PasswordRules.DEFAULTS)));
    }

    @Test
    void theBreachJoinsTheWrongLayoutHintToo() {
        PasswordProblem problem = check(checker, "парольчик", OFFLINE).orElseThrow();
        assertTrue(problem.breached() && problem.cyrillicLetters());
        assertTrue(RU.format(RU.refusal(problem, PasswordRules.DEFAULTS)).startsWith(
                "Этот пароль встречался в утечках данных с других сайтов — придумайте другой. Похоже, включена русская "
                        + "раскладка. Пароль должен содержать"));
    }

    @Test
    void anUnlistedPasswordFailingTheRulesGetsTheUsualMessage() {
        PasswordProblem problem = check(checker, "abcdefgh", OFFLINE).orElseThrow();
        assertEquals(false, problem.breached());
        assertEquals("Пароль должен содержать хотя бы одну цифру и две заглавные буквы.",
                RU.format(RU.refusal(problem, PasswordRules.DEFAULTS)));
    }

    @Test
    void anUnlistedStrongPasswordPassesAndAGuessableOneIsStillCaught() {
        assertEquals(Optional.empty(), check(withZxcvbn, "Tq7Lm2RvXp9Zd", OFFLINE));
        assertEquals(PasswordProblem.Kind.GUESSABLE, check(withZxcvbn, "QWerty12", OFFLINE).orElseThrow().kind());
    }

    @Test
    void withoutTheBreachPolicyNothingChanges() {
        assertEquals(Optional.empty(), check(withZxcvbn, "Vesna-2025-Leak", null));
    }

    @Test
    void anOnlineVerdictRefusesOrAsksToTryAgain() {
        assertEquals(Optional.empty(), PasswordChecker.onlineProblem(BreachCheck.Verdict.NOT_LISTED));
        assertEquals(PasswordProblem.Kind.BREACHED,
                PasswordChecker.onlineProblem(BreachCheck.Verdict.LISTED).orElseThrow().kind());
        PasswordProblem unverified = PasswordChecker.onlineProblem(BreachCheck.Verdict.UNVERIFIED).orElseThrow();
        assertEquals("Сейчас не получается проверить, не встречался ли этот пароль в утечках данных. "
                + "Попробуйте ещё раз через минуту.", RU.format(RU.refusal(unverified, PasswordRules.DEFAULTS)));
    }
}
