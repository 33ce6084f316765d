package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import ru.marketplace.keycloak.harness.BrowserLogin;
import ru.marketplace.keycloak.harness.Chromium;
import ru.marketplace.keycloak.harness.Chromium.Viewport;
import ru.marketplace.keycloak.harness.TokenResponse;

/**
 * Attack 34 with a real security key: a shopper who registered one (WebAuthn, through Chromium's virtual
 * authenticator, the same browser API a USB key answers) must use it after the e-mail code before choosing a
 * new password; the code alone does not open the account. The browser talks to Keycloak as {@code localhost}:
 * WebAuthn needs a domain as its relying-party ID, never an IP address.
 */
class SecurityKeyInBrowserIT extends MarketplaceRealmTest {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("test.output.dir", "target"), "screenshots");
    private static final String WEBAUTHN_AUTHENTICATE = "webauthn-authenticate.ftl";
    private static final String PASSWORD = "Ow9Rt3KxLp2M";

    @Test
    void aShopperWithASecurityKeyMustTouchItAfterTheCode() {
        String unique = "key-" + System.currentTimeMillis();
        String email = unique + "@shop.example";
        String userId = admin.createUser(ResetJourney.REALM, unique, email, PASSWORD, "Вера", "Ключникова");
        requireAction(userId, "webauthn-register");
        String keycloakUrl = keycloak.baseUrl().replace("127.0.0.1", "localhost");

        try (Chromium browser = Chromium.start(Viewport.DESKTOP, true, SCREENSHOTS.resolve("security-key"))) {
            VirtualAuthenticator key = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
                    new VirtualAuthenticatorOptions()
                            .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                            .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                            .setHasResidentKey(true)
                            .setHasUserVerification(true)
                            .setIsUserVerified(true)
                            .setIsUserConsenting(true));
            ResetScreensInBrowser screens = new ResetScreensInBrowser(browser);

            // the shopper signs in once and registers the key, as Keycloak asks
            BrowserLogin first = BrowserLogin.start(keycloakUrl, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT);
            screens.openLogin(first);
            browser.find("#username").sendKeys(email);
            browser.find("#password").sendKeys(PASSWORD);
            browser.clickAndLeave(browser.find("#kc-login"));
            // Keycloak's registration page has no template marker: its button tells it apart
            browser.until("Keycloak's security-key registration", d -> browser.isPresent("#registerWebAuthn"));
            browser.screenshot("register-key");
            browser.find("#registerWebAuthn").click();
            Alert label = browser.until("the key's label prompt", ExpectedConditions.alertIsPresent());
            label.sendKeys("Ключ на связке");
            label.accept();
            browser.awaitNavigationTo(first.redirectUri());
            assertEquals(1, key.getCredentials().size(), "the key holds the shopper's credential");
            int signaturesBefore = key.getCredentials().get(0).getSignCount();
            admin.post("/admin/realms/" + ResetJourney.REALM + "/users/" + userId + "/logout", "")
                    .requireSuccess("Signing the shopper out");

            // later: forgotten password; the e-mail code is not enough on its own
            BrowserLogin later = BrowserLogin.start(keycloakUrl, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT);
            screens.openLogin(later);
            screens.forgotPassword("Забыли пароль?");
            screens.requestCode(email);
            browser.awaitScreen(ResetJourney.CODE_SCREEN);
            screens.enterCode(codeFromMail(mail, email, 1));
            browser.awaitScreen(WEBAUTHN_AUTHENTICATE);
            browser.screenshot("touch-key");
            assertTrue(browser.isPresent("#authenticateWebAuthnButton"), "the key is asked for before the new password");
            assertTrue(browser.bodyText().contains("Код из письма подтверждён. Чтобы придумать новый пароль, подтвердите вход вторым способом"),
                    browser::bodyText);

            browser.clickAndLeave(browser.find("#authenticateWebAuthnButton"));
            browser.awaitScreen(ResetJourney.PASSWORD_SCREEN);
            TokenResponse tokens = later.exchange(screens.choosePasswordAndReturnToClient(ResetJourney.STRONG_PASSWORD, later));
            assertTrue(tokens.isSuccess(), tokens::toString);
            assertEquals(email, tokens.idTokenClaims().path("email").asText());
            int signaturesAfter = key.getCredentials().get(0).getSignCount();
            assertTrue(signaturesAfter > signaturesBefore, "the key signed Keycloak's challenge during the reset");
            System.out.printf("[attack 34, security key] after the e-mail code: %s; key touched (signatures %d -> %d) -> %s%n",
                    WEBAUTHN_AUTHENTICATE, signaturesBefore, signaturesAfter, ResetJourney.PASSWORD_SCREEN);
            assertEquals("Ваш пароль изменён", mail.waitForMails(email, 2, ResetJourney.MAIL_WAIT).get(1).subject());
        }
    }

    private void requireAction(String userId, String action) {
        String path = "/admin/realms/" + ResetJourney.REALM + "/users/" + userId;
        ObjectNode user = (ObjectNode) admin.get(path).requireSuccess("Reading the user").json();
        user.putArray("requiredActions").add(action);
        admin.put(path, user).requireSuccess("Asking the user to register a security key");
    }
}
