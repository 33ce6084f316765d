package ru.marketplace.keycloak.reset.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MailTimeTest {

    private static final Instant MOMENT = Instant.parse("2026-11-25T06:24:00Z");
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Test
    void moscowTimeInRussianUsesTheGenitiveMonthAndNamesTheZone() {
        assertEquals("25 ноября 2026, 09:24 (Москва, GMT+3)", MailTime.describe(MOMENT, ZoneId.of("Europe/Moscow"), RUSSIAN));
    }

    @Test
    void anotherZoneShiftsTheClockAndTheDate() {
        assertEquals("26 ноября 2026, 02:24 (Владивосток, GMT+10)",
                MailTime.describe(Instant.parse("2026-11-25T16:24:00Z"), ZoneId.of("Asia/Vladivostok"), RUSSIAN));
    }

    @Test
    void englishReadsAsEnglish() {
        assertEquals("25 November 2026, 09:24 (Moscow Time, GMT+3)", MailTime.describe(MOMENT, ZoneId.of("Europe/Moscow"), Locale.ENGLISH));
    }

    @Test
    void anOffsetWithoutARegionIsShownAsTheOffsetOnly() {
        assertEquals("25 ноября 2026, 11:24 (GMT+5)", MailTime.describe(MOMENT, ZoneId.of("+05:00"), RUSSIAN));
        assertEquals("25 ноября 2026, 06:24 (GMT)", MailTime.describe(MOMENT, ZoneId.of("Z"), RUSSIAN));
    }
}
