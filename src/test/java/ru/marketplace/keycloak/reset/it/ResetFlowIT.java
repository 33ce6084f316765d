package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.changeAddress;
import static ru.marketplace.keycloak.reset.it.ResetJourney.choosePassword;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.resend;
import static ru.marketplace.keycloak.reset.it.ResetJourney.wrongCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;
import ru.marketplace.keycloak.harness.TokenResponse;

/** The reset as a shopper walks it, against a real Keycloak 26.7.3 with the extension and the realm export. */
class ResetFlowIT extends MarketplaceRealmTest {

    private static final String NEW_PASSWORD = ResetJourney.STRONG_PASSWORD;

    @Test
    void shopperRecoversThePasswordAndIsSignedInToTheStorefront(Shopper shopper, Shopper later) {
        Account anna = ResetJourney.newAccount(admin, "happy");

        Page login = ResetJourney.loginPage(shopper);
        Element forgot = login.document().selectFirst("a[href*=reset-credentials]");
        assertEquals("Забыли пароль?", forgot.text());

        Page emailScreen = shopper.followLink(login, "a[href*=reset-credentials]");
        assertScreen(emailScreen, ResetJourney.EMAIL_SCREEN);
        assertEquals("Восстановление пароля", emailScreen.heading());
        Element emailField = emailScreen.document().selectFirst("input#email");
        assertEquals("email", emailField.attr("type"));
        assertEquals("email", emailField.attr("autocomplete"));
        assertEquals("Продолжить", emailScreen.document().selectFirst("#mp-reset-continue").text());
        assertTrue(emailScreen.hasElement("a#mp-back-to-login"));
        assertTrue(emailScreen.text().contains("support@marketplace.example"), "support line");

        // typed with surrounding spaces and capitals: trimmed and lower-cased
        Page codeScreen = requestCode(shopper, emailScreen, "  " + anna.email().toUpperCase() + " ");
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        assertEquals("Введите код из письма", codeScreen.heading());
        assertTrue(codeScreen.text().contains(anna.email()), "shows where the code went");
        assertEquals("Мы отправили код на " + anna.email() + ", если этот адрес зарегистрирован у нас.", sentTo(codeScreen));
        Element codeField = codeScreen.document().selectFirst("input#code");
        assertEquals("numeric", codeField.attr("inputmode"));
        assertEquals("one-time-code", codeField.attr("autocomplete"));
        assertTrue(codeScreen.text().contains("Отправить код ещё раз"));
        assertTrue(codeScreen.text().contains("Изменить адрес"));

        String code = codeFromMail(mail, anna.email(), 1);
        ReceivedMail codeMail = mail.mailsTo(anna.email()).get(0);
        assertEquals("Код для восстановления пароля", codeMail.subject());
        assertEquals(List.of(anna.email()), codeMail.to(), "one recipient: the stored address");
        assertTrue(codeMail.html().contains(code), "HTML part carries the code too");
        assertFalse(keycloak.log().contains(code), "the code never reaches a log line");

        Page passwordScreen = enterCode(shopper, codeScreen, code.substring(0, 3) + " " + code.substring(3));
        assertScreen(passwordScreen, ResetJourney.PASSWORD_SCREEN);
        assertEquals("Придумайте новый пароль", passwordScreen.heading());
        assertFalse(passwordScreen.text().contains("вторым способом"), "no second-factor hint for a shopper without one");
        assertFalse(passwordScreen.uri().toString().contains(code), "the code is never in a URL");

        Page backAtStore = choosePassword(shopper, passwordScreen, NEW_PASSWORD, NEW_PASSWORD);
        assertTrue(backAtStore.isRedirect(), () -> "expected a redirect to the storefront, got " + backAtStore.text());
        assertTrue(backAtStore.location().startsWith(ResetJourney.REDIRECT), backAtStore.location());
        TokenResponse tokens = shopper.exchangeCode(backAtStore, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT);
        JsonNode claims = tokens.idTokenClaims();
        assertEquals(anna.email(), claims.get("email").asText());
        assertTrue(claims.get("email_verified").asBoolean(), "a correct code proves the mailbox");

        ReceivedMail changed = mail.waitForMails(anna.email(), 2, ResetJourney.MAIL_WAIT).get(1);
        assertEquals("Ваш пароль изменён", changed.subject());
        // the realm's mail time zone (Moscow by default), not the server's UTC clock
        assertTrue(changed.text().contains("(Москва, GMT+3)"), changed::text);

        // the new password works, the old one no longer does
        assertTrue(ResetJourney.signIn(later, anna.email(), NEW_PASSWORD).isRedirect());
        Page refused = ResetJourney.signIn(new Shopper(keycloak.baseUrl()), anna.email(), anna.password());
        assertFalse(refused.isRedirect());
        assertFalse(refused.errorText().isEmpty());

        List<String> types = admin.events(ResetJourney.REALM).stream()
                .filter(e -> anna.id().equals(e.path("userId").asText()))
                .map(e -> e.get("type").asText()).toList();
        assertTrue(types.containsAll(List.of("SEND_RESET_PASSWORD", "UPDATE_PASSWORD", "RESET_PASSWORD")), types::toString);
    }

