package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;

/** Attacks 13-17 of the catalogue: telling existing accounts from others by content, status, cookies or time. */
class EnumerationAttackIT extends MarketplaceRealmTest {

    /** Session-bound values that legitimately differ between any two requests. */
    private static final Pattern SESSION_VALUES = Pattern.compile("(session_code|execution|tab_id|client_data|kc_locale)=[^&\"'\\s]*");

    /** Attack 13: existing, unknown, disabled, service-account and "no e-mail" addresses get identical answers. */
    @Test
    void everyKindOfAddressGetsTheSameAnswer() {
        Account existing = ResetJourney.newAccount(admin, "enum-existing");
        Account disabled = ResetJourney.newAccount(admin, "enum-disabled");
        admin.setUserEnabled(ResetJourney.REALM, disabled.id(), false);
        String serviceAddress = serviceAccountWithEmail();
        // a user without an e-mail whose username looks like an address (attack 16: look-up is by e-mail only)
        String usernameOnly = "enum-username-" + System.nanoTime() + "@shop.example";
        admin.post("/admin/realms/" + ResetJourney.REALM + "/users", Map.of("username", usernameOnly, "enabled", true,
                "firstName", "Без", "lastName", "Почты")).requireSuccess("create a user without e-mail");
        String unknown = "enum-unknown-" + System.nanoTime() + "@shop.example";

        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("existing", existing.email());
        addresses.put("unknown", unknown);
        addresses.put("disabled", disabled.email());
        addresses.put("service account", serviceAddress);
        addresses.put("username, no e-mail", usernameOnly);

        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (Map.Entry<String, String> address : addresses.entrySet()) {
            Shopper shopper = new Shopper(keycloak.baseUrl());
            Page page = requestCode(shopper, openReset(shopper), address.getValue());
            assertScreen(page, ResetJourney.CODE_SCREEN);
            fingerprints.put(address.getKey(), fingerprint(page, address.getValue(), shopper));
        }
        String reference = fingerprints.get("existing");
        fingerprints.forEach((kind, fingerprint) -> assertEquals(reference, fingerprint, kind + " differs from existing"));
        System.out.printf("[attack 13] %d kinds of address, identical status, headers, cookie names and normalised body (%d chars)%n",
                fingerprints.size(), reference.length());

        codeFromMail(mail, existing.email(), 1);
        for (String other : List.of(unknown, disabled.email(), serviceAddress, usernameOnly)) {
            ResetJourney.assertNoMailTo(mail, other, Duration.ofMillis(500));
        }
    }

    /** Attack 15: wrong-code, exhaustion and lockout answers read the same for an unknown address. */
    @Test
    void laterStepsReadTheSameForUnknownAddresses() {
        ResetSettingsOverride.apply(admin, Map.of("maxWrongCodesPerAccountPerHour", "7"));
        Account existing = ResetJourney.newAccount(admin, "enum-later");
        String unknown = "enum-later-unknown-" + System.nanoTime() + "@shop.example";
        List<String> existingAnswers = guessSevenTimes(existing.email());
        List<String> unknownAnswers = guessSevenTimes(unknown);
        System.out.printf("[attack 15] answers to 8 wrong codes, existing vs unknown: %s%n", existingAnswers);
        assertEquals(existingAnswers, unknownAnswers);
    }

