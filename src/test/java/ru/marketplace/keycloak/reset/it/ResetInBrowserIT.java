package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.wrongCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import ru.marketplace.keycloak.harness.BrowserLogin;
import ru.marketplace.keycloak.harness.Chromium;
import ru.marketplace.keycloak.harness.Chromium.Viewport;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;
import ru.marketplace.keycloak.harness.TokenResponse;

/**
 * The reset in a real Chromium against the real Keycloak, with the marketplace themes of the realm export: on a
 * desktop window through the storefront, and on a 360×740 phone through the app's client (theme
 * {@code marketplace-mobile}) until the browser is sent back to the app. Every screen is saved under
 * {@code target/screenshots/<test>/}.
 */
class ResetInBrowserIT extends MarketplaceRealmTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("test.output.dir", "target"), "screenshots");
    private static final String APP_CLIENT = "storefront-mobile";
    private static final String APP_REDIRECT = "ru.marketplace.app:/oauth2redirect";
    /** Meets the marketplace rules and zxcvbn's minimum score; typed in the steps of the checklist test. */
    private static final String NEW_PASSWORD = ResetScreensInBrowser.CHECKLIST_PASSWORD;
    /** Meets every rule of the checklist, but zxcvbn knows it: only the server can refuse it. */
    private static final String GUESSABLE_PASSWORD = "QWerty12";

    /**
     * Issue 10, item 6: «Подтвердить» posts once however often it is clicked, and a page restored from the
     * back-forward cache has it enabled again. The navigation is held back by a listener that runs after the form's
     * own onsubmit, so the page stays to be inspected.
     */
    @Test
    void theCodeFormIsPostedOnceAndItsButtonComesBackWithThePage() {
        String email = newAccount("submit-once", "shop.example");
        try (Chromium browser = Chromium.start(Viewport.DESKTOP, true, SCREENSHOTS.resolve("submit-once"))) {
            openCodeScreen(browser, email);
            browser.script("window.mpPosts = 0; document.getElementById('mp-reset-code-form').addEventListener('submit',"
                    + " (e) => { if (!e.defaultPrevented) { window.mpPosts++; } e.preventDefault(); });");
            browser.find("#code").sendKeys("123456");
            WebElement verify = browser.find("#mp-verify");
            verify.click();
            boolean disabledAfterClick = Boolean.TRUE.equals(browser.script("return document.getElementById('mp-verify').disabled;"));
            // a second click on a disabled button, and Enter in the field, submit nothing
            browser.script("document.getElementById('mp-verify').click();");
            browser.script("document.getElementById('mp-reset-code-form').requestSubmit();");
            long posts = ((Number) browser.script("return window.mpPosts;")).longValue();
            browser.script("window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));");
            boolean enabledAfterRestore = Boolean.FALSE.equals(browser.script("return document.getElementById('mp-verify').disabled;"));
            System.out.printf("[issue 10] code form in Chromium: button disabled after a click=%s, submits let through of 3 tries=%d, "
                    + "enabled again after a back-forward-cache restore=%s%n", disabledAfterClick, posts, enabledAfterRestore);
            assertTrue(disabledAfterClick, "disabled on submit");
            assertEquals(1, posts, "one submit gets through");
            assertTrue(enabledAfterRestore, "usable again when the page comes back");
        }
    }

    /**
     * Issue 10, item 6: a form of a step the session has passed (here the code form's own address, opened after the
     * code was accepted; in life the second post of a double click or another tab) gets Keycloak's page for it, which
     * the marketplace theme words «Этот шаг уже пройден» and which continues by itself to the password step; without
     * JavaScript its «Продолжить» does.
     */
    @Test
    void aPassedStepsPageContinuesToTheStepTheSessionIsAt() {
        for (boolean javascript : List.of(true, false)) {
            String email = newAccount("passed-step-" + javascript, "shop.example");
            try (Chromium browser = Chromium.start(Viewport.DESKTOP, javascript, SCREENSHOTS.resolve("passed-step-" + javascript))) {
                ResetScreensInBrowser screens = openCodeScreen(browser, email);
                String codeStep = browser.find("#mp-reset-code-form").getAttribute("action");
                screens.enterCode(codeFromMail(mail, email, 1));
                browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);

                browser.open(codeStep);
                if (!javascript) {
                    browser.until("Keycloak's page for a passed step", d -> browser.isPresent("#loginContinueLink"));
                    String text = browser.bodyText();
                    browser.screenshot("passed-step");
                    assertTrue(text.contains("Этот шаг уже пройден"), text);
                    assertEquals("Продолжить", browser.find("#loginContinueLink").getText());
                    browser.clickAndLeave(browser.find("#loginContinueLink"));
                }
                browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
                System.out.printf("[issue 10] the code step's address opened after the code was accepted, JavaScript %s: back on "
                        + "«Придумайте новый пароль» at %s%n", javascript ? "on (by itself)" : "off (through «Продолжить»)",
                        browser.currentUrl().replaceAll("\\?.*", ""));
                assertTrue(browser.currentUrl().contains("/login-actions/required-action"), browser.currentUrl());
            }
        }
    }

    @Test
    void onADesktopTheShopperRecoversThePasswordInRussian() {
        String email = newAccount("desktop", "yandex.ru");
        try (Chromium browser = Chromium.start(Viewport.DESKTOP, true, SCREENSHOTS.resolve("desktop"))) {
            BrowserLogin login = BrowserLogin.start(keycloak, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT);
            ResetScreensInBrowser screens = new ResetScreensInBrowser(browser);

            screens.openLogin(login);
            assertTrue(browser.find("link[rel=icon]").getAttribute("href").endsWith("/login/marketplace/img/logo.svg"),
                    "the realm's login theme is marketplace");
            // Keycloak marks its cookies Secure even over http; Chromium keeps them for 127.0.0.1, a trustworthy origin
            assertTrue(browser.cookieSummary().stream().anyMatch(c -> c.startsWith("AUTH_SESSION_ID secure")),
                    browser.cookieSummary()::toString);
            screens.forgotPassword("Забыли пароль?");

            screens.requestCode("+7 999 123-45-67");
            browser.awaitScreen(ResetJourney.EMAIL_SCREEN);
            screens.assertFieldError("email", "Восстановить пароль по номеру телефона нельзя. Введите адрес электронной почты, на который зарегистрирован аккаунт.");
            browser.screenshot("email-error");

            screens.requestCode(email);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            assertEquals("Введите код из письма", screens.heading());
            String sentTo = "Мы отправили код на " + email + ", если этот адрес зарегистрирован у нас.";
            assertEquals(sentTo, screens.codeSentTo());
            assertEquals("Маркетплейс\nno-reply@marketplace.example", browser.find("#mp-mail-sender").getText());
            assertEquals("Код для восстановления пароля", browser.find("#mp-mail-subject").getText());
            WebElement webmail = browser.find("#mp-open-webmail");
            assertEquals("Открыть Яндекс Почту ↗", webmail.getText());
            assertEquals("https://mail.yandex.ru/", webmail.getAttribute("href"));
            assertEquals("_blank", webmail.getAttribute("target"));
            assertTrue(webmail.getAttribute("rel").contains("noopener"));
            screens.assertCodeFieldHelpsPhones();
            screens.assertCountdownRuns();
            browser.screenshot("code");

            String code = codeFromMail(mail, email, 1);
            screens.enterCode(wrongCode(code));
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            screens.assertFieldError("code", "Неверный код. Осталось 4 попытки.");
            assertEquals(sentTo, screens.codeSentTo(), "the same sentence on every render");
            assertEquals("assertive", browser.find("#input-error-code").getAttribute("aria-live"), "the attempts left are announced");
            browser.screenshot("code-wrong");

            // as pasted from the mail, with a space in the middle
            screens.enterCode(code.substring(0, 3) + " " + code.substring(3));
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            assertEquals("Придумайте новый пароль", screens.heading());
            assertEquals(List.of("от 8 до 20 символов", "хотя бы одну цифру", "хотя бы две заглавные буквы", "хотя бы две строчные буквы"),
                    screens.checklistTexts(), "the realm's rules with its numbers");
            assertEquals("Простые и распространённые пароли не подойдут.", browser.find("#mp-password-not-guessable").getText());
            assertFalse(browser.find("#mp-password-rules").isDisplayed(), "the live checklist takes the sentence's place");
            browser.screenshot("new-password");
            screens.assertChecklistTicksWhileTyping();
            screens.assertShowHideSwitchesBothFields();
            browser.screenshot("new-password-checklist");

            screens.choosePassword(NEW_PASSWORD, NEW_PASSWORD + "x");
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            screens.assertFieldError("password-confirm", "Пароли не совпадают.");
            browser.screenshot("new-password-mismatch");

            screens.choosePassword(GUESSABLE_PASSWORD, GUESSABLE_PASSWORD);
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            screens.assertFieldError("password-new", "Этот пароль слишком простой: его легко угадать.");
            browser.screenshot("new-password-guessable");
            screens.assertErrorGivesWayWhenEdited("password-new", NEW_PASSWORD);
            assertEquals("Все условия выполнены.", browser.find("#mp-password-verdict").getText());
            browser.screenshot("new-password-edited-after-refusal");

            TokenResponse tokens = login.exchange(screens.choosePasswordAndReturnToClient(NEW_PASSWORD, login));
            assertTrue(tokens.isSuccess(), tokens::toString);
            assertEquals(email, tokens.idTokenClaims().path("email").asText());

            List<ReceivedMail> mails = mail.waitForMails(email, 2, ResetJourney.MAIL_WAIT);
            assertCodeMailReadsWell(mails.get(0), code);
            screens.showMail(mails.get(0), "mail-code");
            ReceivedMail changed = mails.get(1);
            assertEquals("Ваш пароль изменён", changed.subject());
            assertTrue(changed.text().contains("Если это были не вы, срочно восстановите пароль"), changed.text());
            screens.showMail(changed, "mail-password-changed");
        }
    }

    /** The code e-mail: Russian, the code alone and unbroken, its lifetime, what to do if not asked, no link with the code. */
    private static void assertCodeMailReadsWell(ReceivedMail codeMail, String code) {
        assertEquals("Код для восстановления пароля", codeMail.subject());
        assertTrue(codeMail.text().contains("\n" + code + "\n"), "the code on a line of its own: " + codeMail.text());
        assertTrue(codeMail.text().contains("Код действует 10 минут."), codeMail.text());
        assertTrue(codeMail.text().contains("Если вы не запрашивали код, просто проигнорируйте это письмо"), codeMail.text());
        assertTrue(codeMail.text().contains("support@marketplace.example"), codeMail.text());
        assertTrue(codeMail.text().startsWith("Здравствуйте!"), codeMail.text());
        assertFalse(codeMail.html().contains("Анна"), "no profile fields in the mail");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(codeMail.html());
        assertEquals(code, html.selectFirst("#mp-mail-code").text(), "the code in one piece, easy to select");
        assertTrue(html.select("a[href]").stream().noneMatch(a -> a.attr("href").contains(code)), "no link carries the code");
    }

    @Test
    void onAPhoneTheAppShopperRecoversThePasswordAndIsSentBackToTheApp() {
        String email = newAccount("phone", "gmail.com");
        try (Chromium browser = Chromium.start(Viewport.PHONE, true, SCREENSHOTS.resolve("phone"))) {
            BrowserLogin login = BrowserLogin.start(keycloak, ResetJourney.REALM, APP_CLIENT, APP_REDIRECT);
            ResetScreensInBrowser screens = new ResetScreensInBrowser(browser);

            screens.openLogin(login);
            assertFalse(browser.scrollsSideways(), "the login page fits the phone");
            // the app's own wording (theme marketplace-mobile, assigned to the client by the realm export)
            screens.forgotPassword("Не помню пароль");
            assertFalse(browser.scrollsSideways(), "the e-mail screen fits the phone");

            screens.requestCode(email);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            assertFalse(browser.scrollsSideways(), "the code screen fits the phone");
            WebElement webmail = browser.find("#mp-open-webmail");
            assertEquals("Открыть Gmail ↗", webmail.getText());
            assertTrue(webmail.getAttribute("href").startsWith("https://mail.google.com/mail/u/?authuser="), webmail.getAttribute("href"));
            screens.assertCodeFieldHelpsPhones();
            screens.assertCountdownRuns();
            browser.screenshot("code");

            String code = codeFromMail(mail, email, 1);
            screens.enterCode(wrongCode(code));
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            screens.assertFieldError("code", "Неверный код. Осталось 4 попытки.");
            browser.screenshot("code-wrong");

            screens.enterCode(code);
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            assertFalse(browser.scrollsSideways(), "the new-password screen fits the phone");
            browser.screenshot("new-password");
            screens.assertChecklistTicksWhileTyping();
            browser.screenshot("new-password-checklist");

            // the browser is sent back to the app (the end of the test: the app's scheme opens nothing here)
            String backInTheApp = screens.choosePasswordAndReturnToClient(NEW_PASSWORD, login);
            assertTrue(backInTheApp.startsWith(APP_REDIRECT + "?"), backInTheApp);
            TokenResponse tokens = login.exchange(backInTheApp);
            assertTrue(tokens.isSuccess(), tokens::toString);
            assertEquals(APP_CLIENT, tokens.accessTokenClaims().path("azp").asText());
            // the code e-mail as the phone's webmail would show it
            screens.showMail(mail.mailsTo(email).get(0), "mail-code");
        }
    }

    @Test
    void theNarrowestPhoneNeverScrollsSideways() {
        String email = newAccount("narrow", "inbox.ru");
        try (Chromium browser = Chromium.start(Viewport.NARROW_PHONE, true, SCREENSHOTS.resolve("narrow-phone"))) {
            ResetScreensInBrowser screens = new ResetScreensInBrowser(browser);
            screens.openLogin(BrowserLogin.start(keycloak, ResetJourney.REALM, APP_CLIENT, APP_REDIRECT));
            assertFalse(browser.scrollsSideways(), "login");
            screens.forgotPassword("Не помню пароль");
            assertFalse(browser.scrollsSideways(), "e-mail screen");
            screens.requestCode(email);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            assertFalse(browser.scrollsSideways(), "code screen");
            browser.screenshot("code");
            screens.enterCode(codeFromMail(mail, email, 1));
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            assertFalse(browser.scrollsSideways(), "new-password screen");
            browser.screenshot("new-password");
        }
    }

    @Test
    void whenTheCooldownIsOverTheResendButtonWakesUp() {
        ResetSettingsOverride.apply(admin, Map.of("resendCooldownSeconds", "3"));
        String email = newAccount("countdown", "mail.ru");
        try (Chromium browser = Chromium.start(Viewport.DESKTOP, true, SCREENSHOTS.resolve("countdown"))) {
            ResetScreensInBrowser screens = new ResetScreensInBrowser(browser);
            screens.openLogin(BrowserLogin.start(keycloak, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT));
            screens.forgotPassword("Забыли пароль?");
            screens.requestCode(email);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            assertEquals("Открыть Почту Mail.ru ↗", browser.find("#mp-open-webmail").getText());

            WebElement resend = browser.find("#mp-resend");
            assertFalse(resend.isEnabled(), "disabled while the cooldown runs");
            browser.until("the resend button to be enabled", Duration.ofSeconds(10), d -> resend.isEnabled());
            assertFalse(browser.find("#mp-resend-hint").isDisplayed());
            assertEquals("Можно запросить новый код.", browser.find("#mp-resend-ready").getText());
            browser.screenshot("code-resend-ready");

            codeFromMail(mail, email, 1);
            browser.clickAndLeave(resend);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            assertEquals("Мы отправили новый код. Прежний код больше не действует.", screens.notice());
            codeFromMail(mail, email, 2);
        }
    }

    @Test
    void aCodeWithoutAttemptsOrPastItsLifeLeadsStraightToANewOne() {
        ResetSettingsOverride.apply(admin, Map.of("maxAttemptsPerCode", "2", "resendCooldownSeconds", "0", "codeLifetimeSeconds", "5"));
        String email = newAccount("dead", "rambler.ru");
        try (Chromium browser = Chromium.start(Viewport.DESKTOP, true, SCREENSHOTS.resolve("dead-code"))) {
            ResetScreensInBrowser screens = new ResetScreensInBrowser(browser);
            screens.openLogin(BrowserLogin.start(keycloak, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT));
            screens.forgotPassword("Забыли пароль?");
            screens.requestCode(email);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            String code = codeFromMail(mail, email, 1);

            screens.enterCode(wrongCode(code));
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            screens.assertFieldError("code", "Неверный код. Осталась 1 попытка.");
            screens.enterCode(wrongCode(code));
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            screens.assertOnlyANewCodeHelps("Неверный код. Попытки закончились: запросите новый код.");
            browser.screenshot("code-no-attempts-left");

            browser.clickAndLeave(browser.find("#mp-resend"));
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            assertEquals("Введите код из письма", screens.heading());
            String fresh = codeFromMail(mail, email, 2);
            // the page itself says when the code has run out (its 5 seconds, by the server's count)
            browser.until("the expiry notice", Duration.ofSeconds(15), d -> !browser.find("#mp-code-expired").getText().isEmpty());
            assertEquals("Срок действия кода истёк. Запросите новый код.", browser.find("#mp-code-expired").getText());
            screens.enterCode(fresh);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            screens.assertOnlyANewCodeHelps("Срок действия кода истёк. Запросите новый код.");
            browser.screenshot("code-expired");
        }
    }

    @Test
    void everyScreenWorksWithoutJavaScript() {
        String email = newAccount("nojs", "shop.example");
        // a desktop window: chromedriver's touch emulation for phones needs scripts in the page
        try (Chromium browser = Chromium.start(Viewport.DESKTOP, false, SCREENSHOTS.resolve("no-javascript"))) {
            BrowserLogin login = BrowserLogin.start(keycloak, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT);
            ResetScreensInBrowser screens = openCodeScreen(browser, login, email);
            assertFalse(browser.isPresent("#mp-open-webmail"), "no button for an unknown mail service");
            assertTrue(browser.find("#mp-resend").isEnabled(), "without a countdown the button stays usable; the server enforces the wait");
            assertEquals("Новый код можно запросить через 1 минуту.", browser.find("#mp-resend-hint").getText(),
                    "the wait in words, rendered by the server");
            browser.screenshot("code");

            screens.enterCode(codeFromMail(mail, email, 1));
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            assertFalse(browser.isPresent("#mp-password-toggle"), "no show/hide button that could not work");
            assertTrue(browser.find("#mp-password-rules").getText().startsWith(
                    "Пароль должен содержать от 8 до 20 символов, хотя бы одну цифру, две заглавные и две строчные буквы."),
                    "the rules, with the realm's numbers, in the policy's own sentence");
            assertFalse(browser.find("#mp-password-checklist-box").isDisplayed(), "a checklist that cannot tick stays hidden");
            browser.screenshot("new-password");

            assertTrue(login.exchange(screens.choosePasswordAndReturnToClient(NEW_PASSWORD, login)).isSuccess());
        }
    }

    /** «Это были не вы?» on a phone: a wording without gender, and the button clear of the text above it. */
    @Test
    void theNotMePageGivesItsButtonRoomOnAPhone() {
        String email = newAccount("not-me-phone", "shop.example");
        Shopper shopper = new Shopper(keycloak.baseUrl());
        ResetJourney.requestCode(shopper, ResetJourney.openReset(shopper), email);
        Matcher link = ResetJourney.NOT_ME_LINK.matcher(mail.waitForMails(email, 1, ResetJourney.MAIL_WAIT).get(0).text());
        assertTrue(link.find(), "the code e-mail links to «Это были не вы?»");
        try (Chromium browser = Chromium.start(Viewport.PHONE, true, SCREENSHOTS.resolve("not-me"))) {
            browser.open(link.group());
            browser.awaitScreen("marketplace-not-me.ftl");
            WebElement button = browser.find("#mp-not-me-cancel");
            assertEquals("Отменить этот код", button.getText());
            WebElement text = browser.find("#mp-not-me-text");
            int gap = button.getRect().getY() - (text.getRect().getY() + text.getRect().getHeight());
            System.out.printf("[layout] «Это были не вы?» on a 360 px phone: %d px between the text and the button%n", gap);
            assertTrue(gap >= 16, "the button keeps its distance from the text: " + gap + " px");
            assertFalse(browser.scrollsSideways());
            browser.screenshot("not-me");
        }
    }

    /** A shopper account at a mailbox of {@code domain} (GreenMail takes every domain); returns its address. */
    /** The storefront's login → «Забыли пароль?» → {@code email} → «Введите код из письма», on the desktop. */
    private ResetScreensInBrowser openCodeScreen(Chromium browser, String email) {
        return openCodeScreen(browser, BrowserLogin.start(keycloak, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT), email);
    }

    private ResetScreensInBrowser openCodeScreen(Chromium browser, BrowserLogin login, String email) {
        ResetScreensInBrowser screens = new ResetScreensInBrowser(browser);
        screens.openLogin(login);
        screens.forgotPassword("Забыли пароль?");
        screens.requestCode(email);
        browser.awaitScreen(ResetJourney.CODE_SCREEN);
        return screens;
    }

    private String newAccount(String label, String domain) {
        String unique = label + "-" + System.currentTimeMillis();
        String email = unique + "@" + domain;
        admin.createUser(ResetJourney.REALM, unique, email, "Ow9Rt3KxLp2M", "Анна", "Петрова");
        return email;
    }
}
