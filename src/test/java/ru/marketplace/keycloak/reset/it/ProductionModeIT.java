package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.choosePassword;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import ru.marketplace.keycloak.reset.it.ResetJourney.Account;
import ru.marketplace.keycloak.harness.production.OptimizedDistribution;
import ru.marketplace.keycloak.harness.production.PostgresServer;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.FreePorts;
import ru.marketplace.keycloak.harness.HarnessSettings;
import ru.marketplace.keycloak.harness.KeycloakLauncher;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;
import ru.marketplace.keycloak.harness.TokenResponse;

/**
 * The extension run the way an operator runs it: PostgreSQL, the jar in {@code providers/}, {@code kc.sh build
 * --db=postgres --health-enabled=true}, {@code kc.sh start --optimized} with the database and the other runtime
 * options, the realm imported, and a shopper resetting the password through it. Runs in failsafe's
 * {@code production-mode} execution, after the dev-mode tests' Keycloak has stopped (tag "production").
 */
@Tag("production")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionModeIT {

    private static final String NEW_PASSWORD = ResetJourney.STRONG_PASSWORD;
    /** What an operator builds with; ClusterIT and the load benchmark use the same, so one build serves all. */
    static final List<String> BUILD_OPTIONS = OptimizedDistribution.OPERATOR_BUILD_OPTIONS;

    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private Instant started;
    private PostgresServer postgres;
    private PostgresServer.Database database;
    private MailCatcher mail;
    private KeycloakLauncher keycloak;
    private AdminApi admin;

    @BeforeAll
    void installAndStart() {
        started = Instant.now();
        HarnessSettings harness = HarnessSettings.fromSystemProperties();
        Path output = harness.outputDir();

        Instant t = Instant.now();
        postgres = PostgresServer.start(output.resolve("postgres-it"), output.resolve("postgres-it.log"));
        database = postgres.createDatabase("keycloak", "keycloak");
        timings.put("PostgreSQL initdb + start + CREATE DATABASE", since(t));

        t = Instant.now();
        Path home = OptimizedDistribution.build(harness.keycloakHome(), output.resolve("keycloak-prod"),
                harness.providerJar(), BUILD_OPTIONS,
                output.resolve("keycloak-prod-build.log"));
        timings.put("kc.sh build (or ClusterIT's identical build reused)", since(t));

        mail = MailCatcher.start();
        int port = FreePorts.pick();
        keycloak = KeycloakLauncher.builder()
                .home(home)
                .httpPort(port)
                .realmExportDir(harness.realmExportDir())
                .logFile(output.resolve("keycloak-prod.log"))
                .smtp(mail.host(), mail.port())
                .env("KC_DB_PASSWORD", database.password()) // not on the command line, where `ps` shows it
                .optimizedStart(List.of(
                        "--db-url=" + database.jdbcUrl(),
                        "--db-username=" + database.username(),
                        "--http-enabled=true",       // TLS ends at the operator's proxy; the test speaks plain HTTP
                        "--hostname=http://127.0.0.1:" + port, // as an operator sets https://id.marketplace.example
                        "--cache=local"))            // one node; a cluster keeps the default (ispn + JGroups)
                .start();
        timings.put("kc.sh start --optimized (until it answers)", keycloak.startupTime());
        admin = AdminApi.connect(keycloak);
        System.out.printf("[prod-it] %s on %s%n", keycloak, postgres);
    }

    @AfterAll
    void stopAndDropTheDatabase() {
        Instant t = Instant.now();
        try {
            if (keycloak != null) {
                keycloak.stop();
            }
            if (mail != null) {
                mail.stop();
            }
            if (postgres != null && database != null) {
                postgres.dropDatabase(database); // also proves Keycloak let go of every connection
            }
        } finally {
            if (postgres != null) {
                postgres.stop();
            }
        }
        timings.put("stop Keycloak, DROP DATABASE, stop PostgreSQL", since(t));
        timings.forEach((step, took) -> System.out.printf("[prod-it] %-52s %5.1f s%n", step, took.toMillis() / 1000.0));
        System.out.printf("[prod-it] %-52s %5.1f s%n", "total", since(started).toMillis() / 1000.0);
    }

    @Test
    @Order(1)
    void keycloakRunsOptimizedInProductionModeOnPostgres() throws Exception {
        String log = keycloak.log();
        assertTrue(log.contains("Profile prod activated"), () -> "not production mode:\n" + keycloak.logTail(40));
        assertFalse(log.contains("Running the server in development mode"));
        assertFalse(log.contains("Updating the configuration and installing your custom providers"),
                "--optimized must not re-build: the build step already holds the provider");
        assertTrue(log.contains("Realm 'marketplace' imported"), () -> keycloak.logTail(40));

        JsonNode health = readiness();
        assertEquals("UP", health.path("status").asText(), health::toString);

        // Keycloak's tables live in the operator's database, and the realm landed there
        assertEquals("1", postgres.psql(database.name(), "SELECT count(*) FROM realm WHERE name = 'marketplace'"));
        JsonNode providers = admin.serverInfo().path("providers").path("authenticator").path("providers");
        assertTrue(providers.has(ResetJourney.AUTHENTICATOR), "the built distribution carries the extension");
    }

    @Test
    @Order(2)
    void aShopperResetsThePasswordThroughTheProductionServer() {
        Shopper shopper = Shopper.at(keycloak);
        Account account = ResetJourney.newAccount(admin, "prod");

        Page codeScreen = requestCode(shopper, openReset(shopper), account.email());
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        Page passwordScreen = enterCode(shopper, codeScreen, codeFromMail(mail, account.email(), 1));
        assertScreen(passwordScreen, ResetJourney.PASSWORD_SCREEN);
        Page backAtStore = choosePassword(shopper, passwordScreen, NEW_PASSWORD, NEW_PASSWORD);

        TokenResponse tokens = shopper.exchangeCode(backAtStore, ResetJourney.REALM, ResetJourney.CLIENT,
                ResetJourney.REDIRECT);
        assertEquals(account.email(), tokens.idTokenClaims().path("email").asText());
        assertEquals("Ваш пароль изменён",
                mail.waitForMails(account.email(), 2, ResetJourney.MAIL_WAIT).get(1).subject());
        // written to PostgreSQL, not kept in memory: the verified address is in the user table
        assertEquals("t", postgres.psql(database.name(),
                "SELECT email_verified FROM user_entity WHERE email = '" + account.email() + "'"));

        Page signedIn = ResetJourney.signIn(Shopper.at(keycloak), account.email(), NEW_PASSWORD);
        assertTrue(signedIn.isRedirect(), () -> "the new password signs in: " + signedIn);
    }

    /**
     * Attack 39: a forged {@code Host} header. With {@code --hostname} set, as production requires, every URL
     * Keycloak writes, the «Это были не вы?» link in the code e-mail included, names the configured host.
     */
    @Test
    @Order(3)
    void aForgedHostHeaderReachesNeitherThePagesNorTheMail() {
        Account account = ResetJourney.newAccount(admin, "prod-host");
        Shopper attacker = Shopper.at(keycloak).header("Host", "evil.example");
        Page codeScreen = requestCode(attacker, openReset(attacker), account.email());
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        assertFalse(codeScreen.body().contains("evil.example"), "no URL on the page names the forged host");

        String codeMail = mail.waitForMails(account.email(), 1, ResetJourney.MAIL_WAIT).get(0).text();
        Matcher link = Pattern.compile("https?://[^\\s/]+/realms/\\S+/not-me\\?token=\\S+").matcher(codeMail);
        assertTrue(link.find(), codeMail);
        System.out.printf("[attack 39] request with Host: evil.example -> mail link %s%n", link.group().replaceAll("token=.*", "token=…"));
        assertTrue(link.group().startsWith(keycloak.baseUrl() + "/realms/"), link.group());
        assertFalse(codeMail.contains("evil.example"));
    }

    /**
     * What an operator alerts on: with {@code --metrics-enabled} and {@code --event-metrics-user-enabled}, the
     * flow's events are counted by Keycloak's user-event metrics on the management port, per event and error.
     */
    @Test
    @Order(4)
    void resetActivityIsCountedInTheMetrics() throws Exception {
        Shopper guesser = Shopper.at(keycloak);
        Account account = ResetJourney.newAccount(admin, "prod-metrics");
        Page codeScreen = requestCode(guesser, openReset(guesser), account.email());
        String code = codeFromMail(mail, account.email(), 1);
        enterCode(guesser, codeScreen, ResetJourney.wrongCode(code));

        String wrongCodes = "keycloak_user_events_total{error=\"invalid_code\",event=\"reset_password\",realm=\"marketplace\"}";
        List<String> counters = awaitMetrics("keycloak_user_events_total", lines -> count(lines, wrongCodes) >= 1);
        System.out.printf("[prod-it] user-event metrics of the reset:%n  %s%n", String.join("\n  ", counters));
        assertEquals(1, count(counters, wrongCodes), "the wrong code, counted with its error");
        assertTrue(count(counters, "keycloak_user_events_total{error=\"\",event=\"send_reset_password\",realm=\"marketplace\"}") >= 3,
                "every code mailed in this class's tests");
        assertTrue(count(counters, "keycloak_user_events_total{error=\"\",event=\"update_password\",realm=\"marketplace\"}") >= 1,
                "the completed reset");
    }

    /**
     * The mail queue's meters (README → Mail delivery) reach the same endpoint through Keycloak's Micrometer
     * registry: what was accepted, delivered, how long it took, over how many SMTP connections.
     */
    @Test
    @Order(5)
    void mailDeliveryIsMeasuredOnTheManagementPort() throws Exception {
        Shopper shopper = Shopper.at(keycloak);
        Account account = ResetJourney.newAccount(admin, "prod-mail-metrics");
        requestCode(shopper, openReset(shopper), account.email());
        codeFromMail(mail, account.email(), 1);

        String delivered = "marketplace_mail_delivered_total{kind=\"reset-code\"}";
        List<String> meters = awaitMetrics("marketplace_mail_", lines -> count(lines, delivered) >= 1);
        System.out.printf("[issue 10] mail meters on the management port:%n  %s%n", String.join("\n  ", meters));
        assertTrue(count(meters, "marketplace_mail_accepted_total{kind=\"reset-code\"}") >= count(meters, delivered));
        assertTrue(count(meters, delivered) >= 1, "the code mail, delivered");
        assertTrue(count(meters, "marketplace_mail_delivery_seconds_count{kind=\"reset-code\"}") >= 1, "its time to delivery");
        assertTrue(meters.stream().anyMatch(l -> l.startsWith("marketplace_mail_backlog ")), "the backlog gauge");
        assertTrue(meters.stream().anyMatch(l -> l.startsWith("marketplace_mail_conversations ")), "the conversations gauge");
        double opened = count(meters, "marketplace_mail_connections_opened_total");
        assertTrue(opened >= 1 && opened <= count(meters, delivered) + count(meters, "marketplace_mail_delivered_total{kind=\"password-changed\"}"),
                "SMTP connections opened, at most one per delivered mail: " + opened);
    }

    private static double count(List<String> lines, String series) {
        return lines.stream().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).sum();
    }

    /** The lines of {@code /metrics} that start with {@code prefix}, once {@code until} holds for them (≤ 20 s). */
    private List<String> awaitMetrics(String prefix, java.util.function.Predicate<List<String>> until) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + keycloak.managementPort() + "/metrics");
        List<String> lines = List.of();
        for (int attempt = 0; attempt < 80; attempt++) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response::body);
            lines = response.body().lines().filter(l -> l.startsWith(prefix)).toList();
            if (until.test(lines)) {
                return lines;
            }
            Thread.sleep(250);
        }
        return lines;
    }

    /** {@code GET /health/ready} on the management port (enabled at build time). */
    private JsonNode readiness() throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + keycloak.managementPort() + "/health/ready");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return new ObjectMapper().readTree(response.body());
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}