    private List<String> guessSevenTimes(String address) {
        Shopper shopper = new Shopper(keycloak.baseUrl());
        Page page = requestCode(shopper, openReset(shopper), address);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if (i == 5) {
                Shopper second = new Shopper(keycloak.baseUrl());
                Page again = requestCode(second, openReset(second), address);
                answers.add("new session: " + again.templateName() + " " + again.errorText());
                page = again;
                shopper = second;
            }
            page = enterCode(shopper, page, String.format("%06d", 999990 - i));
            answers.add(page.errorText());
        }
        return answers;
    }

    /** Attack 16: an address equal to another user's username does not select that user. */
    @Test
    void anAddressThatIsSomeonesUsernameIsNotThatUser(Shopper shopper) {
        Account owner = ResetJourney.newAccount(admin, "enum-owner");
        String lookalike = "enum-lookalike-" + System.nanoTime() + "@shop.example";
        admin.post("/admin/realms/" + ResetJourney.REALM + "/users", Map.of("username", lookalike, "email", owner.email().replace("@", "+x@"),
                "enabled", true, "firstName", "Имя", "lastName", "Фамилия")).requireSuccess("create the look-alike");
        requestCode(shopper, openReset(shopper), lookalike);
        ResetJourney.assertNoMailTo(mail, owner.email().replace("@", "+x@"), Duration.ofSeconds(1));
    }

    /**
     * Attack 14: «Продолжить» takes the same time for an address with an account and one without. 50 alternating
     * requests of each kind after a warm-up; medians and 95th percentiles are reported, and stock Keycloak's
     * reset, measured the same way on the same server, is reported for comparison.
     */
    @Test
    void continueTakesTheSameTimeWhetherOrNotTheAccountExists() throws Exception {
        int rounds = 50;
        int warmUp = 10;
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < rounds + warmUp; i++) {
            accounts.add(ResetJourney.newAccount(admin, "timing"));
        }
        List<Long> existing = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < rounds + warmUp; i++) {
            long known = timeContinue(accounts.get(i).email());
            long missing = timeContinue("timing-unknown-" + i + "-" + System.nanoTime() + "@shop.example");
            if (i >= warmUp) {
                existing.add(known);
                unknown.add(missing);
            }
        }
        double medianExisting = percentile(existing, 50);
        double medianUnknown = percentile(unknown, 50);
        double difference = medianExisting - medianUnknown;
        System.out.printf("[attack 14] marketplace reset, %d alternating requests each: existing median %.1f ms p95 %.1f ms; "
                        + "unknown median %.1f ms p95 %.1f ms; median difference %.1f ms%n",
                rounds, medianExisting, percentile(existing, 95), medianUnknown, percentile(unknown, 95), difference);

        StockResetTiming stock = new StockResetTiming(keycloak, admin, mail);
        stock.measure(rounds, warmUp);

        assertTrue(Math.abs(difference) < 10.0, "median difference " + difference + " ms");
    }

    /** Times only the POST of «Продолжить», in a fresh browser, then lets the background job finish. */
    private long timeContinue(String address) throws InterruptedException {
        Shopper shopper = new Shopper(keycloak.baseUrl());
        Page emailScreen = openReset(shopper);
        long start = System.nanoTime();
        Page page = requestCode(shopper, emailScreen, address);
        long micros = (System.nanoTime() - start) / 1_000;
        assertScreen(page, ResetJourney.CODE_SCREEN);
        Thread.sleep(150);
        return micros;
    }

    static double percentile(List<Long> micros, int percentile) {
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        double rank = percentile / 100.0 * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        double value = sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
        return value / 1000.0;
    }

    /** Status, headers (minus dates and lengths), cookie names and the body with session values and the address masked. */
    private static String fingerprint(Page page, String address, Shopper shopper) {
        Map<String, List<String>> headers = new TreeMap<>(page.headers().map());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("date") || name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("set-cookie"));
        TreeSet<String> cookieNames = new TreeSet<>();
        shopper.cookies().all().forEach(cookie -> cookieNames.add(cookie.name()));
        String body = SESSION_VALUES.matcher(page.body().replace(address, "<address>")).replaceAll("$1=*");
        return page.status() + "\n" + headers + "\n" + cookieNames + "\n" + body;
    }

    private String serviceAccountWithEmail() {
        String clientId = "enum-service-" + System.nanoTime();
        admin.post("/admin/realms/" + ResetJourney.REALM + "/clients", Map.of("clientId", clientId, "publicClient", false,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false)).requireSuccess("create a service client");
        String clientUuid = admin.get("/admin/realms/" + ResetJourney.REALM + "/clients?clientId=" + clientId).json().get(0).get("id").asText();
        String userId = admin.get("/admin/realms/" + ResetJourney.REALM + "/clients/" + clientUuid + "/service-account-user").json().get("id").asText();
        String address = clientId + "@shop.example";
        admin.put("/admin/realms/" + ResetJourney.REALM + "/users/" + userId, Map.of("email", address, "firstName", "Service",
                "lastName", "Account")).requireSuccess("give the service account an e-mail");
        return address;
    }
}
