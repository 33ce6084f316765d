package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.harness.FaultySmtpServer;
import ru.marketplace.keycloak.harness.FaultySmtpServer.Fault;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;

/**
 * Issue 10: the code mail survives a mail server that is silent, refuses for a while or drops the connection,
 * and is not retried when refused for good. The realm's SMTP points at a {@link FaultySmtpServer} in front of
 * the tests' mail catcher; Keycloak's own SMTP timeouts (10 s) apply.
 */
class MailDeliveryFaultIT extends MarketplaceRealmTest {

    /** Silent connections time out after 10 s and retries wait up to 30 s: a recovered server gets the mail within a minute. */
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(90);
    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    private FaultySmtpServer smtp;
    private JsonNode original;

    @BeforeEach
    void pointTheRealmAtAFaultyServer() {
        smtp = FaultySmtpServer.inFrontOf(mail);
        original = admin.realm(ResetJourney.REALM).get("smtpServer");
        admin.updateRealm(ResetJourney.REALM, Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", Integer.toString(smtp.port()),
                "from", original.get("from").asText(), "fromDisplayName", "Маркетплейс")));
    }

    @AfterEach
    void restoreTheRealmsServer() {
        admin.updateRealm(ResetJourney.REALM, Map.of("smtpServer", Map.of("host", original.get("host").asText(),
                "port", original.get("port").asText(), "from", original.get("from").asText(), "fromDisplayName", "Маркетплейс")));
        smtp.close();
    }

    @Test
    void codesAskedForWhileTheServerIsSilentArriveAfterItRecovers() throws Exception {
        smtp.fault(Fault.SILENT);
        List<Shopper> shoppers = new ArrayList<>();
        List<Page> screens = new ArrayList<>();
        List<ResetJourney.Account> accounts = new ArrayList<>();
        List<Long> answerMillis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ResetJourney.Account account = ResetJourney.newAccount(admin, "silent-smtp");
            Shopper shopper = Shopper.at(keycloak);
            Page emailScreen = openReset(shopper);
            long start = System.nanoTime();
            Page codeScreen = requestCode(shopper, emailScreen, account.email());
            answerMillis.add((System.nanoTime() - start) / 1_000_000);
            assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
            shoppers.add(shopper);
            screens.add(codeScreen);
            accounts.add(account);
        }
        Thread.sleep(20_000);
        smtp.fault(Fault.NONE);
        long recovered = System.nanoTime();
        int arrived = 0;
        for (int i = 0; i < accounts.size(); i++) {
            String code = codeIn(accounts.get(i).email(), AFTER_RECOVERY);
            assertScreen(enterCode(shoppers.get(i), screens.get(i), code), ResetJourney.PASSWORD_SCREEN);
            arrived++;
        }
        long lastArrival = (System.nanoTime() - recovered) / 1_000_000;
        answerMillis.sort(null);
        System.out.printf("[issue 10] silent server for 20 s: «Продолжить» median %d ms; %d of 10 codes arrived, the last %d ms"
                + " after recovery; %d connections to the silent server%n", answerMillis.get(5), arrived, lastArrival,
                smtp.connections(Fault.SILENT));
        assertEquals(10, arrived);
        for (ResetJourney.Account account : accounts) {
            assertEquals(1, mail.mailsTo(account.email()).size(), "exactly one code mail to " + account.email());
        }
    }

    @Test
    void aTemporaryRefusalIsRetried() throws Exception {
        for (Fault fault : List.of(Fault.RCPT_451, Fault.GREETING_421, Fault.DROP_IN_DATA)) {
            smtp.fault(fault);
            ResetJourney.Account account = ResetJourney.newAccount(admin, "smtp-" + fault.name().toLowerCase(java.util.Locale.ROOT));
            Shopper shopper = Shopper.at(keycloak);
            Page codeScreen = requestCode(shopper, openReset(shopper), account.email());
            assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
            JsonNode retrying = waitForEvent("SEND_RESET_PASSWORD_ERROR", account.id());
            Thread.sleep(5_000);
            smtp.fault(Fault.NONE);
            long recovered = System.nanoTime();
            String code = codeIn(account.email(), AFTER_RECOVERY);
            System.out.printf("[issue 10] %s: event «%s», %d connections refused, code arrived %d ms after recovery%n", fault,
                    retrying.path("details").path("reason").asText(), smtp.connections(fault), (System.nanoTime() - recovered) / 1_000_000);
            assertTrue(retrying.path("details").path("reason").asText().startsWith("retrying: "), retrying.toString());
            assertTrue(smtp.connections(fault) >= 2, fault + " was tried once only");
            assertScreen(enterCode(shopper, codeScreen, code), ResetJourney.PASSWORD_SCREEN);
            assertEquals(1, mail.mailsTo(account.email()).size());
        }
    }

    @Test
    void aKeptConnectionCarriesTheNextCodesAndARestartedServerLosesNone() throws Exception {
        int codes = 6;
        for (int i = 0; i < codes; i++) {
            ResetJourney.Account account = ResetJourney.newAccount(admin, "kept-smtp");
            Shopper shopper = Shopper.at(keycloak);
            Page codeScreen = requestCode(shopper, openReset(shopper), account.email());
            assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
            codeIn(account.email(), Duration.ofSeconds(30)); // one after the other: the connection is back before the next
        }
        int opened = smtp.connections(Fault.NONE);

        smtp.fault(Fault.NONE); // the server restarts: every open connection is closed under the kept one
        ResetJourney.Account afterRestart = ResetJourney.newAccount(admin, "kept-smtp-restart");
        Shopper shopper = Shopper.at(keycloak);
        Page codeScreen = requestCode(shopper, openReset(shopper), afterRestart.email());
        long asked = System.nanoTime();
        String code = codeIn(afterRestart.email(), Duration.ofSeconds(30));
        long arrivedMillis = (System.nanoTime() - asked) / 1_000_000;
        List<JsonNode> errors = admin.events(ResetJourney.REALM, "SEND_RESET_PASSWORD_ERROR").stream()
                .filter(e -> afterRestart.id().equals(e.path("userId").asText())).toList();
        System.out.printf("[issue 9] %d code mails one after another over %d SMTP connection(s); after a server restart the "
                + "next code arrived in %d ms over a new connection, %d delivery errors%n", codes, opened, arrivedMillis, errors.size());
        assertTrue(opened < codes, "kept connections carry more than one mail: " + opened + " connections for " + codes + " mails");
        assertEquals(List.of(), errors, "the closed kept connection was noticed before the mail, not by a failed attempt");
        assertScreen(enterCode(shopper, codeScreen, code), ResetJourney.PASSWORD_SCREEN);
    }

    /**
     * Issue 10, item 2, and attack 14 during an outage: while the mail server never greets, «Продолжить» answers as
     * fast as when it works, and as fast for an address with an account (whose mail then waits in the queue) as for
     * one without. Alternating pairs, first with the server working, then silent; the request thread never waits
     * on SMTP (it would take Jakarta Mail's 10 s timeout if it did).
     */
    @Test
    void continueKeepsItsTimeAndTellsNoAccountApartWhileTheServerIsSilent() throws Exception {
        int pairs = 20;
        Map<Fault, List<List<Long>>> timings = new java.util.EnumMap<>(Fault.class);
        List<String> askedDuringTheOutage = new ArrayList<>();
        for (Fault fault : List.of(Fault.NONE, Fault.SILENT)) {
            smtp.fault(fault);
            List<Long> existing = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            for (int i = 0; i < pairs + 3; i++) { // the first 3 pairs warm up
                String address = ResetJourney.newAccount(admin, "timing-" + fault.name().toLowerCase(java.util.Locale.ROOT)).email();
                if (fault == Fault.SILENT) {
                    askedDuringTheOutage.add(address);
                }
                long known = timeContinue(address);
                long missing = timeContinue("timing-unknown-" + fault.name().toLowerCase(java.util.Locale.ROOT) + "-" + i + "-"
                        + System.nanoTime() + "@shop.example");
                if (i >= 3) {
                    existing.add(known);
                    unknown.add(missing);
                }
            }
            timings.put(fault, List.of(existing, unknown));
        }
        smtp.fault(Fault.NONE);
        // Every code asked for during the outage still arrives; waiting for them also keeps their retries from
        // reaching the server the next test points the realm at.
        long recovered = System.nanoTime();
        for (String address : askedDuringTheOutage) {
            codeIn(address, AFTER_RECOVERY);
        }
        System.out.printf("[issue 10] the %d codes asked for during the outage arrived, the last %d ms after recovery%n",
                askedDuringTheOutage.size(), (System.nanoTime() - recovered) / 1_000_000);
        for (Fault fault : timings.keySet()) {
            List<Long> existing = timings.get(fault).get(0);
            List<Long> unknown = timings.get(fault).get(1);
            System.out.printf("[issue 10, attack 14] mail server %s: «Продолжить» for an existing address median %.1f ms, p95 %.1f; "
                            + "for an unknown one median %.1f ms, p95 %.1f (%d alternating pairs)%n", fault == Fault.NONE ? "working" : "silent",
                    EnumerationAttackIT.percentile(existing, 50), EnumerationAttackIT.percentile(existing, 95),
                    EnumerationAttackIT.percentile(unknown, 50), EnumerationAttackIT.percentile(unknown, 95), pairs);
        }
        List<Long> silentExisting = timings.get(Fault.SILENT).get(0);
        List<Long> silentUnknown = timings.get(Fault.SILENT).get(1);
        double difference = EnumerationAttackIT.percentile(silentExisting, 50) - EnumerationAttackIT.percentile(silentUnknown, 50);
        assertTrue(Math.abs(difference) < 10.0, "during the outage the median differs by " + difference + " ms");
        assertTrue(EnumerationAttackIT.percentile(silentExisting, 95) < 1_000, "the request never waits on the silent server");
        for (String address : askedDuringTheOutage) {
            assertEquals(1, mail.mailsTo(address).size(), "exactly one code mail to " + address);
        }
    }

    /** Issue 10, item 7: a relay that holds every reply 1.5 s still gets every code; «Продолжить» does not wait for it. */
    @Test
    void aSlowServerStillGetsEveryCode() throws Exception {
        smtp.fault(Fault.SLOW);
        List<ResetJourney.Account> accounts = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        long asked = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            ResetJourney.Account account = ResetJourney.newAccount(admin, "slow-smtp");
            answers.add(timeContinue(account.email()));
            accounts.add(account);
        }
        long slowest = 0;
        for (ResetJourney.Account account : accounts) {
            codeIn(account.email(), Duration.ofSeconds(60));
            slowest = Math.max(slowest, (System.nanoTime() - asked) / 1_000_000);
        }
        smtp.fault(Fault.NONE);
        System.out.printf("[issue 10] slow server (every reply held %d ms): «Продолжить» median %.1f ms; 6 of 6 codes arrived, "
                        + "the last %d ms after the first request, over %d connections%n", FaultySmtpServer.SLOW_REPLY.toMillis(),
                EnumerationAttackIT.percentile(answers, 50), slowest, smtp.connections(Fault.SLOW));
        for (ResetJourney.Account account : accounts) {
            assertEquals(1, mail.mailsTo(account.email()).size(), "exactly one code mail to " + account.email());
        }
        assertTrue(EnumerationAttackIT.percentile(answers, 95) < 1_000, "the request never waits on the slow server");
    }

    /** Times only the POST of «Продолжить», in microseconds, in a fresh browser. */
    private long timeContinue(String address) {
        Shopper shopper = Shopper.at(keycloak);
        Page emailScreen = openReset(shopper);
        long start = System.nanoTime();
        Page page = requestCode(shopper, emailScreen, address);
        long micros = (System.nanoTime() - start) / 1_000;
        assertScreen(page, ResetJourney.CODE_SCREEN);
        return micros;
    }

    @Test
    void aPermanentRefusalIsNotRetried() throws Exception {
        smtp.fault(Fault.RCPT_550);
        ResetJourney.Account account = ResetJourney.newAccount(admin, "smtp-550");
        Shopper shopper = Shopper.at(keycloak);
        assertScreen(requestCode(shopper, openReset(shopper), account.email()), ResetJourney.CODE_SCREEN);
        JsonNode refused = waitForEvent("SEND_RESET_PASSWORD_ERROR", account.id());
        Thread.sleep(8_000); // a retry would have come by now
        System.out.printf("[issue 10] 550: event «%s», %d attempt(s) for the address, %d connection(s) in all%n",
                refused.path("details").path("reason").asText(), smtp.recipientAttempts(Fault.RCPT_550, account.email()),
                smtp.connections(Fault.RCPT_550));
        assertTrue(refused.path("details").path("reason").asText().startsWith("refused: 550 5.1.1"), refused.toString());
        // counted by address: another test's mail still retrying may reach this server too (the CI run of 4fd71b8)
        assertEquals(1, smtp.recipientAttempts(Fault.RCPT_550, account.email()));
    }

    /** Issue 10, item 5: once the queue gave up on the code mail, «Отправить код ещё раз» works without the cooldown. */
    @Test
    void aResendAfterTheMailWasAbandonedWorksAtOnce() {
        smtp.fault(Fault.RCPT_550);
        ResetJourney.Account account = ResetJourney.newAccount(admin, "abandoned-resend");
        Shopper shopper = Shopper.at(keycloak);
        Page codeScreen = requestCode(shopper, openReset(shopper), account.email());
        long asked = System.nanoTime();
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        assertTrue(codeScreen.hasElement("#mp-resend-hint"), "the first screen announces the cooldown, whatever becomes of the mail");
        JsonNode dropped = waitForEvent("SEND_RESET_PASSWORD_ERROR", account.id());
        long droppedAfter = (System.nanoTime() - asked) / 1_000_000;
        smtp.fault(Fault.NONE);

        Page resent = ResetJourney.resend(shopper, codeScreen);
        long resentAfter = (System.nanoTime() - asked) / 1_000_000;
        assertScreen(resent, ResetJourney.CODE_SCREEN);
        String code = codeIn(account.email(), ResetJourney.MAIL_WAIT);
        Page next = enterCode(shopper, resent, code);
        System.out.printf("[issue 10] code mail refused (event «%s» %d ms after the request): «Отправить код ещё раз» %d ms after "
                + "the request (cooldown 60 s) answered «%s»; the new code arrived and led to %s%n",
                dropped.path("details").path("reason").asText(), droppedAfter, resentAfter, resent.messageText(), next.templateName());
        assertTrue(dropped.path("details").path("reason").asText().startsWith("refused: 550"), dropped.toString());
        assertTrue(resentAfter < 60_000, "inside the cooldown");
        assertTrue(resent.messageText().startsWith("Мы отправили новый код"), resent.messageText());
        assertScreen(next, ResetJourney.PASSWORD_SCREEN);
        assertEquals(1, mail.mailsTo(account.email()).size(), "the refused mail never arrived; the new one did");
    }

    /** The control: a code mail that was delivered keeps the cooldown, so the rule above is the abandonment's doing. */
    @Test
    void aResendAfterADeliveredMailWaitsForTheCooldown() {
        ResetJourney.Account account = ResetJourney.newAccount(admin, "delivered-resend");
        Shopper shopper = Shopper.at(keycloak);
        Page codeScreen = requestCode(shopper, openReset(shopper), account.email());
        codeIn(account.email(), ResetJourney.MAIL_WAIT);
        Page refused = ResetJourney.resend(shopper, codeScreen);
        System.out.printf("[issue 10] code mail delivered: an immediate «Отправить код ещё раз» answered «%s»%n", refused.errorText());
        assertScreen(refused, ResetJourney.CODE_SCREEN);
        assertTrue(refused.errorText().startsWith("Новый код можно запросить через"), refused.errorText());
        assertEquals(1, mail.mailsTo(account.email()).size(), "no second mail inside the cooldown");
    }

    private String codeIn(String address, Duration wait) {
        String text = mail.waitForMails(address, 1, wait).get(0).text();
        Matcher m = CODE.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    private JsonNode waitForEvent(String type, String userId) {
        return ResetJourney.waitForEvent(admin, type, userId, Duration.ofSeconds(30));
    }
}
