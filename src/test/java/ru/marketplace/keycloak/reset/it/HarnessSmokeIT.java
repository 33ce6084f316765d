package ru.marketplace.keycloak.reset.it;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.ApiResponse;
import ru.marketplace.keycloak.harness.CookieJar;
import ru.marketplace.keycloak.harness.KeycloakLauncher;
import ru.marketplace.keycloak.harness.KeycloakServer;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.RealKeycloak;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;
import ru.marketplace.keycloak.harness.TokenResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the harness itself against a real Keycloak, without relying on the extension's providers or realm:
 * the admin API, a password login through the HTML form (cookies, hidden fields, redirects, PKCE), and mail
 * decoding.
 */
@RealKeycloak
class HarnessSmokeIT {

    private static final String REALM = "master";
    private static final String CLIENT = "security-admin-console"; // public, standard flow, PKCE S256

    @Test
    void serverRunsOnLoopbackWithAFreshPortAndLogsToAFile(KeycloakLauncher keycloak) {
        assertTrue(keycloak.baseUrl().startsWith("http://127.0.0.1:"), keycloak.baseUrl());
        assertTrue(keycloak.log().contains("Listening on: " + keycloak.baseUrl()), keycloak.logTail(20));
        assertTrue(keycloak.isRunning());
    }

    @Test
    void adminApiListsRealmsAndReadsServerInfo(AdminApi admin) {
        assertTrue(admin.realmNames().contains(REALM), admin.realmNames().toString());

        JsonNode info = admin.serverInfo();
        assertEquals(System.getProperty("keycloak.version", "26.7.3"), info.path("systemInfo").path("version").asText());
        assertTrue(info.path("passwordPolicies").size() > 0, "password policies are listed");
        assertTrue(admin.get("/admin/realms/no-such-realm").status() == 404, "errors are returned, not thrown");
    }

    @Test
    void personLogsInThroughTheLoginFormAndTheClientGetsTokens(KeycloakServer keycloak, AdminApi admin,
                                                             Shopper browser, Shopper otherBrowser) {
        String redirectUri = keycloak.baseUrl() + "/admin/master/console/";

        Page login = browser.startLogin(REALM, CLIENT, redirectUri);
        assertEquals(200, login.status(), login.toString());
        assertTrue(login.hasElement("form#kc-form-login"), login.toString());
        assertEquals("login.ftl", login.templateName());

        Page refused = browser.submit(login, "#kc-form-login", Map.of("username", "admin", "password", "wrong"));
        assertEquals("Invalid username or password.", refused.errorText(), refused.toString());
        assertEquals("admin", refused.fieldValue("username").orElse(""), "the form keeps what was typed");

        // the second post only works if the Secure cookies of the first page went back over plain http
        Page back = browser.submit(refused, "#kc-form-login", Map.of("username", "admin", "password", "admin"));
        assertTrue(back.isRedirect(), back.toString());
        assertTrue(back.location().startsWith(redirectUri), back.location());

        TokenResponse tokens = browser.exchangeCode(back, REALM, CLIENT, redirectUri);
        assertEquals("admin", tokens.idTokenClaims().path("preferred_username").asText());
        assertEquals(browser.lastLogin().orElseThrow().nonce(), tokens.idTokenClaims().path("nonce").asText());
        assertEquals(keycloak.realmUrl(REALM), tokens.accessTokenClaims().path("iss").asText());

        CookieJar.Cookie identity = browser.cookies().all().stream()
                .filter(c -> c.name().equals("KEYCLOAK_IDENTITY")).findFirst().orElseThrow();
        assertTrue(identity.secure() && identity.httpOnly(), identity.toString());
        String adminId = tokens.idTokenClaims().path("sub").asText();
        assertFalse(admin.userSessions(REALM, adminId).isEmpty(), "the login created a session");

        // same browser: single sign-on, straight back to the client; another browser: its own, empty jar
        Page again = browser.startLogin(REALM, CLIENT, redirectUri);
        assertTrue(again.isRedirect() && again.locationParams().containsKey("code"), again.toString());
        Page stranger = otherBrowser.startLogin(REALM, CLIENT, redirectUri);
        assertTrue(stranger.hasElement("#kc-form-login"), stranger.toString());

        otherBrowser.copyCookiesFrom(browser);
        Page stolen = otherBrowser.startLogin(REALM, CLIENT, redirectUri);
        assertTrue(stolen.isRedirect(), "a copied identity cookie is a session: " + stolen);
        assertNotNull(otherBrowser.exchangeCode(stolen, REALM, CLIENT, redirectUri).accessToken());
    }