    @Test
    void wrongCodeKeepsTheShopperOnTheCodeScreenWithTheAttemptsLeft(Shopper shopper) {
        Account boris = ResetJourney.newAccount(admin, "wrong");
        Page codeScreen = requestCode(shopper, openReset(shopper), boris.email());
        String code = codeFromMail(mail, boris.email(), 1);

        Page afterWrong = enterCode(shopper, codeScreen, wrongCode(code));
        assertScreen(afterWrong, ResetJourney.CODE_SCREEN);
        assertEquals("Неверный код. Осталось 4 попытки.", afterWrong.errorText());
        assertEquals("true", afterWrong.document().selectFirst("input#code").attr("aria-invalid"));
        assertEquals(sentTo(codeScreen), sentTo(afterWrong), "where the code went reads the same on every render");

        List<JsonNode> errors = admin.events(ResetJourney.REALM, "RESET_PASSWORD_ERROR").stream()
                .filter(e -> boris.id().equals(e.path("userId").asText())).toList();
        assertEquals("invalid_code", errors.get(0).get("error").asText());
        assertEquals("wrong_code", errors.get(0).path("details").path("reason").asText());

        assertScreen(enterCode(shopper, afterWrong, code), ResetJourney.PASSWORD_SCREEN);
    }

    @Test
    void afterTheMaximumWrongAttemptsOnlyANewCodeHelps(Shopper shopper) {
        ResetSettingsOverride.apply(admin, Map.of("resendCooldownSeconds", "0"));
        Account vera = ResetJourney.newAccount(admin, "exhaust");
        Page page = requestCode(shopper, openReset(shopper), vera.email());
        String code = codeFromMail(mail, vera.email(), 1);
        for (int i = 0; i < 5; i++) {
            page = enterCode(shopper, page, wrongCode(code));
        }
        assertEquals("Неверный код. Попытки закончились: запросите новый код.", page.errorText());

        Page dead = enterCode(shopper, page, code);
        assertScreen(dead, ResetJourney.CODE_SCREEN);
        assertEquals("Попытки ввода этого кода закончились. Запросите новый код.", dead.errorText());

        Page resent = resend(shopper, dead);
        assertScreen(resent, ResetJourney.CODE_SCREEN);
        String fresh = codeFromMail(mail, vera.email(), 2);
        assertScreen(enterCode(shopper, resent, fresh), ResetJourney.PASSWORD_SCREEN);
    }

    @Test
    void anUnknownAddressSeesTheSameScreenAndNoMailIsSent(Shopper known, Shopper unknown) {
        Account gleb = ResetJourney.newAccount(admin, "known");
        String stranger = "nobody-" + System.nanoTime() + "@shop.example";

        Page knownScreen = requestCode(known, openReset(known), gleb.email());
        Page unknownScreen = requestCode(unknown, openReset(unknown), stranger);

        assertScreen(unknownScreen, ResetJourney.CODE_SCREEN);
        assertEquals(knownScreen.status(), unknownScreen.status());
        assertEquals(ResetJourney.withoutAddress(knownScreen, gleb.email()), ResetJourney.withoutAddress(unknownScreen, stranger));

        codeFromMail(mail, gleb.email(), 1);
        ResetJourney.assertNoMailTo(mail, stranger, Duration.ofSeconds(2));
        // and a guess on the unknown address's screen reads exactly like one on a real account's
        Page knownWrong = enterCode(known, knownScreen, "123456");
        Page unknownWrong = enterCode(unknown, unknownScreen, "123456");
        assertEquals(knownWrong.errorText(), unknownWrong.errorText());
        boolean recorded = admin.events(ResetJourney.REALM, "RESET_PASSWORD_ERROR").stream()
                .anyMatch(e -> "user_not_found".equals(e.path("error").asText()) && stranger.equals(e.path("details").path("email").asText()));
        assertTrue(recorded, "admins see requests for unknown addresses");
    }

