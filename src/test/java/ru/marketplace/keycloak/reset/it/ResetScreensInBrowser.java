package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.WebElement;
import ru.marketplace.keycloak.harness.BrowserLogin;
import ru.marketplace.keycloak.harness.Chromium;
import ru.marketplace.keycloak.harness.ReceivedMail;

/**
 * The reset screens as a shopper uses them in a real browser: typing, clicking, and what they should see and
 * hear (texts, focus, the attributes screen readers and phones rely on). Each step waits for the page it leads
 * to, so a test reads like the flow.
 */
final class ResetScreensInBrowser {

    static final String LOGIN = "login.ftl";
    /** What {@link #assertChecklistTicksWhileTyping()} leaves in the field, typed rule by rule. */
    static final String CHECKLIST_PASSWORD = "tqLM7rvXp9Zd";

    private static final Pattern COUNTDOWN = Pattern.compile("Новый код можно запросить через (\\d+) (секунду|секунды|секунд|минуту)\\.");

    private final Chromium browser;

    ResetScreensInBrowser(Chromium browser) {
        this.browser = browser;
    }

    void openLogin(BrowserLogin login) {
        browser.open(login.url());
        browser.awaitScreen(LOGIN);
        browser.screenshot("login");
    }

    /** Follows the login page's reset link, which must read {@code linkText}, to «Восстановление пароля». */
    void forgotPassword(String linkText) {
        WebElement link = browser.find("a[href*='reset-credentials']");
        assertEquals(linkText, link.getText());
        browser.clickAndLeave(link);
        browser.awaitScreen(ResetJourney.EMAIL_SCREEN);
        assertEquals("Восстановление пароля", heading());
        assertEquals("Продолжить", browser.find("#mp-reset-continue").getText());
        assertTrue(browser.find("#mp-support").getText().contains("support@marketplace.example"), "the support line");
        browser.screenshot("email");
    }

    void requestCode(String typed) {
        type("#email", typed);
        browser.clickAndLeave(browser.find("#mp-reset-continue"));
    }

    void enterCode(String typed) {
        type("#code", typed);
        browser.clickAndLeave(browser.find("#mp-verify"));
    }

    void choosePassword(String password, String confirmation) {
        type("#password-new", password);
        type("#password-confirm", confirmation);
        browser.clickAndLeave(browser.find("#mp-save-password"));
    }

    /**
     * Chooses a password that will be accepted and returns where the browser is sent next: the client's redirect
     * URI with the authorization code. Nothing waits for a new page here, because a redirect to an app's own
     * scheme never shows one.
     */
    String choosePasswordAndReturnToClient(String password, BrowserLogin login) {
        type("#password-new", password);
        type("#password-confirm", password);
        browser.find("#mp-save-password").click();
        return browser.awaitNavigationTo(login.redirectUri());
    }

    String heading() {
        return browser.find("#kc-page-title").getText();
    }

    /** The message above the form (e.g. where the code was sent). */
    String notice() {
        return browser.find(".pf-v5-c-alert").getText();
    }

    /** The lead of the code screen: where the code went. */
    String codeSentTo() {
        return browser.find("#mp-code-sent-to").getText();
    }

    /** The error is shown under the field, tied to it for screen readers, and the field has the focus. */
    void assertFieldError(String field, String text) {
        WebElement input = browser.find("#" + field);
        assertEquals(text, browser.find("#input-error-" + field).getText());
        assertEquals("true", input.getAttribute("aria-invalid"), field);
        assertTrue(input.getAttribute("aria-describedby").contains("input-error-" + field), input.getAttribute("aria-describedby"));
        assertEquals(field, browser.focusedId(), "the focus goes to the field with the error");
    }

    /**
     * A refused field's error gives way as soon as the shopper edits it: it no longer stands next to a checklist
     * that may already say «Все условия выполнены».
     */
    void assertErrorGivesWayWhenEdited(String field, String typed) {
        WebElement input = browser.find("#" + field);
        assertTrue(browser.find("#input-error-" + field).isDisplayed(), "the server's error before any edit");
        input.sendKeys(typed);
        assertFalse(browser.find("#input-error-" + field).isDisplayed(), "the stale error is gone once the field is edited");
        assertEquals(null, input.getAttribute("aria-invalid"));
        assertFalse(input.getAttribute("aria-describedby").contains("input-error-" + field), input.getAttribute("aria-describedby"));
    }

    /** What lets a phone offer the code from the mail and a screen reader explain the field. */
    void assertCodeFieldHelpsPhones() {
        WebElement code = browser.find("#code");
        assertEquals("numeric", code.getAttribute("inputmode"));
        assertEquals("one-time-code", code.getAttribute("autocomplete"));
        assertFalse(code.getAttribute("pattern").isEmpty());
        assertTrue(code.getAttribute("aria-describedby").contains("mp-code-lifetime"), code.getAttribute("aria-describedby"));
        assertEquals("Код действует 10 минут.", browser.find("#mp-code-lifetime").getText());
        assertEquals("code", browser.focusedId());
    }