    @Test
    void adminHelpersManageUsersEventsAndFlowConfigOfARealm(KeycloakServer keycloak, AdminApi admin,
                                                           Shopper browser) {
        String realm = "harness-smoke-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/admin/realms", Map.of("realm", realm, "enabled", true, "passwordPolicy", "length(12)"))
                .requireSuccess("Creating realm " + realm);
        try {
            admin.updateRealm(realm, Map.of("eventsEnabled", true));
            String email = "ivan.petrov@marketplace.test";
            String id = admin.createUser(realm, "ivan", email, "Dlinnyi-parol-2024", "Иван", "Петров");
            assertEquals(id, admin.findUserByEmail(realm, "Ivan.Petrov@marketplace.test").orElseThrow().path("id").asText());
            assertFalse(admin.user(realm, id).path("emailVerified").asBoolean());

            ApiResponse tooShort = admin.resetPassword(realm, id, "short", false);
            assertEquals(400, tooShort.status(), tooShort.toString());
            assertFalse(tooShort.errorMessage().isEmpty(), tooShort.toString());
            assertEquals(204, admin.resetPassword(realm, id, "Eshche-dlinnee-2025", false).status());

            String redirectUri = keycloak.realmUrl(realm) + "/account/";
            Page login = browser.startLogin(realm, "account-console", redirectUri, Map.of("ui_locales", "en"));
            Page back = browser.submit(login, "#kc-form-login", Map.of("username", email, "password", "Eshche-dlinnee-2025"));
            assertEquals(id, browser.exchangeCode(back, realm, "account-console", redirectUri).idTokenClaims().path("sub").asText());
            assertEquals(1, admin.userSessions(realm, id).size());
            assertFalse(admin.events(realm, "LOGIN").isEmpty(), "LOGIN event stored");
            assertTrue(admin.events(realm, "RESET_PASSWORD").isEmpty());
            admin.clearEvents(realm);
            assertTrue(admin.events(realm).isEmpty());

            admin.setUserEnabled(realm, id, false);
            assertFalse(admin.user(realm, id).path("enabled").asBoolean());
            assertEquals("Иван", admin.user(realm, id).path("firstName").asText(), "nothing else changed");

            String provider = "identity-provider-redirector";
            admin.updateExecutionConfig(realm, "browser", provider, Map.of("defaultProvider", "none-1")); // creates
            admin.updateExecutionConfig(realm, "browser", provider, Map.of("undeclared", "x")); // merges
            // keys the provider does not declare are masked on read, as if they were secrets
            assertEquals(Map.of("defaultProvider", "none-1", "undeclared", "**********"),
                    admin.executionConfig(realm, "browser", provider));
        } finally {
            admin.delete("/admin/realms/" + realm).requireSuccess("Deleting realm " + realm);
        }
    }

    @Test
    void mailCatcherDecodesRussianSubjectAndBothParts(MailCatcher mail) throws MessagingException {
        String recipient = "pokupatel@marketplace.test";
        String subject = "Код для восстановления пароля: 123456";
        String text = "Здравствуйте! Ваш код: 123456. Он действует 10 минут.";
        String html = "<p>Здравствуйте! Ваш код: <b>123456</b>.</p>";
        send(mail, recipient, subject, text, html);

        List<ReceivedMail> mails = mail.waitForMails(recipient, 1, Duration.ofSeconds(10));

        assertEquals(1, mails.size());
        ReceivedMail received = mails.get(0);
        assertEquals(subject, received.subject());
        assertEquals(text, received.text().strip());
        assertEquals(html, received.html().strip());
        assertEquals("no-reply@marketplace.test", received.from());
        assertEquals("Маркетплейс", received.decodedHeader("From").orElseThrow().replaceAll(" ?<.*>", "")
                .replace("\"", ""));
        assertEquals(List.of(recipient), received.to());
        assertEquals(List.of(recipient), received.headerRecipients());
        assertEquals(recipient, received.deliveredTo());
        assertTrue(received.headerValues("Subject").get(0).startsWith("=?UTF-8?"), "the subject travelled encoded");
        assertTrue(mail.mailsTo("someone-else@marketplace.test").isEmpty());

        mail.purge();
        assertTrue(mail.mailsTo(recipient).isEmpty());
    }

    /** Quoted-printable text and base64 HTML, as real mailers mix them. */
    private static void send(MailCatcher mail, String to, String subject, String text, String html)
            throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", mail.host());
        props.put("mail.smtp.port", Integer.toString(mail.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        try {
            message.setFrom(new InternetAddress("no-reply@marketplace.test", "Маркетплейс",
                    StandardCharsets.UTF_8.name()));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");

        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8", "plain");
        textPart.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        htmlPart.setHeader("Content-Transfer-Encoding", "base64");
        MimeMultipart alternative = new MimeMultipart("alternative", textPart, htmlPart);
        message.setContent(alternative);
        message.saveChanges();
        Transport.send(message);
    }
}
