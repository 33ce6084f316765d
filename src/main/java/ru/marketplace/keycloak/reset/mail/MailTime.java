package ru.marketplace.keycloak.reset.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A moment as an e-mail states it: date and time in the realm's chosen zone, followed by that zone's name and
 * offset, so "25 ноября 2026, 09:24 (Москва, GMT+3)" reads right to a shopper in Moscow and is still exact
 * for one in Vladivostok.
 */
public final class MailTime {

    private MailTime() {
    }

    public static String describe(Instant moment, ZoneId zone, Locale locale) {
        String dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(zone).format(moment);
        String offset = DateTimeFormatter.ofPattern("O", locale).withZone(zone).format(moment);
        String zoneName = zone.getDisplayName(TextStyle.FULL_STANDALONE, locale);
        // a bare offset ID (UTC+03:00) has no name of its own: the offset alone says it all
        return zoneName.equals(zone.getId()) || zoneName.startsWith("GMT") || zoneName.startsWith("UTC")
                ? dateTime + " (" + offset + ")"
                : dateTime + " (" + zoneName + ", " + offset + ")";
    }
}
