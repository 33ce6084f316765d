package ru.marketplace.keycloak.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The fragments every flow puts into its messages, with the shipped Russian and English texts. */
class LocalizedTextTest {

    private final LocalizedText russian = new LocalizedText(Locale.forLanguageTag("ru"), ShippedMessages.load("ru")::getProperty);
    private final LocalizedText english = new LocalizedText(Locale.ENGLISH, ShippedMessages.load("en")::getProperty);

    @ParameterizedTest(name = "{0} s reads «{1}» / «{2}»")
    @CsvSource(delimiter = '|', value = {
            "0.2   | 1 секунду  | 1 second",
            "1     | 1 секунду  | 1 second",
            "3     | 3 секунды  | 3 seconds",
            "11    | 11 секунд  | 11 seconds",
            "21    | 21 секунду | 21 seconds",
            "59.1  | 1 минуту   | 1 minute",
            "60    | 1 минуту   | 1 minute",
            "61    | 2 минуты   | 2 minutes",
            "300   | 5 минут    | 5 minutes",
            "3600  | 60 минут   | 60 minutes"})
    void aWaitIsSecondsUnderAMinuteAndWholeMinutesAbove(double seconds, String ru, String en) {
        Duration wait = Duration.ofMillis((long) (seconds * 1000));
        assertEquals(ru, russian.waitTime(wait));
        assertEquals(en, english.waitTime(wait));
    }

    @Test
    void countedTextsTakeTheFormTheirNumberNeeds() {
        assertEquals("Осталась 1 попытка", russian.counted("marketplaceAttemptsLeft", 1));
        assertEquals("Осталось 4 попытки", russian.counted("marketplaceAttemptsLeft", 4));
        assertEquals("Осталось 5 попыток", russian.counted("marketplaceAttemptsLeft", 5));
        assertEquals("1 attempt left", english.counted("marketplaceAttemptsLeft", 1));
        assertEquals("10 minutes", english.minutes(Duration.ofSeconds(541)));
    }

    /** The same choice as the templates' marketplace-plural.ftl: an exact-number variant wins, then the category. */
    @Test
    void anExactNumberVariantWinsAndAMissingTextShowsItsKey() {
        LocalizedText text = new LocalizedText(Locale.forLanguageTag("ru"),
                Map.of("k.1", "одну", "k.few", "{0} штуки", "k.other", "{0} шт.")::get);
        assertEquals("одну", text.counted("k", 1));
        assertEquals("3 штуки", text.counted("k", 3));
        assertEquals("5 шт.", text.counted("k", 5), "no many: other");
        assertEquals("missing", new LocalizedText(Locale.ENGLISH, key -> null).counted("missing", 2));
    }
}
