package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;

/** Attacks 22-28: what a hostile e-mail field can do to mail headers, matching, pages and the server. */
class InputAttackIT extends MarketplaceRealmTest {

    private static final String NOT_AN_ADDRESS = "Это не похоже на адрес электронной почты. Проверьте, нет ли опечатки.";

    /** Attack 22: CRLF, Bcc and lists in the e-mail field never add a recipient; the mail goes to the stored address only. */
    @Test
    void headerInjectionNeverAddsARecipient(Shopper shopper) {
        Account victim = ResetJourney.newAccount(admin, "inject");
        String attacker = "attacker-" + System.nanoTime() + "@evil.example";
        List<String> payloads = List.of(
                victim.email() + "\r\nBcc: " + attacker,
                victim.email() + "\nCc:" + attacker,
                victim.email() + "," + attacker,
                victim.email() + ";" + attacker,
                victim.email() + " " + attacker,
                "\"" + attacker + "\" <" + victim.email() + ">");
        Page page = openReset(shopper);
        for (String payload : payloads) {
            page = requestCode(shopper, page, payload);
            assertScreen(page, ResetJourney.EMAIL_SCREEN);
            assertEquals(NOT_AN_ADDRESS, page.errorText(), payload);
        }
        // a duplicated parameter: the first value is used, and still only the stored address gets mail
        Page duplicated = shopper.submitPairs(page, "#mp-reset-email-form",
                List.of(Map.entry("email", victim.email().toUpperCase()), Map.entry("email", attacker), Map.entry("step", "request-code")));
        assertScreen(duplicated, ResetJourney.CODE_SCREEN);
        codeFromMail(mail, victim.email(), 1);
        ReceivedMail sent = mail.mailsTo(victim.email()).get(0);
        System.out.printf("[attack 22] %d injection payloads refused; the one mail has recipients %s%n", payloads.size(), sent.headerRecipients());
        assertEquals(List.of(victim.email()), sent.headerRecipients());
        ResetJourney.assertNoMailTo(mail, attacker, Duration.ofSeconds(1));
    }

    /** Attacks 23-24: case, spaces and Unicode look-alikes: the documented rule, and mail only to the stored address. */
    @Test
    void lookAlikesFollowTheDocumentedMatchingRule(Shopper shopper) {
        Account kira = ResetJourney.newAccount(admin, "kira");
        String cyrillicA = kira.email().replaceFirst("a", "а");
        Page cyrillic = requestCode(shopper, openReset(shopper), cyrillicA);
        assertEquals(NOT_AN_ADDRESS, cyrillic.errorText(), "a Cyrillic а is not an ASCII a, and such an address is not accepted");

        // the Kelvin sign lower-cases to k: the typed string matches the account, and the mail goes to the stored address
        String kelvin = "\u212A" + kira.email().substring(1).toUpperCase();
        Page matched = requestCode(shopper, cyrillic, "  " + kelvin + "  ");
        assertScreen(matched, ResetJourney.CODE_SCREEN);
        codeFromMail(mail, kira.email(), 1);
        assertEquals(List.of(kira.email()), mail.mailsTo(kira.email()).get(0).headerRecipients());
        System.out.printf("[attack 23-24] Cyrillic look-alike refused; Kelvin-sign variant matched by the lower-casing rule, mail to %s%n", kira.email());
    }

    /** Attacks 25-26: markup typed into the field is shown escaped; markup in a name never reaches the mail as markup. */
    @Test
    void markupIsEscapedOnPagesAndInMail(Shopper shopper) {
        String script = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
        Page page = requestCode(shopper, openReset(shopper), script);
        assertScreen(page, ResetJourney.EMAIL_SCREEN);
        assertFalse(page.body().contains("<script>alert(1)</script>"), "reflected script");
        assertFalse(page.body().contains("<img src=x"), "reflected image");
        assertEquals(script, page.document().selectFirst("input#email").val(), "kept, as text");

        // markup in a name is refused by Keycloak's user profile (person-name validator) before it can reach a mail
        String unique = "markup-" + System.nanoTime();
        var refused = admin.post("/admin/realms/" + ResetJourney.REALM + "/users", Map.of("username", unique,
                "email", unique + "@shop.example", "enabled", true, "firstName", "<img src=x onerror=alert(3)>", "lastName", "<b>Петрова</b>"));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("error-person-name-invalid-character"), refused.body());
        // and the flow's mails do not render profile fields at all
        Account plain = ResetJourney.newAccount(admin, "markup-mail");
        requestCode(shopper, openReset(shopper), plain.email());
        codeFromMail(mail, plain.email(), 1);
        ReceivedMail sent = mail.mailsTo(plain.email()).get(0);
        assertFalse(sent.html().contains("Анна") || sent.html().contains("Петрова"), "no profile fields in the code mail");
        System.out.printf("[attack 25-26] reflected markup escaped; markup in names refused by the user profile (%d)%n", refused.status());
    }

    /** Attacks 27-28: overlong, binary and malformed input gets a clear page, never a 500, alike for every address. */
    @Test
    void malformedAndOverlongInputNeverBreaksThePage(Shopper shopper) {
        Account existing = ResetJourney.newAccount(admin, "overlong");
        Page page = openReset(shopper);
        String action = page.formAction("#mp-reset-email-form");
        List<String> bodies = List.of(
                "step=request-code&email=" + "a".repeat(10_000) + "%40shop.example",
                "step=request-code&email=" + "b".repeat(140_000),
                "step=request-code&email=anna%00%40shop.example",
                "step=request-code&email=%FF%FE%FD%40shop.example",
                "step=request-code&email=" + URLEncoder.encode(existing.email(), StandardCharsets.UTF_8) + "%00",
                "step=request-code",
                "step=&email=",
                "step=nonsense&email=x");
        for (String body : bodies) {
            Page answer = shopper.post(action, body);
            System.out.printf("[attack 27-28] %d-byte body -> %d %s %s%n", body.length(), answer.status(), answer.templateName(), answer.errorText());
            assertNotEquals(500, answer.status(), body.substring(0, Math.min(60, body.length())));
            assertTrue(answer.status() < 500);
            assertFalse(answer.body().contains("Exception"), "no stack trace");
            if (body.length() > 131_072) {
                // Keycloak's form parser refuses a field over 128 KiB before the flow runs; the theme's error page names it
                assertEquals(413, answer.status());
                assertEquals("Слишком длинный запрос", answer.heading(), answer::toString);
            }
            if (answer.status() == 200 && ResetJourney.EMAIL_SCREEN.equals(answer.templateName())) {
                action = answer.formAction("#mp-reset-email-form");
            } else {
                page = openReset(shopper);
                action = page.formAction("#mp-reset-email-form");
            }
        }
        ResetJourney.assertNoMailTo(mail, existing.email(), Duration.ofSeconds(1));

        // broken percent-encoding is refused by Quarkus's form parser before Keycloak or the extension runs: the
        // shopper gets Keycloak's error page (status 500, no stack trace), in the theme's words for any unexpected error
        Page broken = shopper.post(openReset(shopper).formAction("#mp-reset-email-form"), "%%%=&&&=");
        System.out.printf("[attack 27-28] broken percent-encoding -> %d (platform form parser) '%s'%n", broken.status(), broken.errorText());
        assertFalse(broken.body().contains("Exception") || broken.body().contains("\tat "), "no stack trace");
        assertEquals("Не удалось обработать запрос", broken.heading(), "the theme's words, not «Произошла внутренняя ошибка сервера»");
    }
}
