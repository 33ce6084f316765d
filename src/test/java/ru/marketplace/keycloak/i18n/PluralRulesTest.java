package ru.marketplace.keycloak.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.marketplace.keycloak.i18n.PluralCategory.FEW;
import static ru.marketplace.keycloak.i18n.PluralCategory.MANY;
import static ru.marketplace.keycloak.i18n.PluralCategory.ONE;
import static ru.marketplace.keycloak.i18n.PluralCategory.OTHER;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralRulesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final PluralRules RUSSIAN = PluralRules.forLocale(RU);
    private static final PluralRules ENGLISH = PluralRules.forLocale(Locale.ENGLISH);

    @ParameterizedTest(name = "ru {0} -> {1}")
    @CsvSource({
            "0, MANY", "1, ONE", "2, FEW", "3, FEW", "4, FEW", "5, MANY", "6, MANY", "9, MANY", "10, MANY",
            "11, MANY", "12, MANY", "13, MANY", "14, MANY", "15, MANY", "19, MANY", "20, MANY",
            "21, ONE", "22, FEW", "24, FEW", "25, MANY", "30, MANY", "31, ONE", "101, ONE", "102, FEW",
            "111, MANY", "112, MANY", "114, MANY", "121, ONE", "1001, ONE", "1011, MANY", "1000000, MANY",
            "-1, ONE", "-2, FEW", "-5, MANY", "-11, MANY"})
    void russianCategories(long n, PluralCategory expected) {
        assertEquals(expected, RUSSIAN.categoryOf(n));
    }

    @ParameterizedTest(name = "en {0} -> {1}")
    @CsvSource({"0, OTHER", "1, ONE", "2, OTHER", "5, OTHER", "11, OTHER", "21, OTHER", "101, OTHER", "-1, ONE"})
    void englishCategories(long n, PluralCategory expected) {
        assertEquals(expected, ENGLISH.categoryOf(n));
    }

    @Test
    void ukrainianAndBelarusianFollowRussian() {
        for (String language : new String[] {"uk", "be", "ru-RU", "ru-UA"}) {
            PluralRules rules = PluralRules.forLocale(Locale.forLanguageTag(language));
            assertEquals(ONE, rules.categoryOf(21), language);
            assertEquals(FEW, rules.categoryOf(23), language);
            assertEquals(MANY, rules.categoryOf(11), language);
        }
    }

    @Test
    void otherLanguagesAndNoLocaleUseOneOther() {
        for (Locale locale : new Locale[] {Locale.GERMAN, Locale.forLanguageTag("es"), Locale.ROOT, null}) {
            PluralRules rules = PluralRules.forLocale(locale);
            assertEquals(ONE, rules.categoryOf(1));
            assertEquals(OTHER, rules.categoryOf(3));
            assertEquals(OTHER, rules.categoryOf(21));
        }
    }

    @Test
    void extremeNumbersDoNotOverflow() {
        assertEquals(MANY, RUSSIAN.categoryOf(Long.MIN_VALUE));
        assertEquals(MANY, RUSSIAN.categoryOf(Long.MAX_VALUE)); // ...807
    }

    @Test
    void keyForAppendsTheCategory() {
        assertEquals("marketplaceMinutes.one", RUSSIAN.keyFor("marketplaceMinutes", 1));
        assertEquals("marketplaceMinutes.few", RUSSIAN.keyFor("marketplaceMinutes", 2));
        assertEquals("marketplaceMinutes.many", RUSSIAN.keyFor("marketplaceMinutes", 5));
        assertEquals("marketplaceMinutes.one", ENGLISH.keyFor("marketplaceMinutes", 1));
        assertEquals("marketplaceMinutes.other", ENGLISH.keyFor("marketplaceMinutes", 5));
    }

    @Test
    void pickKeyPrefersTheExactNumberThenTheCategoryThenOther() {
        Set<String> bundle = Set.of("w.1", "w.one", "w.few", "w.other");
        assertEquals("w.1", RUSSIAN.pickKey("w", 1, bundle::contains));
        assertEquals("w.one", RUSSIAN.pickKey("w", 21, bundle::contains));
        assertEquals("w.few", RUSSIAN.pickKey("w", 2, bundle::contains));
        assertEquals("w.other", RUSSIAN.pickKey("w", 5, bundle::contains), "no .many: falls back to .other");
        assertEquals("w.other", ENGLISH.pickKey("w", 5, bundle::contains));
    }

    @Test
    void pickKeyFallsBackToTheBareKey() {
        assertEquals("w", RUSSIAN.pickKey("w", 5, key -> false));
        assertEquals("w", RUSSIAN.pickKey("w", 5, Set.of("w")::contains));
    }

    @Test
    void suffixesAreTheCldrNames() {
        assertEquals("one", ONE.suffix());
        assertEquals("few", FEW.suffix());
        assertEquals("many", MANY.suffix());
        assertEquals("other", OTHER.suffix());
    }
}
