package ru.marketplace.keycloak.reset.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.policy.PasswordRule.DIGITS;
import static ru.marketplace.keycloak.reset.policy.PasswordRule.LENGTH;
import static ru.marketplace.keycloak.reset.policy.PasswordRule.LOWER_CASE;
import static ru.marketplace.keycloak.reset.policy.PasswordRule.UPPER_CASE;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.marketplace.keycloak.i18n.ShippedMessages;

/** The texts as shipped in messages_ru / messages_en, put together for every combination of unmet rules. */
class PasswordRulesTextTest {

    private static final Properties RU_MESSAGES = ShippedMessages.load("ru");
    private static final Properties EN_MESSAGES = ShippedMessages.load("en");
    private static final PasswordRulesText RU = new PasswordRulesText(Locale.forLanguageTag("ru"), RU_MESSAGES::getProperty);
    private static final PasswordRulesText EN = new PasswordRulesText(Locale.ENGLISH, EN_MESSAGES::getProperty);

    private static String refusal(PasswordRulesText text, String config, PasswordRule... unmet) {
        PasswordProblem problem = new PasswordProblem(PasswordProblem.Kind.RULES_UNMET,
                unmet.length == 0 ? Set.of() : EnumSet.of(unmet[0], unmet), false);
        return text.format(text.refusal(problem, PasswordRules.parse(config)));
    }

    private static String ru(PasswordRule... unmet) {
        return refusal(RU, "", unmet);
    }

    private static String en(PasswordRule... unmet) {
        return refusal(EN, "", unmet);
    }

    @Test
    void theWholeRuleInRussian() {
        assertEquals("Пароль должен содержать от 8 до 20 символов, хотя бы одну цифру, две заглавные и две строчные буквы.",
                ru(LENGTH, DIGITS, UPPER_CASE, LOWER_CASE));
    }

    @Test
    void theWholeRuleInEnglish() {
        assertEquals("The password must have 8 to 20 characters, at least one digit, two uppercase and two lowercase letters.",
                en(LENGTH, DIGITS, UPPER_CASE, LOWER_CASE));
    }

    @Test
    void onlyTheMissingPartsAreNamedInRussian() {
        assertEquals("Пароль должен содержать от 8 до 20 символов.", ru(LENGTH));
        assertEquals("Пароль должен содержать хотя бы одну цифру.", ru(DIGITS));
        assertEquals("Пароль должен содержать хотя бы две заглавные буквы.", ru(UPPER_CASE));
        assertEquals("Пароль должен содержать хотя бы две строчные буквы.", ru(LOWER_CASE));
        assertEquals("Пароль должен содержать хотя бы две заглавные и две строчные буквы.", ru(UPPER_CASE, LOWER_CASE));
        assertEquals("Пароль должен содержать хотя бы одну цифру и две строчные буквы.", ru(DIGITS, LOWER_CASE));
        assertEquals("Пароль должен содержать хотя бы одну цифру и две заглавные буквы.", ru(DIGITS, UPPER_CASE));
        assertEquals("Пароль должен содержать хотя бы одну цифру, две заглавные и две строчные буквы.",
                ru(DIGITS, UPPER_CASE, LOWER_CASE));
        assertEquals("Пароль должен содержать от 8 до 20 символов и хотя бы одну цифру.", ru(LENGTH, DIGITS));
        assertEquals("Пароль должен содержать от 8 до 20 символов и хотя бы две заглавные буквы.", ru(LENGTH, UPPER_CASE));
        assertEquals("Пароль должен содержать от 8 до 20 символов, хотя бы две заглавные и две строчные буквы.",
                ru(LENGTH, UPPER_CASE, LOWER_CASE));
    }

    @Test
    void onlyTheMissingPartsAreNamedInEnglish() {
        assertEquals("The password must have 8 to 20 characters.", en(LENGTH));
        assertEquals("The password must have at least one digit.", en(DIGITS));
        assertEquals("The password must have at least two uppercase letters.", en(UPPER_CASE));
        assertEquals("The password must have at least two lowercase letters.", en(LOWER_CASE));
        assertEquals("The password must have at least two uppercase and two lowercase letters.", en(UPPER_CASE, LOWER_CASE));
        assertEquals("The password must have at least one digit and two lowercase letters.", en(DIGITS, LOWER_CASE));
        assertEquals("The password must have 8 to 20 characters and at least one digit.", en(LENGTH, DIGITS));
        assertEquals("The password must have 8 to 20 characters and at least two uppercase letters.", en(LENGTH, UPPER_CASE));
    }

