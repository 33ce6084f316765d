package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.choosePassword;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.ApiResponse;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilterBuilder;
import ru.marketplace.keycloak.reset.policy.breach.PasswordKeys;

/**
 * The breached-password policy in the real server: the shipped list, a file built by the command, a file that is
 * missing or broken, and the online range API (a stub on 127.0.0.1 in this JVM: nothing leaves the machine).
 */
class BreachedPasswordIT extends MarketplaceRealmTest {

    private static final String POLICY = "marketplaceBreachedPassword";
    /** Meets every composition rule and zxcvbn's score: only a breach list can refuse it. */
    private static final String LEAKED = "Vesna-2025-Leak";
    private static final String UNLISTED = "Tq7Lm2RvXp9Zd";
    private static final String BREACHED_RU = "Этот пароль встречался в утечках данных с других сайтов — придумайте другой.";

    private String policyBefore;

    @BeforeEach
    void rememberThePolicy() {
        policyBefore = admin.realm(ResetJourney.REALM).get("passwordPolicy").asText();
    }

    @AfterEach
    void restoreThePolicy() {
        admin.updateRealm(ResetJourney.REALM, Map.of("passwordPolicy", policyBefore));
    }

    @Test
    void thePolicyIsListedForAdminsAndTheRealmExportTurnsItOn() {
        boolean listed = false;
        for (JsonNode policy : admin.serverInfo().get("passwordPolicies")) {
            if (POLICY.equals(policy.get("id").asText())) {
                listed = true;
                assertEquals("Marketplace breached passwords", policy.get("displayName").asText());
                assertEquals("builtin", policy.get("defaultValue").asText());
            }
        }
        assertTrue(listed, "listed under Authentication → Policies → Password policy");
        assertTrue(policyBefore.contains(POLICY + "(builtin)"), policyBefore);
    }

    @Test
    void theShippedListJoinsTheCombinedMessageAndTheChecklistSaysSoOnlyAfterARefusal(Shopper shopper) {
        Page page = passwordScreen(shopper, "breach-shipped");
        assertNull(page.document().selectFirst("#mp-password-not-breached"), "not claimed before the form is sent");

        page = choosePassword(shopper, page, "password", "password");
        assertScreen(page, ResetJourney.PASSWORD_SCREEN);
        assertEquals(BREACHED_RU + " Пароль должен содержать хотя бы одну цифру и две заглавные буквы.", page.errorText());
        assertNotNull(page.document().selectFirst("#mp-password-not-breached"), "said after the refusal");

        page = choosePassword(shopper, page, "abcdefgh", "abcdefgh");
        assertEquals("Пароль должен содержать хотя бы одну цифру и две заглавные буквы.", page.errorText(),
                "an unlisted password gets the rules alone");
    }

    @Test
    void aListedPasswordFromABuiltFileIsRefusedAndAnUnlistedOneAccepted(Shopper shopper) throws IOException {
        usePolicy(POLICY + "(file:" + filterFile("listed.bin", LEAKED) + ")");
        Page page = passwordScreen(shopper, "breach-file");
        page = choosePassword(shopper, page, LEAKED, LEAKED);
        assertScreen(page, ResetJourney.PASSWORD_SCREEN);
        assertEquals(BREACHED_RU, page.errorText());

        Page accepted = choosePassword(shopper, page, UNLISTED, UNLISTED);
        assertTrue(accepted.isRedirect(), () -> "an unlisted password is accepted: " + accepted.errorText());
    }

    @Test
    void theAdminApiIsCheckedTooWithOrWithoutTheMarketplaceRules() throws IOException {
        Account boris = ResetJourney.newAccount(admin, "breach-admin");
        String file = filterFile("admin.bin", LEAKED);
        usePolicy(POLICY + "(file:" + file + ")");
        ApiResponse refused = admin.resetPassword(ResetJourney.REALM, boris.id(), LEAKED, false);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("This password has appeared in data breaches on other sites. Please choose another one.",
                refused.errorMessage(), "worded in the admin's language");

        admin.updateRealm(ResetJourney.REALM, Map.of("passwordPolicy", POLICY + "(file:" + file + ")"));
        ApiResponse alone = admin.resetPassword(ResetJourney.REALM, boris.id(), LEAKED, false);
        assertEquals(400, alone.status(), "the policy refuses on its own as well: " + alone.body());
        assertEquals(204, admin.resetPassword(ResetJourney.REALM, boris.id(), UNLISTED, false).status());
    }

