package ru.marketplace.keycloak.verifyemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.CLIENT;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.MAIL_WAIT;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.REALM;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.REDIRECT;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.assertScreen;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.codeIn;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.enterCode;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.uniqueAddress;
import static ru.marketplace.keycloak.verifyemail.it.AddressJourney.wrongCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.KeycloakServer;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.RealKeycloak;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;
import ru.marketplace.keycloak.harness.Urls;

/**
 * Issue 12, item 2: a shopper with a confirmed address changes it (the account console asks for
 * {@code kc_action=UPDATE_EMAIL}); the new address is confirmed by a code before it replaces the old one, and the old
 * one is told, with the support contact.
 */
@RealKeycloak
class ChangeEmailCodeIT {

    private static final String PASSWORD = "Ow9Rt3KxLp2M";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakServer keycloak;
    private MailCatcher mail;
    private AdminApi admin;

    @BeforeEach
    void connect(KeycloakServer keycloak, MailCatcher mail, AdminApi admin) {
        this.keycloak = keycloak;
        this.mail = mail;
        this.admin = admin;
    }

    @Test
    void theNewAddressIsConfirmedByACodeBeforeItReplacesTheOldOneWhichIsTold() {
        String old = uniqueAddress("change", "old");
        String userId = verifiedAccount(old);
        Shopper shopper = Shopper.at(keycloak);
        Page form = askToChange(shopper, old);
        assertScreen(form);
        assertEquals("Новый адрес почты", form.heading());

        String fresh = uniqueAddress("change", "new");
        Page codeScreen = shopper.submit(form, "#mp-verify-address-form", Map.of("email", fresh));
        assertScreen(codeScreen);
        assertEquals("Подтвердите новый адрес", codeScreen.heading());
        assertTrue(codeScreen.text().contains("Мы отправили код на " + fresh), codeScreen.text());
        ReceivedMail codeMail = mail.waitForMails(fresh, 1, MAIL_WAIT).get(0);
        assertEquals("Код для смены адреса почты", codeMail.subject());
        assertEquals(old, admin.user(REALM, userId).path("email").asText(), "the old address stays until the code is typed");

        Page wrong = enterCode(shopper, codeScreen, wrongCode(codeIn(codeMail)));
        assertScreen(wrong);
        assertEquals("Неверный код. Осталось 4 попытки.", wrong.errorText());
        assertEquals(old, admin.user(REALM, userId).path("email").asText());

        Page atStore = enterCode(shopper, wrong, codeIn(codeMail));
        assertTrue(atStore.isRedirect() && atStore.location().startsWith(REDIRECT), () -> "back at the storefront: " + atStore);
        JsonNode user = admin.user(REALM, userId);
        assertEquals(fresh, user.path("email").asText());
        assertTrue(user.path("emailVerified").asBoolean(), "the code proved the new mailbox");

        ReceivedMail notice = mail.waitForMails(old, 1, MAIL_WAIT).get(0);
        System.out.printf("[issue 12] address change: «%s» → «%s» (code mail «%s» to the new address), a wrong code «%s»; "
                        + "the right one changed %s to %s; the old address got «%s»%n", form.heading(), codeScreen.heading(),
                codeMail.subject(), wrong.errorText(), old, fresh, notice.subject());
        assertEquals("Адрес почты изменён", notice.subject());
        assertTrue(notice.text().contains(fresh) && notice.text().contains("support@"), notice.text());
        List<JsonNode> changes = admin.events(REALM, "UPDATE_EMAIL").stream()
                .filter(e -> userId.equals(e.path("userId").asText())).toList();
        assertEquals(1, changes.size(), changes.toString());
        assertEquals(old, changes.get(0).path("details").path("previous_email").asText(), changes.toString());
        assertEquals(1, mail.mailsTo(fresh).size(), "one code, no Keycloak confirmation link");
    }

    @Test
    void aTakenAddressIsRefusedAndTheChangeCanBeCalledOff() {
        String taken = uniqueAddress("change", "taken");
        verifiedAccount(taken);
        String old = uniqueAddress("change", "keeps");
        String userId = verifiedAccount(old);
        Shopper shopper = Shopper.at(keycloak);
        Page form = askToChange(shopper, old);

        Page refused = shopper.submit(form, "#mp-verify-address-form", Map.of("email", taken));
        assertScreen(refused);
        assertEquals("E-mail уже существует.", refused.errorText());
        assertEquals(0, mail.mailsTo(taken).size(), "no code to someone else's address");

        // the page's own button, with the name and value it carries (Keycloak's cancel-aia)
        assertEquals("Оставить " + old, refused.select("#mp-keep-address").text());
        Page calledOff = shopper.submit(refused, "#mp-verify-keep-form", Map.of(), "cancel-aia");
        System.out.printf("[issue 12] address change to a taken address: «%s»; «Оставить» led to %s%n", refused.errorText(),
                calledOff.location());
        assertTrue(calledOff.isRedirect() && calledOff.location().startsWith(REDIRECT), () -> "back at the storefront: " + calledOff);
        assertTrue(calledOff.location().contains("kc_action_status=cancelled"), calledOff.location());
        assertEquals(old, admin.user(REALM, userId).path("email").asText());
    }

