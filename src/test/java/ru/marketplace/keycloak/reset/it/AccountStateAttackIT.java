package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.STRONG_PASSWORD;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.choosePassword;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.ApiResponse;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;
import ru.marketplace.keycloak.harness.TokenResponse;

/** Attacks 29-47 that depend on the account's state, its sessions, MFA and the mail server. */
class AccountStateAttackIT extends MarketplaceRealmTest {

    /** Attack 30: a temporarily locked account can still be recovered, and the reset lifts the lockout. */
    @Test
    void aTemporarilyLockedAccountIsRecoveredAndUnlocked(Shopper shopper) {
        Account anna = ResetJourney.newAccount(admin, "locked");
        for (int i = 0; i < 10; i++) {
            Shopper guesser = new Shopper(keycloak.baseUrl());
            ResetJourney.signIn(guesser, anna.email(), "Wrong" + i + "PassXY");
        }
        JsonNode status = bruteForceStatusOnceItShows(anna.id(), true);
        assertTrue(status.get("disabled").asBoolean(), "locked by the brute-force detector: " + status);
        assertFalse(ResetJourney.signIn(new Shopper(keycloak.baseUrl()), anna.email(), anna.password()).isRedirect(), "even the right password is refused");

        Page codeScreen = requestCode(shopper, openReset(shopper), anna.email());
        Page passwordScreen = enterCode(shopper, codeScreen, codeFromMail(mail, anna.email(), 1));
        assertScreen(passwordScreen, ResetJourney.PASSWORD_SCREEN);
        assertTrue(choosePassword(shopper, passwordScreen, STRONG_PASSWORD, STRONG_PASSWORD).isRedirect());

        JsonNode after = bruteForceStatusOnceItShows(anna.id(), false);
        System.out.printf("[attack 30] brute-force status before reset: disabled=%s; after: %s%n", status.get("disabled"), after);
        assertFalse(after.get("disabled").asBoolean());
        assertTrue(ResetJourney.signIn(new Shopper(keycloak.baseUrl()), anna.email(), STRONG_PASSWORD).isRedirect());
    }

    /** Attack 34: a shopper with OTP must still enter it; the reset never bypasses the second factor. */
    @Test
    void aResetNeverBypassesOtp(Shopper shopper) {
        String unique = "otp-" + System.nanoTime();
        String email = unique + "@shop.example";
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP".substring(0, 20);
        Map<String, Object> otp = Map.of("type", "otp", "userLabel", "phone",
                "secretData", "{\"value\":\"" + secret + "\"}",
                "credentialData", "{\"subType\":\"totp\",\"digits\":6,\"period\":30,\"algorithm\":\"HmacSHA1\",\"counter\":0}");
        Map<String, Object> password = Map.of("type", "password", "value", "Ow9Rt3KxLp2M", "temporary", false);
        Map<String, Object> user = Map.of("username", unique, "email", email, "enabled", true, "firstName", "Отп",
                "lastName", "Пользователь", "credentials", List.of(password, otp));
        ApiResponse imported = admin.post("/admin/realms/" + ResetJourney.REALM + "/partialImport",
                Map.of("ifResourceExists", "FAIL", "users", List.of(user)));
        assertTrue(imported.isSuccess(), imported.body());

        Page codeScreen = requestCode(shopper, openReset(shopper), email);
        Page afterCode = enterCode(shopper, codeScreen, codeFromMail(mail, email, 1));
        System.out.printf("[attack 34] after the e-mail code an OTP user sees: %s (%s)%n", afterCode.templateName(), afterCode.heading());
        assertEquals("login-otp.ftl", afterCode.templateName(), "the OTP form comes before the new password");
        assertTrue(afterCode.messageText().contains("Код из письма подтверждён. Чтобы придумать новый пароль, подтвердите вход вторым способом"),
                () -> "Keycloak's OTP page says why it appears in a reset: " + afterCode.messageText());
        Page wrongOtp = shopper.submit(afterCode, "#kc-otp-login-form", Map.of("otp", "000000".equals(Totp.now(secret)) ? "111111" : "000000"));
        assertEquals("login-otp.ftl", wrongOtp.templateName());
        Page passwordScreen = shopper.submit(wrongOtp, "#kc-otp-login-form", Map.of("otp", Totp.now(secret)));
        assertScreen(passwordScreen, ResetJourney.PASSWORD_SCREEN);
    }

