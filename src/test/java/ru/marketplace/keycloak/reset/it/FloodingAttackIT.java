package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.resend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;

/** Attacks 18-21: flooding an account's mailbox, or many mailboxes from one source. */
class FloodingAttackIT extends MarketplaceRealmTest {

    /** Attack 18: pressing «Отправить код ещё раз» again and again sends at most the hourly cap. */
    @Test
    void resendFloodingIsCappedPerAccount(Shopper attacker) {
        ResetSettingsOverride.apply(admin, Map.of("resendCooldownSeconds", "0"));
        Account victim = ResetJourney.newAccount(admin, "flood-resend");
        Page page = requestCode(attacker, openReset(attacker), victim.email());
        for (int i = 0; i < 12; i++) {
            page = resend(attacker, page);
        }
        int mails = ResetJourney.assertMailCountSettlesAt(mail, victim.email(), 5, Duration.ofSeconds(1));
        System.out.printf("[attack 18] 13 requests in one session: %d mails; last answer: %s%n", mails, page.errorText());
        assertTrue(page.errorText().startsWith("Слишком много запросов кода. Попробуйте снова через"), page.errorText());
    }

    /** Attack 19: restarting with fresh cookie jars does not reset the per-account cap. */
    @Test
    void restartFloodingWithFreshBrowsersIsCappedPerAccount() {
        Account victim = ResetJourney.newAccount(admin, "flood-restart");
        String lastAnswer = "";
        for (int i = 0; i < 9; i++) {
            Shopper fresh = new Shopper(keycloak.baseUrl());
            Page page = requestCode(fresh, openReset(fresh), victim.email());
            lastAnswer = page.templateName() + " " + page.errorText();
        }
        int mails = ResetJourney.assertMailCountSettlesAt(mail, victim.email(), 5, Duration.ofSeconds(1));
        System.out.printf("[attack 19] 9 fresh browsers: %d mails; last answer: %s%n", mails, lastAnswer);
        assertTrue(lastAnswer.contains("Слишком много запросов кода"), lastAnswer);
    }

    /**
     * Attacks 20 and 21: one client asking codes for many addresses hits the per-IP cap, and forging
     * X-Forwarded-For (which Keycloak does not trust unless configured with proxy-headers) does not buy a new budget.
     * Exactness of the cap is proven by CodeIssuerTest; here the real server shows no forged address escapes it.
     */
    @Test
    void oneSourceAskingForManyAddressesIsCappedAndForgedForwardingHeadersDoNotHelp() {
        ResetSettingsOverride.apply(admin, Map.of("maxCodeRequestsPerIpPerHour", "5"));
        int issued = 0;
        int refused = 0;
        String refusal = "";
        for (int i = 0; i < 8; i++) {
            Shopper attacker = new Shopper(keycloak.baseUrl()).header("X-Forwarded-For", "203.0.113." + (10 + i));
            Account target = ResetJourney.newAccount(admin, "flood-ip");
            Page page = requestCode(attacker, openReset(attacker), target.email());
            if ("marketplace-reset-code.ftl".equals(page.templateName())) {
                issued++;
            } else {
                refused++;
                refusal = page.errorText();
            }
        }
        System.out.printf("[attack 20/21] 8 addresses from one source with forged X-Forwarded-For: issued=%d refused=%d (%s)%n",
                issued, refused, refusal);
        assertTrue(issued <= 5, "issued " + issued);
        assertTrue(refused >= 3);
        assertTrue(refusal.startsWith("Слишком много запросов кода"), refusal);

        List<JsonNode> limited = admin.events(ResetJourney.REALM, "RESET_PASSWORD_ERROR").stream()
                .filter(e -> "code_request_limit".equals(e.path("details").path("reason").asText())).toList();
        assertTrue(!limited.isEmpty(), "admins see the throttling");
        limited.forEach(e -> assertEquals("127.0.0.1", e.get("ipAddress").asText(), "the forged address is not believed"));
    }
}
