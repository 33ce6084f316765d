package ru.marketplace.keycloak.verifyemail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.ApiResponse;
import ru.marketplace.keycloak.harness.KeycloakServer;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.RealKeycloak;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;

/**
 * Issue 12: a shopper who registers on the hosted pages confirms the address with a six-digit code (the required
 * action {@code marketplace-verify-email-code}) and reaches the storefront; the engine's limits hold through the
 * real server, counted apart from the reset's; a wrong setting is refused when saved.
 */
@RealKeycloak
class VerifyEmailCodeIT {

    private static final String ACTION = "marketplace-verify-email-code";
    private static final String PASSWORD = "Tq7Lm2RvXp9Zd";

    private KeycloakServer keycloak;
    private MailCatcher mail;
    private AdminApi admin;

    @BeforeEach
    void connect(KeycloakServer keycloak, MailCatcher mail, AdminApi admin) {
        this.keycloak = keycloak;
        this.mail = mail;
        this.admin = admin;
        configure(Map.of());
    }

    @AfterEach
    void restoreTheDefaults() {
        configure(Map.of());
    }

    @Test
    void aNewShopperConfirmsTheAddressWithACodeAndReachesTheStorefront() {
        Shopper shopper = Shopper.at(keycloak);
        String email = uniqueAddress("verify", "register");
        Page screen = register(shopper, email);
        assertScreen(screen);
        assertEquals("Подтвердите адрес почты", screen.heading());
        assertTrue(screen.text().contains("Мы отправили код на " + email), screen.text());
        assertTrue(screen.hasElement("#mp-resend-hint"), "the resend cooldown is announced");
        assertTrue(screen.hasElement("#mp-change-address"), "the default user profile lets the shopper edit the address");
        assertTrue(screen.hasElement("#mp-support-link"), "support is reachable without the mailbox");

        ReceivedMail codeMail = mail.waitForMails(email, 1, MAIL_WAIT).get(0);
        assertEquals("Код для подтверждения адреса почты", codeMail.subject());
        String code = codeIn(codeMail);

        Page wrong = enterCode(shopper, screen, wrongCode(code));
        assertScreen(wrong);
        assertEquals("Неверный код. Осталось 4 попытки.", wrong.errorText());

        Page atStore = enterCode(shopper, wrong, code);
        System.out.printf("[issue 12] registered %s: «%s», code mail «%s», a wrong code answered «%s», the right one led to %s%n",
                email, screen.heading(), codeMail.subject(), wrong.errorText(), atStore.location());
        assertTrue(atStore.isRedirect() && atStore.location().startsWith(REDIRECT), () -> "back at the storefront: " + atStore);
        assertTrue(atStore.locationParams().containsKey("code"), "an authorization code for the storefront");
        JsonNode user = admin.findUserByEmail(REALM, email).orElseThrow();
        assertTrue(user.path("emailVerified").asBoolean(), user.toString());
        assertEquals(0, user.path("requiredActions").size(), user.toString());
        assertEquals(1, mail.mailsTo(email).size(), "one code mail and no Keycloak verification link");
        String userId = user.path("id").asText();
        assertEquals(1, eventsOf(userId, "VERIFY_EMAIL").size(), "one VERIFY_EMAIL event");
        JsonNode error = eventsOf(userId, "VERIFY_EMAIL_ERROR").get(0);
        assertEquals("wrong_code", error.path("details").path("reason").asText(), error.toString());
        assertEquals(1, Events.await(() -> eventsOf(userId, "SEND_VERIFY_EMAIL"), 1).size(), "SEND_VERIFY_EMAIL when delivered");
    }