    /** Attacks 40-42: other sessions and offline tokens are revoked server-side; the notice carries no secret. */
    @Test
    void otherSessionsAndOfflineTokensAreRevoked(Shopper elsewhere, Shopper offlineApp, Shopper resetter) {
        Account boris = ResetJourney.newAccount(admin, "sessions");
        assertTrue(ResetJourney.signIn(elsewhere, boris.email(), boris.password()).isRedirect());
        Page login = offlineApp.startLogin(ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT, Map.of("scope", "openid offline_access"));
        Page signedIn = offlineApp.submit(login, "#kc-form-login", Map.of("username", boris.email(), "password", boris.password()));
        TokenResponse offline = offlineApp.exchangeCode(signedIn, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT);
        assertEquals("Offline", TokenResponse.payloadOf(offline.refreshToken()).get("typ").asText());
        List<String> sessionIdsBefore = admin.userSessions(ResetJourney.REALM, boris.id()).stream().map(n -> n.get("id").asText()).toList();
        int sessionsBefore = sessionIdsBefore.size();
        int offlineBefore = admin.get("/admin/realms/" + ResetJourney.REALM + "/users/" + boris.id() + "/offline-sessions/" + clientUuid()).json().size();
        assertTrue(sessionsBefore >= 1 && offlineBefore == 1, "before: online " + sessionsBefore + ", offline " + offlineBefore);

        Page codeScreen = requestCode(resetter, openReset(resetter), boris.email());
        String code = codeFromMail(mail, boris.email(), 1);
        Page passwordScreen = enterCode(resetter, codeScreen, code);
        Page done = choosePassword(resetter, passwordScreen, STRONG_PASSWORD, STRONG_PASSWORD);
        resetter.exchangeCode(done, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT);

        List<JsonNode> sessions = admin.userSessions(ResetJourney.REALM, boris.id());
        JsonNode offlineSessions = admin.get("/admin/realms/" + ResetJourney.REALM + "/users/" + boris.id() + "/offline-sessions/"
                + clientUuid()).json();
        TokenResponse refreshed = refresh(offline.refreshToken());
        System.out.printf("[attack 40-41] online sessions %d -> %d, offline sessions %d -> %d, old offline token refresh -> %d %s%n",
                sessionsBefore, sessions.size(), offlineBefore, offlineSessions.size(), refreshed.status(), refreshed.error());
        assertEquals(1, sessions.size(), "only the session of the reset itself");
        assertFalse(sessionIdsBefore.contains(sessions.get(0).get("id").asText()), "the earlier session was ended");
        assertEquals(0, offlineSessions.size());
        assertEquals(400, refreshed.status());

        ReceivedMail notice = mail.waitForMails(boris.email(), 2, ResetJourney.MAIL_WAIT).get(1);
        assertEquals("Ваш пароль изменён", notice.subject());
        assertFalse(notice.text().contains(code) || notice.text().contains(STRONG_PASSWORD), "no secret in the notice");
    }

    /** The option to keep other sessions works too (R16: "other sessions can be ended" is a choice). */
    @Test
    void otherSessionsCanBeKeptWhenTheRealmSaysSo(Shopper elsewhere, Shopper resetter) {
        ResetSettingsOverride.apply(admin, Map.of("signOutOtherSessions", "false"));
        Account vera = ResetJourney.newAccount(admin, "keep");
        assertTrue(ResetJourney.signIn(elsewhere, vera.email(), vera.password()).isRedirect());
        Page codeScreen = requestCode(resetter, openReset(resetter), vera.email());
        Page passwordScreen = enterCode(resetter, codeScreen, codeFromMail(mail, vera.email(), 1));
        assertTrue(choosePassword(resetter, passwordScreen, STRONG_PASSWORD, STRONG_PASSWORD).isRedirect());
        assertEquals(2, admin.userSessions(ResetJourney.REALM, vera.id()).size());
    }

