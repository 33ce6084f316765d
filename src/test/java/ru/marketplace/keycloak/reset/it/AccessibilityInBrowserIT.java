package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.wrongCode;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.marketplace.keycloak.harness.BrowserLogin;
import ru.marketplace.keycloak.harness.Chromium;
import ru.marketplace.keycloak.harness.Chromium.Viewport;

/**
 * Every screen of the reset, in its normal and its error state, checked in Chromium by axe-core against WCAG 2.1
 * A and AA (contrast, labels, names, language, landmarks, focusable controls…) on a desktop window and on phones.
 * The rules run in the page as it is shown, with the theme's styles and scripts applied.
 */
class AccessibilityInBrowserIT extends MarketplaceRealmTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("test.output.dir", "target"), "screenshots");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final String NOT_ME_SCREEN = "marketplace-not-me.ftl";
    private static final String VERIFY_SCREEN = "marketplace-verify-email.ftl";

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void everyResetScreenMeetsWcag21AA(Viewport viewport) {
        boolean phone = viewport != Viewport.DESKTOP;
        String client = phone ? "storefront-mobile" : ResetJourney.CLIENT;
        String redirect = phone ? "ru.marketplace.app:/oauth2redirect" : ResetJourney.REDIRECT;
        String unique = "a11y-" + viewport.name().toLowerCase(java.util.Locale.ROOT) + "-" + System.currentTimeMillis();
        String email = unique + "@shop.example";
        admin.createUser(ResetJourney.REALM, unique, email, "Ow9Rt3KxLp2M", "Анна", "Петрова");

        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Chromium browser = Chromium.start(viewport, true, SCREENSHOTS.resolve("a11y-" + viewport.name().toLowerCase(java.util.Locale.ROOT)))) {
            ResetScreensInBrowser screens = new ResetScreensInBrowser(browser);
            screens.openLogin(BrowserLogin.start(keycloak, ResetJourney.REALM, client, redirect));
            check(browser, "login", violations);
            screens.forgotPassword(phone ? "Не помню пароль" : "Забыли пароль?");
            check(browser, "email", violations);
            screens.requestCode("+7 999 123-45-67");
            browser.awaitScreen(ResetJourney.EMAIL_SCREEN);
            check(browser, "email with an error", violations);
            screens.requestCode(email);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            check(browser, "code", violations);
            String code = codeFromMail(mail, email, 1);
            screens.enterCode(wrongCode(code));
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            check(browser, "code with an error", violations);
            screens.enterCode(code);
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            check(browser, "new password", violations);
            screens.choosePassword(ResetJourney.STRONG_PASSWORD, ResetJourney.STRONG_PASSWORD + "x");
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            check(browser, "new password with an error", violations);

            // the code e-mail's HTML part, as a mail client shows it
            screens.showMail(mail.mailsTo(email).get(0), "mail-code");
            check(browser, "code e-mail", violations);

            // «Это были не вы?» from the code e-mail: the page with its button, then the confirmation
            Matcher link = ResetJourney.NOT_ME_LINK.matcher(mail.mailsTo(email).get(0).text());
            assertTrue(link.find(), "the code e-mail links to «Это были не вы?»");
            browser.open(link.group());
            browser.awaitScreen(NOT_ME_SCREEN);
            check(browser, "«Это были не вы?»", violations);
            browser.clickAndLeave(browser.find("#mp-not-me-cancel"));
            browser.awaitScreen(NOT_ME_SCREEN);
            check(browser, "«Это были не вы?» confirmed", violations);
        }
        System.out.printf("[a11y] %s: 9 screens and the code e-mail checked against WCAG 2.1 A/AA, violations: %s%n", viewport,
                violations.isEmpty() ? "none" : violations);
        assertTrue(violations.isEmpty(), () -> "WCAG 2.1 AA violations on " + viewport + ":\n" + violations.entrySet().stream()
                .map(e -> "  " + e.getKey() + ": " + String.join("\n      ", e.getValue())).collect(Collectors.joining("\n")));
    }

    /**
     * Issue 12: registration and «Подтвердите адрес почты» (the code, a wrong code, «Изменить адрес», a refused
     * address), and the verification e-mail, on a desktop window and the narrowest phone (the screens share their
     * parts with the reset's, which run on every viewport; the middle one would add 40 s to `mvn verify`).
     */
    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"DESKTOP", "NARROW_PHONE"})
    void everyVerificationScreenMeetsWcag21AA(Viewport viewport) {
        boolean phone = viewport != Viewport.DESKTOP;
        String client = phone ? "storefront-mobile" : ResetJourney.CLIENT;
        String redirect = phone ? "ru.marketplace.app:/oauth2redirect" : ResetJourney.REDIRECT;
        String unique = "a11y-verify-" + viewport.name().toLowerCase(java.util.Locale.ROOT) + "-" + System.currentTimeMillis();
        String email = unique + "@shop.example";

        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Chromium browser = Chromium.start(viewport, true, SCREENSHOTS.resolve("a11y-verify-" + viewport.name().toLowerCase(java.util.Locale.ROOT)))) {
            browser.open(BrowserLogin.start(keycloak, ResetJourney.REALM, client, redirect).url());
            browser.awaitScreen(ResetScreensInBrowser.LOGIN);
            browser.clickAndLeave(browser.find("a[href*='login-actions/registration']"));
            browser.awaitScreen("register.ftl");
            check(browser, "registration", violations);
            type(browser, "#username", unique);
            type(browser, "#email", email);
            type(browser, "#firstName", "Вера");
            type(browser, "#lastName", "Соколова");
            type(browser, "#password", ResetJourney.STRONG_PASSWORD);
            type(browser, "#password-confirm", ResetJourney.STRONG_PASSWORD);
            browser.clickAndLeave(browser.find("#kc-register-form [type=submit]"));
            browser.awaitScreen(VERIFY_SCREEN);
            browser.screenshot("verify-code");
            check(browser, "«Подтвердите адрес почты»", violations);
            String code = codeFromMail(mail, email, 1);
            type(browser, "#code", wrongCode(code));
            browser.clickAndLeave(browser.find("#mp-verify"));
            browser.awaitScreen(VERIFY_SCREEN);
            check(browser, "«Подтвердите адрес почты» with an error", violations);
            browser.clickAndLeave(browser.find("#mp-change-address"));
            browser.awaitScreen(VERIFY_SCREEN);
            check(browser, "«Другой адрес почты»", violations);
            type(browser, "#email", email);
            browser.clickAndLeave(browser.find("#mp-save-address"));
            browser.awaitScreen(VERIFY_SCREEN);
            browser.screenshot("verify-address-error");
            check(browser, "«Другой адрес почты» with an error", violations);

            new ResetScreensInBrowser(browser).showMail(mail.mailsTo(email).get(0), "mail-verify-code");
            check(browser, "verification e-mail", violations);
        }
        System.out.printf("[a11y] %s: 5 verification screens and the e-mail checked against WCAG 2.1 A/AA, violations: %s%n",
                viewport, violations.isEmpty() ? "none" : violations);
        assertTrue(violations.isEmpty(), () -> "WCAG 2.1 AA violations on " + viewport + ":\n" + violations.entrySet().stream()
                .map(e -> "  " + e.getKey() + ": " + String.join("\n      ", e.getValue())).collect(Collectors.joining("\n")));
    }

    private static void type(Chromium browser, String css, String text) {
        var field = browser.find(css);
        field.clear();
        field.sendKeys(text);
    }

    private static void check(Chromium browser, String screen, Map<String, List<String>> violations) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String targets = rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
            found.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + targets);
        }
        if (!found.isEmpty()) {
            violations.put(screen, found);
        }
    }
}