    @Test
    void aResendWaitsForTheCooldownAndTheNewCodeReplacesTheOldOne() {
        Shopper shopper = Shopper.at(keycloak);
        String email = uniqueAddress("verify", "resend");
        Page screen = register(shopper, email);
        String first = codeIn(mail.waitForMails(email, 1, MAIL_WAIT).get(0));

        Page refused = resend(shopper, screen);
        assertScreen(refused);
        assertEquals("Новый код можно запросить через 1 минуту.", refused.errorText());
        assertEquals(1, mail.mailsTo(email).size(), "no second mail inside the cooldown");

        configure(Map.of("resendCooldownSeconds", "0"));
        Page resent = resend(shopper, refused);
        assertScreen(resent);
        assertTrue(resent.messageText().startsWith("Мы отправили новый код"), resent.messageText());
        List<ReceivedMail> mails = mail.waitForMails(email, 2, MAIL_WAIT);
        String second = codeIn(mails.get(1));
        assertNotEquals(first, second);

        Page old = enterCode(shopper, resent, first);
        assertScreen(old);
        assertTrue(old.errorText().startsWith("Неверный код."), old.errorText());
        Page atStore = enterCode(shopper, old, second);
        assertTrue(atStore.isRedirect() && atStore.location().startsWith(REDIRECT), () -> "back at the storefront: " + atStore);
    }

    @Test
    void wrongCodesUseUpTheCodeAndOnlyANewCodeHelps() {
        Shopper shopper = Shopper.at(keycloak);
        String email = uniqueAddress("verify", "attempts");
        Page screen = register(shopper, email);
        String code = codeIn(mail.waitForMails(email, 1, MAIL_WAIT).get(0));
        Page page = screen;
        for (int i = 0; i < 5; i++) {
            page = enterCode(shopper, page, wrongCode(code));
        }
        assertEquals("Неверный код. Попытки закончились: запросите новый код.", page.errorText());
        assertFalse(page.hasElement("#mp-verify"), "no «Подтвердить» once the code is used up");
        Page after = shopper.submit(page, "#mp-verify-code-form", Map.of("code", code), "step=verify-code");
        assertScreen(after);
        assertEquals("Попытки ввода этого кода закончились. Запросите новый код.", after.errorText());
        JsonNode user = admin.findUserByEmail(REALM, email).orElseThrow();
        assertFalse(user.path("emailVerified").asBoolean(), "the right code after the attempts ran out verifies nothing");
        System.out.printf("[issue 12] 5 wrong codes: «%s»; the right code then: «%s»%n", page.errorText(), after.errorText());
    }

    @Test
    void anotherAddressGetsTheCodeAndATakenOneIsRefused() {
        Shopper taken = Shopper.at(keycloak);
        String someoneElses = uniqueAddress("verify", "taken");
        register(taken, someoneElses);

        Shopper shopper = Shopper.at(keycloak);
        String typo = uniqueAddress("verify", "typo");
        Page screen = register(shopper, typo);
        Page addressForm = shopper.submit(screen, "#mp-verify-change-form", Map.of(), "step=change-address");
        assertScreen(addressForm);
        assertEquals("Другой адрес почты", addressForm.heading());

        Page refused = shopper.submit(addressForm, "#mp-verify-address-form", Map.of("email", someoneElses));
        assertScreen(refused);
        assertTrue(refused.errorText().contains("mail"), "Keycloak's user profile refuses a taken address: " + refused.errorText());

        String fixed = uniqueAddress("verify", "fixed");
        Page codeScreen = shopper.submit(refused, "#mp-verify-address-form", Map.of("email", fixed));
        assertScreen(codeScreen);
        assertTrue(codeScreen.text().contains("Мы отправили код на " + fixed), codeScreen.text());
        String code = codeIn(mail.waitForMails(fixed, 1, MAIL_WAIT).get(0));
        Page atStore = enterCode(shopper, codeScreen, code);
        System.out.printf("[issue 12] «Изменить адрес»: a taken address answered «%s»; the new one got the code and led to %s%n",
                refused.errorText(), atStore.location());
        assertTrue(atStore.isRedirect() && atStore.location().startsWith(REDIRECT), () -> "back at the storefront: " + atStore);
        JsonNode user = admin.findUserByEmail(REALM, fixed).orElseThrow();
        assertTrue(user.path("emailVerified").asBoolean(), user.toString());
        assertTrue(admin.findUserByEmail(REALM, typo).isEmpty(), "the mistyped address is gone from the account");
    }

