package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.choosePassword;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.ApiResponse;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;

/** The marketplace password policy in the real server: on the reset's new-password screen and for an admin. */
class PasswordPolicyIT extends MarketplaceRealmTest {

    @Test
    void thePolicyIsListedForAdminsAndUsedByTheRealm() {
        JsonNode policies = admin.serverInfo().get("passwordPolicies");
        boolean listed = false;
        for (JsonNode policy : policies) {
            if ("marketplacePassword".equals(policy.get("id").asText())) {
                listed = true;
                assertEquals("Marketplace password rules", policy.get("displayName").asText());
                assertEquals("8-20 digits:1 upper:2 lower:2 score:2", policy.get("defaultValue").asText());
            }
        }
        assertTrue(listed, "listed under Authentication → Policies → Password policy");
        assertTrue(admin.realm(ResetJourney.REALM).get("passwordPolicy").asText().startsWith("marketplacePassword("));
    }

    @Test
    void theResetScreenShowsTheRulesAndRefusesEachKindOfBadPassword(Shopper shopper) {
        Account anna = ResetJourney.newAccount(admin, "policy-reset");
        Page codeScreen = requestCode(shopper, openReset(shopper), anna.email());
        Page page = enterCode(shopper, codeScreen, codeFromMail(mail, anna.email(), 1));
        assertScreen(page, ResetJourney.PASSWORD_SCREEN);
        assertTrue(page.document().selectFirst("#mp-password-rules").text().startsWith(
                "Пароль должен содержать от 8 до 20 символов, хотя бы одну цифру, две заглавные и две строчные буквы."),
                "rules shown before typing, with the realm's numbers");

        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("Ab1cD", "Пароль должен содержать от 8 до 20 символов.");
        refusals.put("abcdefgh", "Пароль должен содержать хотя бы одну цифру и две заглавные буквы.");
        refusals.put("Abcdefg12", "Пароль должен содержать хотя бы две заглавные буквы.");
        refusals.put("ABCDEFg12", "Пароль должен содержать хотя бы две строчные буквы.");
        refusals.put("ABcdefghijklmnopqrst1", "Пароль должен содержать от 8 до 20 символов.");
        refusals.put(" ABcd12345", "Пароль не может начинаться или заканчиваться пробелом.");
        refusals.put("ABcd\t12345", "Пароль не может содержать переводы строк, табуляцию и другие управляющие символы.");
        refusals.put("QWerty12", "Этот пароль слишком простой: его легко угадать.");
        refusals.put("PAssword1", "Этот пароль слишком простой: его легко угадать.");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            page = choosePassword(shopper, page, refusal.getKey(), refusal.getKey());
            assertScreen(page, ResetJourney.PASSWORD_SCREEN);
            assertEquals(refusal.getValue(), page.errorText(), "for " + refusal.getKey());
        }
        page = choosePassword(shopper, page, "пароль", "пароль");
        assertTrue(page.errorText().startsWith("Похоже, включена русская раскладка."), page.errorText());

        Page accepted = choosePassword(shopper, page, "Tq7Lm2RvXp9Zd", "Tq7Lm2RvXp9Zd");
        assertTrue(accepted.isRedirect(), () -> "a valid password is accepted: " + accepted.errorText());
    }

    @Test
    void anAdminSettingABadPasswordIsRefusedToo() {
        Account boris = ResetJourney.newAccount(admin, "policy-admin");
        ApiResponse weak = admin.resetPassword(ResetJourney.REALM, boris.id(), "QWerty12", false);
        assertEquals(400, weak.status(), weak.body());
        ApiResponse noDigit = admin.resetPassword(ResetJourney.REALM, boris.id(), "abcdefgh", false);
        assertEquals(400, noDigit.status(), noDigit.body());
        System.out.printf("[policy] admin API refusals: %s | %s%n", weak.errorMessage(), noDigit.errorMessage());
        assertEquals("The password must have at least one digit and two uppercase letters.", noDigit.errorMessage(),
                "worded in the admin's language throughout");
        assertEquals(204, admin.resetPassword(ResetJourney.REALM, boris.id(), "Tq7Lm2RvXp9Zd", false).status());
    }

    @Test
    void aMalformedPolicyIsRefusedWhenTheAdminSavesIt() {
        String before = admin.realm(ResetJourney.REALM).get("passwordPolicy").asText();
        ApiResponse refused = admin.put("/admin/realms/" + ResetJourney.REALM, Map.of("passwordPolicy", "marketplacePassword(20-8)"));
        assertEquals(400, refused.status(), refused.body());
        System.out.printf("[policy] malformed config refused: %s%n", refused.body());
        assertEquals(before, admin.realm(ResetJourney.REALM).get("passwordPolicy").asText(), "nothing was saved");
    }
}