    /** Issue 5: signing in with the current password voids a pending code (the owner evidently remembers it). */
    @Test
    void aPasswordLoginVoidsAPendingCode(Shopper attacker, Shopper owner) {
        Account gleb = ResetJourney.newAccount(admin, "revoke");
        Page codeScreen = requestCode(attacker, openReset(attacker), gleb.email());
        String code = codeFromMail(mail, gleb.email(), 1);
        assertTrue(ResetJourney.signIn(owner, gleb.email(), gleb.password()).isRedirect());
        Page refused = enterCode(attacker, codeScreen, code);
        System.out.printf("[revocation] code entered after the owner signed in: %s%n", refused.errorText());
        assertScreen(refused, ResetJourney.CODE_SCREEN);
        assertTrue(refused.errorText().startsWith("Этот код больше не действует"), refused.errorText());
    }

    /**
     * Attacks 45 and 47: with SMTP down the shopper sees the normal screen, admins see an error event with the IP;
     * issue 10: the mail is retried and arrives once the server is back.
     */
    @Test
    void aMailServerOutageLosesNothingAndIsReported(Shopper shopper) {
        Account dina = ResetJourney.newAccount(admin, "smtp-down");
        JsonNode smtp = admin.realm(ResetJourney.REALM).get("smtpServer");
        int deadPort = ru.marketplace.keycloak.harness.FreePorts.pick();
        admin.updateRealm(ResetJourney.REALM, Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", Integer.toString(deadPort),
                "from", smtp.get("from").asText())));
        Page codeScreen;
        try {
            codeScreen = requestCode(shopper, openReset(shopper), dina.email());
            assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
            assertTrue(codeScreen.hasElement("#mp-resend"));
            JsonNode failure = waitForEvent("SEND_RESET_PASSWORD_ERROR", dina.id());
            System.out.printf("[attack 45/47] SMTP down: shopper sees %s; admin event %s error=%s ip=%s%n", codeScreen.heading(),
                    failure.get("type").asText(), failure.get("error").asText(), failure.get("ipAddress").asText());
            assertEquals("email_send_failed", failure.get("error").asText());
            assertEquals("127.0.0.1", failure.get("ipAddress").asText());
        } finally {
            admin.updateRealm(ResetJourney.REALM, Map.of("smtpServer", Map.of("host", smtp.get("host").asText(),
                    "port", smtp.get("port").asText(), "from", smtp.get("from").asText(), "fromDisplayName", "Маркетплейс")));
        }
        // the mail server is back: the code asked for during the outage arrives by a retry, and works
        String code = codeFromMail(mail, dina.email(), 1);
        System.out.printf("[issue 10] code asked for while SMTP was down arrived after it came back%n");
        assertScreen(enterCode(shopper, codeScreen, code), ResetJourney.PASSWORD_SCREEN);
    }

    /** Attack 38: an unregistered redirect_uri never gets a login page, let alone a code. */
    @Test
    void anUnregisteredRedirectIsRefused(Shopper shopper) {
        Page page = shopper.startLogin(ResetJourney.REALM, ResetJourney.CLIENT, "https://evil.example/steal");
        assertNotEquals(200, page.status() == 200 && page.hasElement("#kc-form-login") ? 200 : -1);
        assertFalse(page.isRedirect() && page.location().startsWith("https://evil.example"));
    }

    /**
     * Keycloak's brute-force detector records failures and successes asynchronously: read its status until it shows
     * {@code disabled} as expected or 10 s pass, then return the last status for the caller to assert on.
     */
    private JsonNode bruteForceStatusOnceItShows(String userId, boolean disabled) {
        String path = "/admin/realms/" + ResetJourney.REALM + "/attack-detection/brute-force/users/" + userId;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        JsonNode status = admin.get(path).json();
        while (status.get("disabled").asBoolean() != disabled && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            status = admin.get(path).json();
        }
        return status;
    }

    private JsonNode waitForEvent(String type, String userId) {
        return ResetJourney.waitForEvent(admin, type, userId, ResetJourney.MAIL_WAIT);
    }

    private String clientUuid() {
        return admin.get("/admin/realms/" + ResetJourney.REALM + "/clients?clientId=" + ResetJourney.CLIENT).json().get(0).get("id").asText();
    }

    private TokenResponse refresh(String refreshToken) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(keycloak.realmUrl(ResetJourney.REALM) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=" + ResetJourney.CLIENT
                            + "&refresh_token=" + refreshToken))
                    .build();
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new TokenResponse(response.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

}