    /**
     * Every combination of unmet rules, in both languages, in the refusal, its wrong-layout variant and the hint: a
     * list of n items has n - 2 commas and joins its last item with the one «и» / "and" (the letter cases share
     * a noun but count as two items: «две заглавные и две строчные буквы»).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"ru, ' и '", "en, ' and '"})
    void everyListJoinsItsLastItemWithAnd(String language, String and) {
        PasswordRulesText text = language.equals("ru") ? RU : EN;
        List<PasswordRule> all = List.of(LENGTH, DIGITS, UPPER_CASE, LOWER_CASE);
        for (int subset = 1; subset < 1 << all.size(); subset++) {
            Set<PasswordRule> unmet = EnumSet.noneOf(PasswordRule.class);
            for (int i = 0; i < all.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    unmet.add(all.get(i));
                }
            }
            for (boolean cyrillic : new boolean[] {false, true}) {
                String sentence = text.format(text.refusal(
                        new PasswordProblem(PasswordProblem.Kind.RULES_UNMET, unmet, cyrillic), PasswordRules.DEFAULTS));
                String list = sentence.substring(sentence.lastIndexOf(language.equals("ru") ? "содержать " : "have ")).replaceAll("\\.$", "");
                int items = unmet.size();
                assertEquals(Math.max(0, items - 2), list.chars().filter(c -> c == ',').count(), sentence);
                assertEquals(items >= 2 ? 1 : 0, list.split(and, -1).length - 1, sentence);
            }
        }
    }

    @ParameterizedTest(name = "ru {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8-40 digits:1 upper:0 lower:0  | хотя бы одну цифру
            8-40 digits:2 upper:0 lower:0  | хотя бы две цифры
            8-40 digits:3 upper:0 lower:0  | хотя бы 3 цифры
            8-40 digits:4 upper:0 lower:0  | хотя бы 4 цифры
            8-40 digits:5 upper:0 lower:0  | хотя бы 5 цифр
            8-40 digits:11 upper:0 lower:0 | хотя бы 11 цифр
            8-40 digits:21 upper:0 lower:0 | хотя бы 21 цифру
            8-40 digits:22 upper:0 lower:0 | хотя бы 22 цифры
            8-40 digits:0 upper:1 lower:0  | хотя бы одну заглавную букву
            8-40 digits:0 upper:3 lower:0  | хотя бы 3 заглавные буквы
            8-40 digits:0 upper:5 lower:0  | хотя бы 5 заглавных букв
            8-40 digits:0 upper:21 lower:0 | хотя бы 21 заглавную букву
            8-40 digits:0 upper:0 lower:1  | хотя бы одну строчную букву
            8-40 digits:0 upper:0 lower:5  | хотя бы 5 строчных букв
            8-40 digits:0 upper:1 lower:1  | хотя бы одну заглавную и одну строчную букву
            8-40 digits:0 upper:1 lower:3  | хотя бы одну заглавную и 3 строчные буквы
            8-40 digits:0 upper:5 lower:5  | хотя бы 5 заглавных и 5 строчных букв
            8-40 digits:0 upper:3 lower:1  | хотя бы 3 заглавные и одну строчную букву
            8-40 digits:5 upper:3 lower:2  | хотя бы 5 цифр, 3 заглавные и две строчные буквы
            """)
    void russianCountsTakeTheirPluralForms(String config, String counts) {
        assertEquals("Пароль должен содержать " + counts + ".", refusal(RU, config, DIGITS, UPPER_CASE, LOWER_CASE));
    }

    @ParameterizedTest(name = "ru {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8-20                          | от 8 до 20 символов
            8-21                          | от 8 до 21 символа
            8-22                          | от 8 до 22 символов
            8-24                          | от 8 до 24 символов
            8-25                          | от 8 до 25 символов
            6-11                          | от 6 до 11 символов
            10-101                        | от 10 до 101 символа
            1-1 digits:0 upper:0 lower:0  | ровно 1 символ
            2-2 digits:0 upper:0 lower:0  | ровно 2 символа
            5-5 digits:0 upper:0 lower:0  | ровно 5 символов
            12-12                         | ровно 12 символов
            21-21                         | ровно 21 символ
            """)
    void russianLengthAgreesWithTheMaximum(String config, String length) {
        assertEquals("Пароль должен содержать " + length + ".", refusal(RU, config, LENGTH));
    }

    @ParameterizedTest(name = "en {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8-40 digits:1 upper:0 lower:0  | 8 to 40 characters and at least one digit
            8-40 digits:5 upper:0 lower:0  | 8 to 40 characters and at least 5 digits
            8-40 digits:21 upper:0 lower:0 | 8 to 40 characters and at least 21 digits
            8-40 digits:0 upper:1 lower:0  | 8 to 40 characters and at least one uppercase letter
            8-40 digits:0 upper:3 lower:1  | 8 to 40 characters, at least 3 uppercase and one lowercase letter
            8-40 digits:3 upper:1 lower:4  | 8 to 40 characters, at least 3 digits, one uppercase and 4 lowercase letters
            1-1 digits:0 upper:0 lower:0   | exactly 1 character
            12-12                          | exactly 12 characters, at least one digit, two uppercase and two lowercase letters
            8-21                           | 8 to 21 characters, at least one digit, two uppercase and two lowercase letters
            """)
    void englishCountsAndLengths(String config, String rules) {
        assertEquals("The password must have " + rules + ".",
                refusal(EN, config, LENGTH, DIGITS, UPPER_CASE, LOWER_CASE));
    }

    @Test
    void theWrongLayoutIsMentionedForCyrillicPasswords() {
        PasswordProblem problem = PasswordChecker.checkComposition(PasswordRules.DEFAULTS, "йцукен12").orElseThrow();
        RefusalMessage refusal = RU.refusal(problem, PasswordRules.DEFAULTS);
        assertEquals(PasswordMessages.RULES_UNMET_WRONG_LAYOUT, refusal.key());
        assertEquals(List.of("хотя бы две заглавные буквы"), refusal.parameters());
        assertEquals("Похоже, включена русская раскладка. Пароль должен содержать хотя бы две заглавные буквы.",
                RU.format(refusal));
        assertEquals("It looks like the Russian keyboard layout is on. The password must have at least two uppercase letters.",
                EN.format(EN.refusal(problem, PasswordRules.DEFAULTS)));
    }

    @Test
    void theOtherRefusalsHaveTheirOwnMessages() {
        assertEquals("Этот пароль слишком простой: его легко угадать.", RU.format(refusalOf(RU, PasswordProblem.Kind.GUESSABLE)));
        assertEquals("This password is too simple: it is easy to guess.", EN.format(refusalOf(EN, PasswordProblem.Kind.GUESSABLE)));
        assertEquals("Пароль не может начинаться или заканчиваться пробелом.",
                RU.format(refusalOf(RU, PasswordProblem.Kind.EDGE_WHITESPACE)));
        assertEquals("The password cannot start or end with a space.",
                EN.format(refusalOf(EN, PasswordProblem.Kind.EDGE_WHITESPACE)));
        assertEquals("Пароль не может содержать переводы строк, табуляцию и другие управляющие символы.",
                RU.format(refusalOf(RU, PasswordProblem.Kind.CONTROL_CHARACTERS)));
        assertEquals("The password cannot contain line breaks, tabs or other control characters.",
                EN.format(refusalOf(EN, PasswordProblem.Kind.CONTROL_CHARACTERS)));
        assertEquals(List.of(), refusalOf(RU, PasswordProblem.Kind.GUESSABLE).parameters());
    }

    @Test
    void describeNamesEveryRuleForTheNewPasswordScreen() {
        assertEquals("Пароль должен содержать от 8 до 20 символов, хотя бы одну цифру, две заглавные и две строчные буквы."
                        + " Простые и распространённые пароли не подойдут.",
                RU.describe(PasswordRules.DEFAULTS));
        assertEquals("The password must have 8 to 20 characters, at least one digit, two uppercase and two lowercase letters."
                        + " Simple and common passwords will not do.",
                EN.describe(PasswordRules.DEFAULTS));
        assertEquals("Пароль должен содержать от 10 до 64 символов, хотя бы одну заглавную и одну строчную букву.",
                RU.describe(PasswordRules.parse("10-64 digits:0 upper:1 lower:1 score:0")));
        assertEquals("Пароль должен содержать от 8 до 20 символов.",
                RU.describe(PasswordRules.parse("digits:0 upper:0 lower:0 score:0")));
    }

    @Test
    void aMissingTextShowsItsKey() {
        PasswordRulesText empty = new PasswordRulesText(Locale.ENGLISH, key -> null);
        assertEquals(PasswordMessages.RULES_HINT_NOT_GUESSABLE, empty.describe(PasswordRules.DEFAULTS));
        assertEquals("marketplacePasswordLength", empty.requirements(PasswordRules.DEFAULTS, Set.of(LENGTH)));
    }

    @Test
    void everyKeyOfPasswordMessagesIsShippedInBothLanguages() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Field field : PasswordMessages.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String key = (String) field.get(null);
                for (Properties messages : List.of(RU_MESSAGES, EN_MESSAGES)) {
                    if (!messages.containsKey(key) && !messages.containsKey(key + ".other")) {
                        missing.add(key);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "not in the bundles: " + missing);
    }

    private static RefusalMessage refusalOf(PasswordRulesText text, PasswordProblem.Kind kind) {
        return text.refusal(PasswordProblem.of(kind), PasswordRules.DEFAULTS);
    }
}
