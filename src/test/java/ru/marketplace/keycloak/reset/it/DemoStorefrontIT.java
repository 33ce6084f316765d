package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.choosePassword;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.marketplace.keycloak.reset.demo.Demo;
import ru.marketplace.keycloak.reset.demo.MailboxPage;
import ru.marketplace.keycloak.reset.demo.OidcClient;
import ru.marketplace.keycloak.reset.demo.Storefront;
import ru.marketplace.keycloak.reset.demo.StorefrontRegistration;
import ru.marketplace.keycloak.reset.demo.WebServer;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.reset.it.support.AdminApi;
import ru.marketplace.keycloak.reset.it.support.FreePorts;
import ru.marketplace.keycloak.reset.it.support.KeycloakServer;
import ru.marketplace.keycloak.reset.it.support.MailCatcher;
import ru.marketplace.keycloak.reset.it.support.Page;
import ru.marketplace.keycloak.reset.it.support.RealKeycloak;
import ru.marketplace.keycloak.reset.it.support.Shopper;

/**
 * What `mvn -Pdemo` offers, walked as a person would: the storefront's «Войти», the reset, the code read from the
 * mailbox page, the greeting with the ID token's claims, «Выйти». Same pages as the demo, on free ports, against
 * the tests' Keycloak.
 */
@RealKeycloak
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoStorefrontIT {

    private static final String NEW_PASSWORD = ResetJourney.STRONG_PASSWORD;

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
        mailbox = MailboxPage.serve(mail, 0);
        mailboxUrl = "http://localhost:" + mailbox.port();
        int storePort = FreePorts.pick();
        storeUrl = "http://localhost:" + storePort;
        StorefrontRegistration.allow(admin, ResetJourney.REALM, ResetJourney.CLIENT, storeUrl);
        OidcClient oidc = OidcClient.discover(browserUrl() + "/realms/" + ResetJourney.REALM, ResetJourney.CLIENT,
                storeUrl + "/callback");
        store = Storefront.serve(new Storefront(oidc, storeUrl, Clock.systemUTC(), null), storePort, browserUrl());
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

        Page home = browser.open(storeUrl + "/");
        Page login = browser.followLink(home, "Войти");
        assertEquals("login.ftl", login.templateName(), login::toString);
        Page emailScreen = browser.followLink(login, "a[href*=reset-credentials]");
        Page codeScreen = requestCode(browser, emailScreen, anna.email());
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);

        String code = codeFromMailboxPage(browser, anna.email());
        Page passwordScreen = enterCode(browser, codeScreen, code);
        Page backAtStore = choosePassword(browser, passwordScreen, NEW_PASSWORD, NEW_PASSWORD);
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
