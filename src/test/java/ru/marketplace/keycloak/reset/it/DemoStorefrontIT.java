package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.choosePassword;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import ru.marketplace.keycloak.demo.Demo;
import ru.marketplace.keycloak.demo.MailboxPage;
import ru.marketplace.keycloak.demo.OidcClient;
import ru.marketplace.keycloak.demo.Storefront;
import ru.marketplace.keycloak.demo.StorefrontRegistration;
import ru.marketplace.keycloak.demo.WebServer;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.Chromium;
import ru.marketplace.keycloak.harness.FreePorts;
import ru.marketplace.keycloak.harness.KeycloakServer;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.RealKeycloak;
import ru.marketplace.keycloak.harness.Shopper;

/**
 * What `mvn -Pdemo` offers, walked as a person would: the storefront's «Войти», the reset, the code read from the
 * mailbox page, the greeting with the ID token's claims, «Выйти». Same pages as the demo, on free ports, against
 * the tests' Keycloak.
 */
@RealKeycloak
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStorefrontIT {

    private static final String NEW_PASSWORD = ResetJourney.STRONG_PASSWORD;
    private static final Path SCREENSHOTS = Path.of(System.getProperty("test.output.dir", "target"), "screenshots");

    private final KeycloakServer keycloak;
    private final MailCatcher mail;
    private final AdminApi admin;
    private WebServer mailbox;
    private WebServer store;
    private String storeUrl;
    private String mailboxUrl;

    DemoStorefrontIT(KeycloakServer keycloak, MailCatcher mail, AdminApi admin) {
        this.keycloak = keycloak;
        this.mail = mail;
        this.admin = admin;
    }

    @BeforeAll
    void startThePages() {
        mailbox = MailboxPage.serve(mail, 0, Demo.MAIL_ZONE);
        mailboxUrl = "http://localhost:" + mailbox.port();
        int storePort = FreePorts.pick();
        storeUrl = "http://localhost:" + storePort;
        StorefrontRegistration.allow(admin, ResetJourney.REALM, ResetJourney.CLIENT, storeUrl);
        OidcClient oidc = OidcClient.discover(browserUrl() + "/realms/" + ResetJourney.REALM, ResetJourney.CLIENT,
                storeUrl + "/callback");
        String appRedirect = storeUrl + Storefront.APP_CALLBACK;
        StorefrontRegistration.allowRedirect(admin, ResetJourney.REALM, Demo.APP_CLIENT, appRedirect);
        OidcClient app = OidcClient.discover(browserUrl() + "/realms/" + ResetJourney.REALM, Demo.APP_CLIENT, appRedirect);
        store = Storefront.serve(new Storefront(oidc, app, storeUrl, Clock.system(Demo.MAIL_ZONE), null), storePort, browserUrl());
    }

    @AfterAll
    void stopThePages() {
        if (store != null) {
            store.stop();
        }
        if (mailbox != null) {
            mailbox.stop();
        }
    }

    @Test
    void theShopperResetsThePasswordFromTheStorefrontReadingTheCodeInTheMailbox() {
        Account anna = ResetJourney.newAccount(admin, "demo");
        Shopper browser = new Shopper(browserUrl());

        Page backAtStore = resetReadingTheMailbox(browser, loginPageFrom(browser, "Войти"), anna);
        assertTrue(backAtStore.location().startsWith(storeUrl + "/callback?"), backAtStore::toString);

        Page callback = browser.open(backAtStore.location());
        assertEquals(302, callback.status(), callback::toString);
        assertEquals("/", callback.location(), "the code leaves the address bar");
        Page greeting = browser.open(storeUrl + "/");
        assertEquals("Здравствуйте, Анна!", greeting.document().selectFirst("#greeting").text());
        assertEquals(anna.email(), claim(greeting, "email"));
        assertEquals("true", claim(greeting, "email_verified"), "the code proved the mailbox");
        assertEquals(1, admin.userSessions(ResetJourney.REALM, anna.id()).size());

        Page toKeycloak = browser.submit(greeting, "#logout-form", Map.of());
        assertEquals(storeUrl + "/signed-out", toKeycloak.location(), "Keycloak ends the session without asking");
        Page signedOut = browser.open(toKeycloak.location());
        assertEquals("Вы вышли из аккаунта.", signedOut.document().selectFirst("#notice").text());
        assertEquals("Войти", signedOut.document().selectFirst("a#login").text());
        assertTrue(admin.userSessions(ResetJourney.REALM, anna.id()).isEmpty(), "the Keycloak session is gone");
    }

    /** Issue 12: «Зарегистрироваться» on the storefront, the code read on the demo's mailbox page, back signed in. */
    @Test
    void aNewShopperRegistersFromTheStorefrontReadingTheCodeInTheMailbox() {
        Shopper browser = new Shopper(browserUrl());
        Page registration = browser.followLink(browser.open(storeUrl + "/"), "#register");
        assertEquals("register.ftl", registration.templateName(), registration::toString);
        String unique = "demo-register-" + System.currentTimeMillis();
        String email = unique + "@shop.example";
        Page verify = browser.submit(registration, "#kc-register-form", Map.of("username", unique, "email", email,
                "firstName", "Вера", "lastName", "Соколова", "password", NEW_PASSWORD, "password-confirm", NEW_PASSWORD));
        assertScreen(verify, "marketplace-verify-email.ftl");
        assertEquals("Подтвердите адрес почты", verify.heading());

        Page backAtStore = browser.submit(verify, "#mp-verify-code-form", Map.of("code", codeFromMailboxPage(browser, email)),
                "step=verify-code");
        assertTrue(backAtStore.location().startsWith(storeUrl + "/callback?"), backAtStore::toString);
        browser.open(backAtStore.location());
        Page greeting = browser.open(storeUrl + "/");
        System.out.printf("[issue 12] demo: «Зарегистрироваться» → %s → «%s» → the code from the mailbox page → «%s»%n",
                registration.templateName(), verify.heading(), greeting.document().selectFirst("#greeting").text());
        assertEquals("Здравствуйте, Вера!", greeting.document().selectFirst("#greeting").text());
        assertEquals(email, claim(greeting, "email"));
        assertEquals("true", claim(greeting, "email_verified"), "the code proved the mailbox");
    }

    /** The app's client from the storefront: «Не помню пароль», the reset, and a page where the app would open. */
    @Test
    void theAppsLoginCanBeWalkedFromTheStorefront() {
        Account ivan = ResetJourney.newAccount(admin, "demo-app");
        Shopper browser = new Shopper(browserUrl());

        Page login = loginPageFrom(browser, "#app-login");
        assertEquals("Не помню пароль", login.document().selectFirst("a[href*=reset-credentials]").text(), "the app's theme");
        Page toApp = resetReadingTheMailbox(browser, login, ivan);
        assertTrue(toApp.location().startsWith(storeUrl + Storefront.APP_CALLBACK + "?"), toApp::toString);

        Page opened = browser.open(toApp.location());
        assertEquals(200, opened.status(), opened::toString);
        assertEquals("Сейчас открылось бы приложение", opened.document().selectFirst("#app-opened h1").text());
        assertTrue(opened.document().selectFirst("#app-opened").text().contains(ivan.email()), opened::toString);
    }

    /**
     * The demo's pages on a phone: nothing wider than the screen (the «Это были не вы?» address in a mail made the
     * mailbox 468 px wide), the HTML part of the mail framed, no word of the ID-token table broken across lines.
     */
    @Test
    void theMailboxAndTheStorefrontFitAPhone() {
        Account vera = ResetJourney.newAccount(admin, "demo-phone");
        Shopper shopper = new Shopper(browserUrl());
        requestCode(shopper, ResetJourney.openReset(shopper), vera.email());
        mail.waitForMails(vera.email(), 1, ResetJourney.MAIL_WAIT);
        try (Chromium phone = Chromium.start(Chromium.Viewport.PHONE, true, SCREENSHOTS.resolve("demo-phone"))) {
            phone.open(mailboxUrl + "/");
            phone.visible("article.mail iframe.mail-html");
            assertFitsTheScreen(phone, "the mailbox");
            phone.screenshot("mailbox");
            phone.open(mailboxUrl + "/?view=text");
            WebElement link = phone.find("article.mail pre a[href*='not-me']");
            assertEquals("_blank", link.getAttribute("target"));
            assertFitsTheScreen(phone, "the mailbox's text view with the «Это были не вы?» address");
            phone.screenshot("mailbox-text");

            phone.open(storeUrl + "/login");
            phone.find("#username").sendKeys(vera.email());
            phone.find("#password").sendKeys(vera.password());
            phone.clickAndLeave(phone.find("#kc-login"));
            phone.visible("#claims");
            assertFitsTheScreen(phone, "the storefront with the ID token");
            Object broken = phone.script(WORDS_BROKEN_ACROSS_LINES, phone.find("#claims"));
            assertEquals(List.of(), broken, "words of the ID-token table broken across lines");
            phone.screenshot("storefront-claims");
        }
    }

    /**
     * The page is no wider than the phone's screen. Not window.innerWidth: a phone zooms a wider page out, and the
     * window grows with it (the newcomer's 468 px mailbox on a 390 px phone, with the header stopping short).
     */
    private static void assertFitsTheScreen(Chromium phone, String what) {
        Object widths = phone.script("return [document.documentElement.scrollWidth, screen.width];");
        System.out.printf("[layout] %s on a phone: page and screen width %s px%n", what, widths);
        List<?> pair = (List<?>) widths;
        assertTrue(((Number) pair.get(0)).longValue() <= ((Number) pair.get(1)).longValue(), what + " is wider than the screen: " + widths);
    }

    /** From the storefront's link {@code link} to Keycloak's login page. */
    private Page loginPageFrom(Shopper browser, String link) {
        Page login = browser.followLink(browser.open(storeUrl + "/"), link);
        assertEquals("login.ftl", login.templateName(), login::toString);
        return login;
    }

    /** The reset from {@code login}, the code read on the mailbox page; returns where Keycloak then sends the browser. */
    private Page resetReadingTheMailbox(Shopper browser, Page login, Account account) {
        Page codeScreen = requestCode(browser, browser.followLink(login, "a[href*=reset-credentials]"), account.email());
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        Page passwordScreen = enterCode(browser, codeScreen, codeFromMailboxPage(browser, account.email()));
        return choosePassword(browser, passwordScreen, NEW_PASSWORD, NEW_PASSWORD);
    }

    /** The words (runs without spaces) of an element's text whose characters sit on more than one line. */
    private static final String WORDS_BROKEN_ACROSS_LINES = """
            const broken = [];
            const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = node.textContent;
                const words = /[^\\s]+/g;
                for (let match = words.exec(text); match; match = words.exec(text)) {
                    // long opaque values (ids, hashes) may wrap anywhere; names, dates and numbers must not
                    if (match[0].length > 20) { continue; }
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                    if (tops.size > 1) { broken.push(match[0]); }
                }
            }
            return broken;
            """;

    /** Reloads the mailbox page (as it does itself) until the newest mail to {@code email} shows a code. */
    private String codeFromMailboxPage(Shopper browser, String email) {
        long deadline = System.nanoTime() + ResetJourney.MAIL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Page page = browser.open(mailboxUrl + "/");
            Element newest = page.document().selectFirst("article.mail[data-to=" + email + "] .code");
            if (newest != null) {
                return newest.text();
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("no code for " + email + " on the mailbox page within " + ResetJourney.MAIL_WAIT);
    }

    private static String claim(Page greeting, String name) {
        for (Element row : greeting.document().select("#claims tr")) {
            if (row.selectFirst("th").text().equals(name)) {
                return row.selectFirst("td").text();
            }
        }
        throw new AssertionError("no claim " + name + " on " + greeting);
    }

    /** Browsers reach Keycloak as localhost (its cookies and the realm's redirect URIs are for that name). */
    private String browserUrl() {
        return Demo.keycloakUrl(URI.create(keycloak.baseUrl()).getPort());
    }
}