    @Test
    void aWrongSettingIsRefusedWhenSavedAndTheOldOneStays() {
        configure(Map.of("codeLength", "7"));
        ApiResponse refused = admin.put(configPath(), Map.of("config", Map.of("codeLength", "5", "maxAttemptsPerCode", "3")));
        System.out.printf("[issue 12] saving codeLength=5: HTTP %d %s%n", refused.status(), refused.body());
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("Code length (codeLength) must be a whole number from 6 to 10, was '5'"), refused.body());
        assertFalse(refused.body().contains("using"), "a refused save names no fallback: " + refused.body());
        JsonNode kept = admin.get(configPath()).requireSuccess("Reading the action's config").json();
        assertEquals("7", kept.path("config").path("codeLength").asText(), kept.toString());
    }

    /** Codes per account per hour, through the real store; the reset's count for the same account is untouched. */
    @Test
    void theHourlyCodeCapHoldsAndLeavesTheResetAlone() {
        configure(Map.of("resendCooldownSeconds", "0", "maxCodesPerAccountPerHour", "2"));
        Shopper shopper = Shopper.at(keycloak);
        String email = uniqueAddress("verify", "code-cap");
        Page first = register(shopper, email);
        assertScreen(first);
        Page second = resend(shopper, first);
        assertTrue(second.messageText().startsWith("Мы отправили новый код"), second.messageText());
        Page third = resend(shopper, second);
        assertScreen(third);
        assertEquals("Слишком много запросов кода. Попробуйте снова через 60 минут.", third.errorText());
        assertEquals(2, mail.waitForMails(email, 2, MAIL_WAIT).size());
        String userId = admin.findUserByEmail(REALM, email).orElseThrow().path("id").asText();
        assertTrue(eventsOf(userId, "SEND_VERIFY_EMAIL_ERROR").stream()
                .anyMatch(e -> "code_request_limit".equals(e.path("details").path("reason").asText())), "the refusal is an event");

        // «Забыли пароль?» for the same account: the reset counts in its own namespace
        Shopper resetting = Shopper.at(keycloak);
        Page login = resetting.startLogin(REALM, CLIENT, REDIRECT);
        Page resetEmail = resetting.followLink(login, "a[href*=reset-credentials]");
        Page resetCode = resetting.submit(resetEmail, "#mp-reset-email-form", Map.of("email", email));
        System.out.printf("[issue 12] codes per account per hour 2: a third request answered «%s»; the reset for the same account "
                + "then showed %s%n", third.errorText(), resetCode.templateName());
        assertEquals("marketplace-reset-code.ftl", resetCode.templateName(), resetCode.errorText());
        assertEquals(3, mail.waitForMails(email, 3, MAIL_WAIT).size(), "the reset's code was sent");
    }

    /** Wrong codes per account per hour lock the verification (new codes too) until the hour has passed. */
    @Test
    void theHourlyWrongCodeCapLocksTheVerification() {
        configure(Map.of("maxWrongCodesPerAccountPerHour", "2", "resendCooldownSeconds", "0"));
        Shopper shopper = Shopper.at(keycloak);
        String email = uniqueAddress("verify", "wrong-cap");
        Page page = register(shopper, email);
        String code = codeIn(mail.waitForMails(email, 1, MAIL_WAIT).get(0));
        page = enterCode(shopper, page, wrongCode(code));
        page = enterCode(shopper, page, wrongCode(code));
        Page locked = enterCode(shopper, page, code);
        assertScreen(locked);
        assertEquals("Слишком много неверных кодов. Попробуйте снова через 60 минут.", locked.errorText());
        Page noNewCode = resend(shopper, locked);
        System.out.printf("[issue 12] wrong codes per account per hour 2: the right code then answered «%s»; a new code «%s»%n",
                locked.errorText(), noNewCode.errorText());
        assertEquals("Слишком много неверных кодов. Попробуйте снова через 60 минут.", noNewCode.errorText());
        assertEquals(1, mail.mailsTo(email).size(), "no new code while locked");
        assertFalse(admin.findUserByEmail(REALM, email).orElseThrow().path("emailVerified").asBoolean());
    }

    /** The lifetime is judged by the server's clock. */
    @Test
    void anExpiredCodeIsRefused() throws InterruptedException {
        configure(Map.of("codeLifetimeSeconds", "5"));
        Shopper shopper = Shopper.at(keycloak);
        String email = uniqueAddress("verify", "expired");
        Page screen = register(shopper, email);
        String code = codeIn(mail.waitForMails(email, 1, MAIL_WAIT).get(0));
        Thread.sleep(5_500);
        Page expired = enterCode(shopper, screen, code);
        assertScreen(expired);
        assertEquals("Срок действия кода истёк. Запросите новый код.", expired.errorText());
        assertFalse(admin.findUserByEmail(REALM, email).orElseThrow().path("emailVerified").asBoolean());
    }

    /** Code requests per client IP per hour, counted for the address Keycloak trusts (a forged header buys nothing). */
    @Test
    void theCapPerClientAddressHolds() {
        configure(Map.of("maxCodeRequestsPerIpPerHour", "1", "resendCooldownSeconds", "0"));
        Shopper shopper = Shopper.at(keycloak).header("X-Forwarded-For", "203.0.113.77");
        String email = uniqueAddress("verify", "ip-cap");
        Page first = register(shopper, email);
        Page again = resend(shopper, first);
        assertScreen(again);
        System.out.printf("[issue 12] code requests per IP per hour 1: the request after the first answered «%s»%n", again.errorText());
        assertEquals("Слишком много запросов кода. Попробуйте снова через 60 минут.", again.errorText());
        assertTrue(mail.mailsTo(email).size() <= 1, "at most one code from this address in the hour");
    }

    // --- the steps ------------------------------------------------------------------------------------------------

    /** «Зарегистрироваться» on the storefront's login page, the form filled in, sent: the page that follows. */
    private Page register(Shopper shopper, String email) {
        Page login = shopper.startLogin(REALM, CLIENT, REDIRECT);
        Page form = shopper.followLink(login, "a[href*=login-actions/registration]");
        Map<String, String> fields = new HashMap<>();
        fields.put("username", email.substring(0, email.indexOf('@')));
        fields.put("email", email);
        fields.put("firstName", "Анна");
        fields.put("lastName", "Петрова");
        fields.put("password", PASSWORD);
        fields.put("password-confirm", PASSWORD);
        return shopper.submit(form, "#kc-register-form", fields);
    }


    private static Page resend(Shopper shopper, Page screen) {
        return shopper.submit(screen, "#mp-verify-resend-form", Map.of(), "step=resend-code");
    }





    private List<JsonNode> eventsOf(String userId, String type) {
        return admin.events(REALM, type).stream().filter(e -> userId.equals(e.path("userId").asText())).toList();
    }

    private String configPath() {
        return "/admin/realms/" + REALM + "/authentication/required-actions/" + ACTION + "/config";
    }

    /**
     * The action's settings: {@code config} over the tests' baseline, which lifts the per-IP cap (every test asks from
     * 127.0.0.1; the cap itself is tested on its own).
     */
    private void configure(Map<String, String> config) {
        Map<String, String> settings = new HashMap<>(Map.of("maxCodeRequestsPerIpPerHour", "10000"));
        settings.putAll(config);
        admin.put(configPath(), Map.of("config", settings)).requireSuccess("Configuring " + ACTION);
    }

    /** Waits for background events (a delivered mail is recorded after the request has answered). */
    private static final class Events {
        static List<JsonNode> await(java.util.function.Supplier<List<JsonNode>> events, int count) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            List<JsonNode> found = events.get();
            while (found.size() < count && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                found = events.get();
            }
            return found;
        }
    }
}