    /** The resend button waits, and the wait is counted down on the page in words with the right plural form. */
    void assertCountdownRuns() {
        assertFalse(browser.find("#mp-resend").isEnabled(), "the resend button waits for the cooldown");
        int first = secondsShown();
        assertTrue(first > 0 && first <= 60, "starts at the cooldown: " + first);
        browser.until("the countdown to move on from " + first, Duration.ofSeconds(5), d -> secondsShown() < first);
    }

    private int secondsShown() {
        String text = browser.find("#mp-resend-hint").getText();
        Matcher matcher = COUNTDOWN.matcher(text);
        assertTrue(matcher.matches(), text);
        int n = Integer.parseInt(matcher.group(1));
        String unit = matcher.group(2);
        if (unit.equals("минуту")) {
            return 60;
        }
        int mod10 = n % 10;
        int mod100 = n % 100;
        String expected = mod10 == 1 && mod100 != 11 ? "секунду"
                : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "секунды" : "секунд";
        assertEquals(expected, unit, "plural form for " + n);
        return n;
    }

    List<String> checklistTexts() {
        return browser.findAll("#mp-password-checklist .mp-checklist__text").stream().map(WebElement::getText).toList();
    }

    /** Each rule is ticked the moment the typed password meets it, and the last one announces that all are met. */
    void assertChecklistTicksWhileTyping() {
        WebElement field = browser.find("#password-new");
        field.clear();
        assertEquals(Map.of("length", "unmet", "digits", "unmet", "upper", "unmet", "lower", "unmet"), checklistStates());
        field.sendKeys("tq");
        assertEquals(Map.of("length", "unmet", "digits", "unmet", "upper", "unmet", "lower", "met"), checklistStates());
        field.sendKeys("LM");
        assertEquals(Map.of("length", "unmet", "digits", "unmet", "upper", "met", "lower", "met"), checklistStates());
        field.sendKeys("7");
        assertEquals(Map.of("length", "unmet", "digits", "met", "upper", "met", "lower", "met"), checklistStates());
        assertEquals("", browser.find("#mp-password-verdict").getText());
        assertEquals("ещё не выполнено", browser.find("#mp-password-checklist [data-rule='length'] [data-mp-check-mark]").getAccessibleName());
        field.sendKeys(CHECKLIST_PASSWORD.substring("tqLM7".length()));
        assertEquals(Map.of("length", "met", "digits", "met", "upper", "met", "lower", "met"), checklistStates());
        assertEquals("Все условия выполнены.", browser.find("#mp-password-verdict").getText());
        assertEquals("выполнено", browser.find("#mp-password-checklist [data-rule='length'] [data-mp-check-mark]").getAccessibleName());
    }

    private Map<String, String> checklistStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (WebElement item : browser.findAll("#mp-password-checklist [data-rule]")) {
            states.put(item.getAttribute("data-rule"), item.getAttribute("data-state"));
        }
        return states;
    }

    /** One button shows (and hides again) both password fields, and says whether it is pressed. */
    void assertShowHideSwitchesBothFields() {
        WebElement toggle = browser.find("#mp-password-toggle");
        assertEquals("Показать пароль", toggle.getAccessibleName());
        assertEquals("false", toggle.getAttribute("aria-pressed"));
        toggle.click();
        assertEquals("true", toggle.getAttribute("aria-pressed"));
        assertEquals("text", browser.find("#password-new").getAttribute("type"));
        assertEquals("text", browser.find("#password-confirm").getAttribute("type"));
        toggle.click();
        assertEquals("password", browser.find("#password-new").getAttribute("type"));
        assertEquals("password", browser.find("#password-confirm").getAttribute("type"));
    }

    /** The code is dead: the screen says why and leads to «Получить новый код», which has the focus. */
    void assertOnlyANewCodeHelps(String error) {
        assertEquals("Нужен новый код", heading());
        assertEquals(error, browser.find("#input-error-code").getText());
        assertFalse(browser.find("#code").isEnabled(), "the dead code's field is off");
        assertFalse(browser.isPresent("#mp-verify"));
        assertEquals("Получить новый код", browser.find("#mp-resend").getText());
        assertEquals("mp-resend", browser.focusedId());
    }

    /** Opens the HTML part of {@code mail} in the browser (as a webmail would show it) and saves a screenshot. */
    void showMail(ReceivedMail mail, String name) {
        byte[] html = mail.html().getBytes(StandardCharsets.UTF_8);
        browser.open("data:text/html;charset=utf-8;base64," + Base64.getEncoder().encodeToString(html));
        browser.visible("body");
        browser.screenshot(name);
    }

    private void type(String css, String text) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }
}
