package ru.marketplace.keycloak.reset.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.KeycloakServer;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;

/**
 * The baseline for the timing test: Keycloak's own reset ("Forgot password?" → username → link by e-mail) in a
 * realm with stock flows on the same server and the same SMTP server, timed the same way. Reported, not asserted.
 */
final class StockResetTiming {

    private static final String REALM = "stock-reset";
    private static final String CLIENT = "stock-app";

    private final KeycloakServer keycloak;
    private final AdminApi admin;
    private final MailCatcher mail;

    StockResetTiming(KeycloakServer keycloak, AdminApi admin, MailCatcher mail) {
        this.keycloak = keycloak;
        this.admin = admin;
        this.mail = mail;
    }

    void measure(int rounds, int warmUp) throws InterruptedException {
        createRealm();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < rounds + warmUp; i++) {
            String unique = "stock-" + i + "-" + System.nanoTime();
            admin.createUser(REALM, unique, unique + "@shop.example", "Tq7Lm2RvXp9Zd", "Анна", "Петрова");
            emails.add(unique + "@shop.example");
        }
        List<Long> existing = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < rounds + warmUp; i++) {
            long known = timeForgotPassword(emails.get(i));
            long missing = timeForgotPassword("stock-unknown-" + i + "-" + System.nanoTime() + "@shop.example");
            if (i >= warmUp) {
                existing.add(known);
                unknown.add(missing);
            }
        }
        double medianExisting = EnumerationAttackIT.percentile(existing, 50);
        double medianUnknown = EnumerationAttackIT.percentile(unknown, 50);
        System.out.printf("[attack 14] stock Keycloak reset, same server: existing median %.1f ms p95 %.1f ms; "
                        + "unknown median %.1f ms p95 %.1f ms; median difference %.1f ms; mails sent %d%n",
                medianExisting, EnumerationAttackIT.percentile(existing, 95), medianUnknown,
                EnumerationAttackIT.percentile(unknown, 95), medianExisting - medianUnknown,
                emails.stream().mapToInt(email -> mail.mailsTo(email).size()).sum());
    }

    private long timeForgotPassword(String address) throws InterruptedException {
        Shopper shopper = new Shopper(keycloak.baseUrl());
        Page login = shopper.startLogin(REALM, CLIENT, "http://localhost:3000/stock");
        Page form = shopper.followLink(login, "a[href*=reset-credentials]");
        long start = System.nanoTime();
        shopper.submit(form, "#kc-reset-password-form", Map.of("username", address));
        long micros = (System.nanoTime() - start) / 1_000;
        Thread.sleep(150);
        return micros;
    }

    private void createRealm() {
        JsonNode smtp = admin.realm(ResetJourney.REALM).get("smtpServer");
        Map<String, Object> realm = Map.of(
                "realm", REALM, "enabled", true, "resetPasswordAllowed", true, "loginWithEmailAllowed", true,
                "smtpServer", Map.of("host", smtp.get("host").asText(), "port", smtp.get("port").asText(),
                        "from", "no-reply@stock.example"),
                "clients", List.of(Map.of("clientId", CLIENT, "publicClient", true, "standardFlowEnabled", true,
                        "redirectUris", List.of("http://localhost:3000/*"))));
        int status = admin.post("/admin/realms", realm).status();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create the stock realm: HTTP " + status);
        }
    }
}