    @Test
    void resendRespectsTheCooldownAndReplacesTheCode(Shopper shopper) {
        Account dina = ResetJourney.newAccount(admin, "resend");
        Page codeScreen = requestCode(shopper, openReset(shopper), dina.email());
        String first = codeFromMail(mail, dina.email(), 1);

        Page tooSoon = resend(shopper, codeScreen);
        assertScreen(tooSoon, ResetJourney.CODE_SCREEN);
        assertTrue(tooSoon.errorText().startsWith("Новый код можно запросить через"), tooSoon.errorText());
        assertEquals(1, mail.mailsTo(dina.email()).size());

        ResetSettingsOverride.apply(admin, Map.of("resendCooldownSeconds", "0"));
        Page resent = resend(shopper, tooSoon);
        assertScreen(resent, ResetJourney.CODE_SCREEN);
        assertTrue(resent.messageText().contains("Прежний код больше не действует"), resent.messageText());
        assertEquals(sentTo(codeScreen), sentTo(resent), "where the code went reads the same on every render");
        assertEquals(sentTo(codeScreen), sentTo(tooSoon));
        String second = codeFromMail(mail, dina.email(), 2);

        if (!first.equals(second)) {
            Page oldRejected = enterCode(shopper, resent, first);
            assertTrue(oldRejected.errorText().startsWith("Неверный код"), "the previous code is dead");
            resent = oldRejected;
        }
        assertScreen(enterCode(shopper, resent, second), ResetJourney.PASSWORD_SCREEN);
    }

    @Test
    void anExpiredCodeSaysSoAndOffersANewOne(Shopper shopper) throws InterruptedException {
        ResetSettingsOverride.apply(admin, Map.of("codeLifetimeSeconds", "5", "resendCooldownSeconds", "0"));
        Account egor = ResetJourney.newAccount(admin, "expired");
        Page codeScreen = requestCode(shopper, openReset(shopper), egor.email());
        String code = codeFromMail(mail, egor.email(), 1);
        Thread.sleep(Duration.ofSeconds(6).toMillis());

        Page expired = enterCode(shopper, codeScreen, code);
        assertScreen(expired, ResetJourney.CODE_SCREEN);
        assertEquals("Срок действия кода истёк. Запросите новый код.", expired.errorText());
        assertTrue(expired.hasElement("#mp-resend"), "a new code is one click away");
    }

    @Test
    void badAddressesGetAClearMessageOnTheSameScreen(Shopper shopper) {
        Page emailScreen = openReset(shopper);
        Page phone = requestCode(shopper, emailScreen, "+7 (999) 123-45-67");
        assertScreen(phone, ResetJourney.EMAIL_SCREEN);
        assertTrue(phone.errorText().startsWith("Восстановить пароль по номеру телефона нельзя"), phone.errorText());

        Page invalid = requestCode(shopper, phone, "anna@");
        assertScreen(invalid, ResetJourney.EMAIL_SCREEN);
        assertEquals("Это не похоже на адрес электронной почты. Проверьте, нет ли опечатки.", invalid.errorText());
        assertEquals("anna@", invalid.document().selectFirst("input#email").val(), "what was typed is kept");

        Page empty = requestCode(shopper, invalid, "   ");
        assertEquals("Введите адрес электронной почты.", empty.errorText());
    }

    @Test
    void changeAddressGoesBackToTheFirstScreen(Shopper shopper) {
        Account fedor = ResetJourney.newAccount(admin, "change");
        Page codeScreen = requestCode(shopper, openReset(shopper), fedor.email());
        Page back = changeAddress(shopper, codeScreen);
        assertScreen(back, ResetJourney.EMAIL_SCREEN);
        assertEquals(fedor.email(), back.document().selectFirst("input#email").val());
    }

    @Test
    void theFlowSpeaksEnglishWhenChosen(Shopper shopper) {
        Page login = ResetJourney.loginPage(shopper, "en");
        Page emailScreen = shopper.followLink(login, "a[href*=reset-credentials]");
        assertEquals("Password recovery", emailScreen.heading());
        Account ivan = ResetJourney.newAccount(admin, "english");
        Page codeScreen = requestCode(shopper, emailScreen, ivan.email());
        assertEquals("Enter the code from the e-mail", codeScreen.heading());
        Page wrong = enterCode(shopper, codeScreen, wrongCode(codeFromMail(mail, ivan.email(), 1)));
        assertEquals("Your password recovery code", mail.mailsTo(ivan.email()).get(0).subject(), "the mail follows the chosen language");
        assertEquals("Wrong code. 4 attempts left.", wrong.errorText());

        // the brand in English wherever it appears (the realm's display name and sender are «Маркетплейс»)
        assertEquals("Marketplace no-reply@marketplace.example", codeScreen.document().selectFirst("#mp-mail-sender").text());
        ReceivedMail codeMail = mail.mailsTo(ivan.email()).get(0);
        assertTrue(codeMail.rawHeaders().contains("From: Marketplace <no-reply@marketplace.example>"), codeMail.rawHeaders()::toString);
        assertTrue(codeMail.text().contains("The Marketplace team"), codeMail.text());
        assertTrue(codeMail.html().contains("The Marketplace team") && !codeMail.html().contains("Маркетплейс"), codeMail.html());
    }