    /** The change has no code settings of its own: those of «Marketplace: verify e-mail with a code» apply. */
    @Test
    void theChangeFollowsTheVerificationsCodeSettings() {
        String path = "/admin/realms/" + REALM + "/authentication/required-actions/marketplace-verify-email-code/config";
        admin.put(path, Map.of("config", Map.of("codeLength", "8", "maxCodeRequestsPerIpPerHour", "10000")))
                .requireSuccess("Configuring the verification");
        // the change's own gear holds Keycloak's maximum age only; a value there must not hide the verification's settings
        String own = "/admin/realms/" + REALM + "/authentication/required-actions/UPDATE_EMAIL/config";
        admin.put(own, Map.of("config", Map.of("max_auth_age", "300"))).requireSuccess("Configuring UPDATE_EMAIL");
        try {
            String old = uniqueAddress("change", "eight");
            verifiedAccount(old);
            Shopper shopper = Shopper.at(keycloak);
            String fresh = uniqueAddress("change", "eight-new");
            Page codeScreen = shopper.submit(askToChange(shopper, old), "#mp-verify-address-form", Map.of("email", fresh));
            assertScreen(codeScreen);
            String text = mail.waitForMails(fresh, 1, MAIL_WAIT).get(0).text();
            assertTrue(Pattern.compile("(?m)^\\s*\\d{8}\\s*$").matcher(text).find(), "an 8-digit code: " + text);
        } finally {
            admin.put(path, Map.of("config", Map.of("maxCodeRequestsPerIpPerHour", "10000"))).requireSuccess("Restoring");
            admin.put(own, Map.of("config", Map.of())).requireSuccess("Restoring UPDATE_EMAIL");
        }
    }

    /** The storefront's «Изменить адрес»: a login with kc_action=UPDATE_EMAIL, signed in with the password. */
    private Page askToChange(Shopper shopper, String email) {
        Page login = shopper.startLogin(REALM, CLIENT, REDIRECT, Map.of("kc_action", "UPDATE_EMAIL"));
        return shopper.submit(login, "#kc-form-login", Map.of("username", email, "password", PASSWORD));
    }

    private String verifiedAccount(String email) {
        String id = admin.createUser(REALM, email.substring(0, email.indexOf('@')), email, PASSWORD, "Анна", "Петрова");
        ObjectNode user = (ObjectNode) admin.user(REALM, id);
        user.put("emailVerified", true);
        admin.put("/admin/realms/" + REALM + "/users/" + id, user).requireSuccess("Verifying " + email);
        return id;
    }

    /**
     * The account console saves a profile with its own REST call, POST /account: with UPDATE_EMAIL enabled that call
     * may not change the address (only the confirmed change may), while it still saves the rest of the profile.
     */
    @Test
    void theAccountConsolesOwnSaveCannotChangeTheAddress() throws Exception {
        String old = uniqueAddress("change", "rest");
        String userId = verifiedAccount(old);
        // a client whose tokens carry the account audience, as the account console's do (the storefront's do not)
        String clientId = "account-rest-" + Long.toString(System.nanoTime(), 36);
        String client = admin.post("/admin/realms/" + REALM + "/clients", Map.of("clientId", clientId, "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false, "fullScopeAllowed", true))
                .requireSuccess("Creating " + clientId).createdId();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloak.realmUrl(REALM) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Urls.form(Map.of("grant_type", "password", "client_id", clientId,
                            "username", old, "password", PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, token.statusCode(), token.body());
            String bearer = "Bearer " + JSON.readTree(token.body()).path("access_token").asText();
            URI account = URI.create(keycloak.realmUrl(REALM) + "/account");
            ObjectNode profile = (ObjectNode) JSON.readTree(http.send(HttpRequest.newBuilder(account).header("Authorization", bearer)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(old, profile.path("email").asText(), profile::toString);

            String fresh = uniqueAddress("change", "rest-new");
            HttpResponse<String> changed = http.send(HttpRequest.newBuilder(account).header("Authorization", bearer)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(profile.deepCopy().put("email", fresh).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> renamed = http.send(HttpRequest.newBuilder(account).header("Authorization", bearer)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(profile.deepCopy().put("firstName", "Алла").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf("[issue 12] account REST save with another address: HTTP %d %s; with another first name: HTTP %d%n",
                    changed.statusCode(), changed.body(), renamed.statusCode());
            assertEquals(400, changed.statusCode(), changed.body());
            assertTrue(changed.body().contains("\"field\":\"email\"") && changed.body().contains("error-user-attribute-read-only"), changed.body());
            assertEquals(old, admin.user(REALM, userId).path("email").asText(), "the address is unchanged");
            assertEquals(0, mail.mailsTo(fresh).size(), "nothing mailed to the refused address");
            assertTrue(renamed.statusCode() / 100 == 2, () -> "the rest of the profile still saves: " + renamed.body());
            assertEquals("Алла", admin.user(REALM, userId).path("firstName").asText());
        } finally {
            admin.delete("/admin/realms/" + REALM + "/clients/" + client).requireSuccess("Deleting " + clientId);
        }
    }
}