    @Test
    void aMissingTruncatedOrForeignFileIsRefusedWhenTheAdminSavesIt() throws IOException {
        Path dir = outputDir();
        Path truncated = Path.of(filterFile("truncated.bin", LEAKED));
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        Path foreign = Files.writeString(dir.resolve("foreign.txt"), "123456\npassword\nqwerty\n".repeat(50));
        Map<Path, String> problems = Map.of(
                dir.resolve("absent.bin"), "does not exist",
                truncated, "is truncated",
                foreign, "is not a breached-password file");
        for (Map.Entry<Path, String> problem : problems.entrySet()) {
            ApiResponse refused = admin.put("/admin/realms/" + ResetJourney.REALM,
                    Map.of("passwordPolicy", withBreachPolicy("file:" + problem.getKey())));
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.errorMessage().contains(problem.getValue()), refused.body());
            System.out.printf("[breach] admin console: %s%n", refused.errorMessage());
        }
        assertEquals(policyBefore, admin.realm(ResetJourney.REALM).get("passwordPolicy").asText(), "nothing saved");
    }

    @Test
    void theOnlineCheckAsksTheRangeApiWithAPrefixAndItsSettingDecidesWhenItIsSlow() throws IOException {
        Account clara = ResetJourney.newAccount(admin, "breach-online");
        List<String> asked = new CopyOnWriteArrayList<>();
        long[] delayMillis = {0};
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/range/", exchange -> {
            String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
            asked.add(prefix + " padding=" + exchange.getRequestHeaders().getFirst("Add-Padding"));
            String leaked = PasswordKeys.sha1Hex(LEAKED);
            String body = (leaked.startsWith(prefix) ? leaked.substring(5) + ":17\r\n" : "")
                    + "0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n";
            sleep(delayMillis[0]);
            byte[] answer = body.getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            } catch (IOException tooLate) {
                // Keycloak gave up first
            }
        });
        stub.start();
        try {
            String range = "online:http://127.0.0.1:" + stub.getAddress().getPort() + "/range/ timeout:300";
            usePolicy(POLICY + "(builtin " + range + " onTimeout:refuse)");
            assertEquals(400, admin.resetPassword(ResetJourney.REALM, clara.id(), LEAKED, false).status());
            assertEquals(List.of(PasswordKeys.sha1Hex(LEAKED).substring(0, 5) + " padding=true"), asked,
                    "only the 5-digit prefix left, with padding");
            assertEquals(204, admin.resetPassword(ResetJourney.REALM, clara.id(), UNLISTED, false).status());

            delayMillis[0] = 3000;
            ApiResponse unverified = admin.resetPassword(ResetJourney.REALM, clara.id(), "Zq8Wn3TyUp5Rb", false);
            assertEquals(400, unverified.status(), "onTimeout:refuse");
            assertTrue(unverified.errorMessage().contains("try again"), unverified.body());

            usePolicy(POLICY + "(builtin " + range + " onTimeout:accept)");
            assertEquals(204, admin.resetPassword(ResetJourney.REALM, clara.id(), "Zq8Wn3TyUp5Rc", false).status(),
                    "onTimeout:accept lets it through");
        } finally {
            stub.stop(0);
        }
    }

    private Page passwordScreen(Shopper shopper, String label) {
        Account account = ResetJourney.newAccount(admin, label);
        Page codeScreen = requestCode(shopper, openReset(shopper), account.email());
        Page page = enterCode(shopper, codeScreen, codeFromMail(mail, account.email(), 1));
        assertScreen(page, ResetJourney.PASSWORD_SCREEN);
        return page;
    }

    /** Sets the realm's policy to the export's, with {@code breachPolicy} in place of the breach item. */
    private void usePolicy(String breachPolicy) {
        admin.updateRealm(ResetJourney.REALM, Map.of("passwordPolicy", withBreachPolicy(breachPolicy)));
    }

    private String withBreachPolicy(String breachItem) {
        String item = breachItem.startsWith(POLICY) ? breachItem : POLICY + "(" + breachItem + ")";
        return policyBefore.replace(POLICY + "(builtin)", item);
    }

    /** A filter file built by the project's builder, where the server (on this machine) can read it. */
    private static String filterFile(String name, String... passwords) throws IOException {
        BreachFilterBuilder builder = new BreachFilterBuilder(BreachFilterBuilder.DEFAULT_FINGERPRINT_BITS, 0);
        for (String password : passwords) {
            builder.addPassword(password);
        }
        Path file = outputDir().resolve(name);
        builder.writeTo(file);
        return file.toString();
    }

    private static Path outputDir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("test.output.dir", "target"), "breach-it")
                .toAbsolutePath());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