    @Test
    void forceLoginSendsTheShopperToSignInAgain(Shopper shopper) {
        ResetSettingsOverride.apply(admin, Map.of("forceLogin", "true"));
        Account kira = ResetJourney.newAccount(admin, "force");
        Page codeScreen = requestCode(shopper, openReset(shopper), kira.email());
        Page passwordScreen = enterCode(shopper, codeScreen, codeFromMail(mail, kira.email(), 1));
        Page done = choosePassword(shopper, passwordScreen, NEW_PASSWORD, NEW_PASSWORD);
        assertFalse(done.isRedirect(), "no authorization code is issued");
        assertEquals(200, done.status());
        assertNotEquals(ResetJourney.PASSWORD_SCREEN, done.templateName());
        assertTrue(ResetJourney.signIn(new Shopper(keycloak.baseUrl()), kira.email(), NEW_PASSWORD).isRedirect());
    }

    @Test
    void aDisabledAccountGetsNoCodeButTheSameScreen(Shopper shopper) {
        Account lev = ResetJourney.newAccount(admin, "disabled");
        admin.setUserEnabled(ResetJourney.REALM, lev.id(), false);
        Page codeScreen = requestCode(shopper, openReset(shopper), lev.email());
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        ResetJourney.assertNoMailTo(mail, lev.email(), Duration.ofSeconds(2));
    }

    @Test
    void mismatchedConfirmationIsRefusedAndThePolicyIsEnforced(Shopper shopper) {
        Account mila = ResetJourney.newAccount(admin, "policy");
        Page codeScreen = requestCode(shopper, openReset(shopper), mila.email());
        Page passwordScreen = enterCode(shopper, codeScreen, codeFromMail(mail, mila.email(), 1));

        Page mismatch = choosePassword(shopper, passwordScreen, NEW_PASSWORD, NEW_PASSWORD + "x");
        assertScreen(mismatch, ResetJourney.PASSWORD_SCREEN);
        assertEquals("Пароли не совпадают.", mismatch.errorText());

        Page weak = choosePassword(shopper, mismatch, "short", "short");
        assertScreen(weak, ResetJourney.PASSWORD_SCREEN);
        assertFalse(weak.errorText().isEmpty(), "the realm's policy refuses it");

        // Keycloak's own passwordHistory policy, worded by the marketplace login theme rather than «Некорректный пароль: …»
        Page reused = choosePassword(shopper, weak, mila.password(), mila.password());
        assertScreen(reused, ResetJourney.PASSWORD_SCREEN);
        assertEquals("Этот пароль уже был у вас недавно. Придумайте другой.", reused.errorText());

        assertTrue(choosePassword(shopper, reused, NEW_PASSWORD, NEW_PASSWORD).isRedirect());
    }


    @Test
    void invalidSettingsFallBackToTheirDefaultsAndAreLoggedOnceAnHour(Shopper first, Shopper second) {
        // a zone no one else uses: the once-an-hour claim is keyed by the problems, so this test owns its warning
        String badZone = "Mars/Olympus-" + System.nanoTime();
        ResetSettingsOverride.apply(admin, Map.of("codeLength", "4", "mailTimeZone", badZone));
        try {
            int logStart = keycloak.log().length();
            Account anna = ResetJourney.newAccount(admin, "bad-settings");
            Account boris = ResetJourney.newAccount(admin, "bad-settings");
            assertScreen(requestCode(first, openReset(first), anna.email()), ResetJourney.CODE_SCREEN);
            assertScreen(requestCode(second, openReset(second), boris.email()), ResetJourney.CODE_SCREEN);
            assertEquals(6, codeFromMail(mail, anna.email(), 1).length(), "the default code length replaces 4");
            codeFromMail(mail, boris.email(), 1);

            String log = keycloak.log().substring(logStart);
            List<String> warnings = log.lines().filter(line -> line.contains("Marketplace reset settings")).toList();
            System.out.printf("[settings] 2 requests with invalid settings -> %d warning(s): %s%n", warnings.size(), warnings);
            assertEquals(1, warnings.size(), () -> "one warning, not one per request: " + warnings);
            assertTrue(warnings.get(0).contains("codeLength") && warnings.get(0).contains(badZone), warnings.get(0));
        } finally {
            ResetSettingsOverride.reset(admin);
        }
    }

    /** The code screen's lead: where the code went. */
    private static String sentTo(Page codeScreen) {
        Element lead = codeScreen.document().selectFirst("#mp-code-sent-to");
        assertNotNull(lead, codeScreen::toString);
        return lead.text();
    }
}
