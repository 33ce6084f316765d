package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.ReceivedMail;
import ru.marketplace.keycloak.harness.Shopper;

/** «Это были не вы?»: the link in the code e-mail, its confirmation page and the cancellation behind the button. */
class NotMeIT extends MarketplaceRealmTest {


    @Test
    void openingTheLinkChangesNothingAndTheButtonCancelsTheCode(Shopper requester, Shopper owner, Shopper scanner) {
        Account anna = ResetJourney.newAccount(admin, "not-me");
        Page codeScreen = requestCode(requester, openReset(requester), anna.email());
        String code = codeFromMail(mail, anna.email(), 1);
        ReceivedMail codeMail = mail.mailsTo(anna.email()).get(0);
        assertTrue(codeMail.text().contains("Это были не вы?"), codeMail.text());
        Matcher link = ResetJourney.NOT_ME_LINK.matcher(codeMail.text());
        assertTrue(link.find(), "a link in the text part");
        assertTrue(codeMail.html().contains(link.group().replace("&", "&amp;")) || codeMail.html().contains(link.group()), "and in the HTML part");
        assertTrue(!link.group().contains(code), "the link carries no code");

        // a mail scanner follows the link: only a page with a button
        Page scanned = scanner.open(link.group());
        assertEquals(200, scanned.status());
        assertEquals("marketplace-not-me.ftl", scanned.templateName());
        assertEquals("Это были не вы?", scanned.heading());
        assertTrue(scanned.hasElement("#mp-not-me-cancel"));

        Page cancelled = owner.submit(owner.open(link.group()), "#mp-not-me-form", Map.of());
        assertEquals(200, cancelled.status());
        assertTrue(cancelled.document().selectFirst("#mp-not-me-text").text().startsWith("Готово: код отменён"), cancelled.text());

        Page refused = enterCode(requester, codeScreen, code);
        assertScreen(refused, "marketplace-reset-code.ftl");
        assertTrue(refused.errorText().startsWith("Этот код больше не действует"), refused.errorText());

        Page reused = owner.open(link.group());
        assertTrue(reused.document().selectFirst("#mp-not-me-text").text().startsWith("Ссылка устарела"), "the link works once");
        assertTrue(!reused.hasElement("#mp-not-me-form"));

        boolean recorded = admin.events(ResetJourney.REALM, "RESET_PASSWORD_ERROR").stream()
                .anyMatch(e -> anna.id().equals(e.path("userId").asText()) && "reset_cancelled".equals(e.path("error").asText())
                        && "not_requested_by_owner".equals(e.path("details").path("reason").asText()));
        assertTrue(recorded, "admins see that the owner did not ask for the reset");
        System.out.printf("[not-me] GET changed nothing, POST voided the code, reopened link refused, event recorded%n");
    }

    @Test
    void onlyOpeningTheLinkLeavesTheCodeValid(Shopper requester, Shopper scanner) {
        Account boris = ResetJourney.newAccount(admin, "not-me-scan");
        Page codeScreen = requestCode(requester, openReset(requester), boris.email());
        String code = codeFromMail(mail, boris.email(), 1);
        Matcher link = ResetJourney.NOT_ME_LINK.matcher(mail.mailsTo(boris.email()).get(0).text());
        assertTrue(link.find());
        scanner.open(link.group());
        scanner.open(link.group());
        assertScreen(enterCode(requester, codeScreen, code), "marketplace-new-password.ftl");
    }

    @Test
    void forgedOrMalformedTokensGetAPlainPage(Shopper stranger) {
        for (String token : List.of("", "x", "AAAAAAAAAAAAAAAAAAAAAA", "<script>", "a".repeat(5000))) {
            Page page = stranger.open(keycloak.realmUrl(ResetJourney.REALM) + "/marketplace-reset/not-me?token="
                    + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, page.status(), token);
            assertTrue(page.document().selectFirst("#mp-not-me-text").text().startsWith("Ссылка устарела"), page.text());
        }
        Page post = stranger.post(keycloak.realmUrl(ResetJourney.REALM) + "/marketplace-reset/not-me", "token=AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(200, post.status());
        assertTrue(post.document().selectFirst("#mp-not-me-text").text().startsWith("Ссылка устарела"));
    }
}
