package ru.marketplace.keycloak.reset.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.marketplace.keycloak.reset.it.ResetJourney.assertScreen;
import static ru.marketplace.keycloak.reset.it.ResetJourney.codeFromMail;
import static ru.marketplace.keycloak.reset.it.ResetJourney.enterCode;
import static ru.marketplace.keycloak.reset.it.ResetJourney.openReset;
import static ru.marketplace.keycloak.reset.it.ResetJourney.requestCode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
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
import ru.marketplace.keycloak.harness.production.RoundRobinBalancer;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.FaultySmtpServer;
import ru.marketplace.keycloak.harness.FaultySmtpServer.Fault;
import ru.marketplace.keycloak.harness.HarnessSettings;
import ru.marketplace.keycloak.harness.KeycloakLauncher;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.harness.Page;
import ru.marketplace.keycloak.harness.Shopper;
import ru.marketplace.keycloak.harness.TokenResponse;

/**
 * Two Keycloak nodes in one cluster (production mode, {@code --cache=ispn}, JGroups over JDBC_PING on a shared
 * PostgreSQL, all on 127.0.0.1) behind a balancer without sticky sessions. Proves what one node cannot: the
 * flow's state follows the shopper from node to node, and every limit, the single use of a code and the
 * «Это были не вы?» cancellation hold for the cluster, not per node (catalogue attacks 3, 4 and 46).
 */
@Tag("production")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Pattern TWO_MEMBER_VIEW =
            Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\(2\\)");
    private static final Pattern ONE_MEMBER_VIEW =
            Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\(1\\)");
    /** JGroups' failure detector listens on the transport port plus this offset (FD_SOCK2's default). */
    private static final int FAILURE_DETECTION_OFFSET = 50_000;

    private final List<KeycloakLauncher> nodes = new ArrayList<>();
    private PostgresServer postgres;
    private PostgresServer.Database database;
    private MailCatcher mail;
    private RoundRobinBalancer balancer;
    private AdminApi admin;

    @BeforeAll
    void startTwoNodesBehindTheBalancer() {
        Instant started = Instant.now();
        HarnessSettings harness = HarnessSettings.fromSystemProperties();
        Path output = harness.outputDir();
        postgres = PostgresServer.start(output.resolve("postgres-cluster"), output.resolve("postgres-cluster.log"));
        database = postgres.createDatabase("keycloak_cluster", "keycloak");
        // the same build as ProductionModeIT's, so whichever runs second reuses it
        Path built = OptimizedDistribution.build(harness.keycloakHome(), output.resolve("keycloak-prod"),
                harness.providerJar(), ProductionModeIT.BUILD_OPTIONS, output.resolve("keycloak-prod-build.log"));
        Path nodeA = OptimizedDistribution.replicate(built, output.resolve("keycloak-node-a"));
        Path nodeB = OptimizedDistribution.replicate(built, output.resolve("keycloak-node-b"));
        mail = MailCatcher.start();
        balancer = RoundRobinBalancer.start();

        List<Integer> clusterPorts = clusterPorts(2);
        nodes.add(startNode(nodeA, harness, output.resolve("keycloak-node-a.log"), clusterPorts.get(0)));
        nodes.add(startNode(nodeB, harness, output.resolve("keycloak-node-b.log"), clusterPorts.get(1)));
        balancer.balanceAcross(nodes.stream().map(KeycloakLauncher::baseUrl).toList());
        admin = AdminApi.connect(nodes.get(0));
        ResetSettingsOverride.apply(admin, Map.of()); // one client IP for every test: lift the per-IP cap
        System.out.printf("[cluster] nodes %s and %s, %s, ready in %.1f s%n", nodes.get(0).baseUrl(),
                nodes.get(1).baseUrl(), balancer, Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    private KeycloakLauncher startNode(Path home, HarnessSettings harness, Path log, int clusterPort) {
        return KeycloakLauncher.builder()
                .home(home)
                .realmExportDir(harness.realmExportDir()) // the second node finds the realm imported and skips it
                .logFile(log)
                .smtp(mail.host(), mail.port())
                .env("KC_DB_PASSWORD", database.password())
                .optimizedStart(List.of(
                        "--db-url=" + database.jdbcUrl(),
                        "--db-username=" + database.username(),
                        "--http-enabled=true",
                        "--hostname-strict=false",
                        "--proxy-headers=xforwarded",
                        "--cache=ispn",
                        "--cache-stack=jdbc-ping",
                        "--cache-embedded-network-bind-address=127.0.0.1",
                        "--cache-embedded-network-bind-port=" + clusterPort))
                .startupTimeout(Duration.ofMinutes(4))
                .start();
    }

    @AfterAll
    void stopEverything() {
        try {
            nodes.forEach(KeycloakLauncher::stop);
            if (balancer != null) {
                balancer.close();
            }
            if (mail != null) {
                mail.stop();
            }
        } finally {
            if (postgres != null) {
                postgres.stop();
            }
        }
    }

    @Test
    @Order(1)
    void theTwoNodesFormOneCluster() {
        for (KeycloakLauncher node : nodes) {
            awaitInLog(node, TWO_MEMBER_VIEW, Duration.ofSeconds(60));
        }
        System.out.printf("[cluster] both nodes report a cluster view of 2 members%n");
    }

    /** Every request of the reset goes to the other node than the one before: the flow's state is cluster-wide. */
    @Test
    @Order(2)
    void aResetWhoseRequestsAlternateBetweenNodesCompletes() {
        Shopper shopper = new Shopper(balancer.baseUrl());
        Account anna = ResetJourney.newAccount(admin, "cluster-journey");
        long[] before = {balancer.served(0), balancer.served(1)};

        Page codeScreen = requestCode(shopper, openReset(shopper), anna.email());
        assertScreen(codeScreen, ResetJourney.CODE_SCREEN);
        Page passwordScreen = enterCode(shopper, codeScreen, codeFromMail(mail, anna.email(), 1));
        assertScreen(passwordScreen, ResetJourney.PASSWORD_SCREEN);
        Page backAtStore = ResetJourney.choosePassword(shopper, passwordScreen, ResetJourney.STRONG_PASSWORD,
                ResetJourney.STRONG_PASSWORD);
        TokenResponse tokens = shopper.exchangeCode(backAtStore, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT);
        assertEquals(anna.email(), tokens.idTokenClaims().path("email").asText());

        long servedByA = balancer.served(0) - before[0];
        long servedByB = balancer.served(1) - before[1];
        System.out.printf("[cluster] one reset, requests answered by node A=%d, node B=%d%n", servedByA, servedByB);
        assertTrue(servedByA >= 3 && servedByB >= 3, "both nodes carried the journey");
        assertTrue(ResetJourney.signIn(new Shopper(balancer.baseUrl()), anna.email(), ResetJourney.STRONG_PASSWORD).isRedirect(),
                "the new password works on the cluster");
    }

    /** Codes per account per hour (5): seven requests spread over both nodes send five codes, not five per node. */
    @Test
    @Order(3)
    void codesPerAccountAreCountedForTheCluster() {
        Account boris = ResetJourney.newAccount(admin, "cluster-codes");
        List<String> answers = new ArrayList<>();
        for (int request = 0; request < 7; request++) {
            Shopper shopper = Shopper.at(nodes.get(request % 2));
            Page page = requestCode(shopper, openReset(shopper), boris.email());
            answers.add(page.templateName() + (page.errorText().isEmpty() ? "" : ": " + page.errorText()));
        }
        int mails = ResetJourney.assertMailCountSettlesAt(mail, boris.email(), 5, Duration.ofSeconds(3));
        System.out.printf("[cluster] 7 code requests alternating nodes -> %d mails; answers %s%n", mails, answers);
        assertTrue(answers.get(6).contains("Слишком много"), answers::toString);
    }

    /** Attack 3 on a cluster: guesses spread over both nodes stop at one hourly cap of wrong codes (10), not two. */
    @Test
    @Order(4)
    void wrongCodesAreCountedForTheCluster() {
        Account victim = ResetJourney.newAccount(admin, "cluster-guess");
        List<Shopper> sessions = new ArrayList<>();
        List<Page> screens = new ArrayList<>();
        for (int session = 0; session < 5; session++) {
            Shopper attacker = Shopper.at(nodes.get(session % 2));
            sessions.add(attacker);
            Page screen = requestCode(attacker, openReset(attacker), victim.email());
            assertScreen(screen, ResetJourney.CODE_SCREEN);
            screens.add(screen);
        }
        Set<String> realCodes = new HashSet<>();
        for (int n = 1; n <= 5; n++) {
            realCodes.add(codeFromMail(mail, victim.email(), n));
        }
        int evaluated = 0;
        int refused = 0;
        int guess = 100_000;
        for (int round = 0; round < 5; round++) {
            for (int session = 0; session < 5; session++) {
                do {
                    guess++;
                } while (realCodes.contains(Integer.toString(guess)));
                Page answer = enterCode(sessions.get(session), screens.get(session), Integer.toString(guess));
                assertNotEquals(500, answer.status());
                if (answer.errorText().startsWith("Неверный код")) {
                    evaluated++;
                } else if (answer.errorText().startsWith("Слишком много неверных кодов")) {
                    refused++;
                }
                screens.set(session, answer);
            }
        }
        System.out.printf("[attack 3, cluster] 5 sessions on 2 nodes x 5 guesses: evaluated=%d, refused by the cap=%d%n",
                evaluated, refused);
        assertEquals(10, evaluated, "one cap for the account across the cluster");
        assertEquals(15, refused);
    }

    /** Attack 4 on a cluster: one session racing the right code on both nodes at once changes the password once. */
    @Test
    @Order(5)
    void aCodeRacedOnBothNodesIsAcceptedOnce() throws Exception {
        Account clara = ResetJourney.newAccount(admin, "cluster-race");
        Shopper first = new Shopper(balancer.baseUrl());
        Page codeScreen = requestCode(first, openReset(first), clara.email());
        String code = codeFromMail(mail, clara.email(), 1);
        Shopper second = new Shopper(balancer.baseUrl());
        second.copyCookiesFrom(first);

        List<Page> results = ResetJourney.atOnce(
                () -> enterCode(first, codeScreen, code),
                () -> enterCode(second, codeScreen, code));
        ResetJourney.settleCodeRace(admin, clara, List.of(first, second), results,
                () -> new Shopper(balancer.baseUrl()), mail, "attack 4, cluster");
    }

    /** «Это были не вы?» confirmed on node B voids the code that node A sent. */
    @Test
    @Order(6)
    void notMeOnOneNodeVoidsTheCodeSentByTheOther() {
        Account dmitry = ResetJourney.newAccount(admin, "cluster-not-me");
        Shopper requester = Shopper.at(nodes.get(0));
        Page codeScreen = requestCode(requester, openReset(requester), dmitry.email());
        String code = codeFromMail(mail, dmitry.email(), 1);
        Matcher link = ResetJourney.NOT_ME_LINK.matcher(mail.mailsTo(dmitry.email()).get(0).text());
        assertTrue(link.find(), "the code mail carries the «Это были не вы?» link");
        String onNodeB = link.group().replace(nodes.get(0).baseUrl(), nodes.get(1).baseUrl());
        assertNotEquals(link.group(), onNodeB, "the link named node A, where the code was requested");

        Shopper owner = Shopper.at(nodes.get(1));
        Page cancelled = owner.submit(owner.open(onNodeB), "#mp-not-me-form", Map.of());
        assertTrue(cancelled.document().selectFirst("#mp-not-me-text").text().startsWith("Готово: код отменён"), cancelled.text());

        Page refused = enterCode(requester, codeScreen, code);
        assertScreen(refused, ResetJourney.CODE_SCREEN);
        assertTrue(refused.errorText().startsWith("Этот код больше не действует"), refused.errorText());
        System.out.printf("[cluster] code sent by node A, «Это были не вы?» confirmed on node B, code refused on node A%n");
    }

    /**
     * Attack 46: a node dies mid-flow (SIGKILL, no shutdown) and the balancer drops it; the shopper's next request
     * lands on the survivor, which knows the pending code, the wrong entries already made and their count. Issue
     * 10, item 3, in the same crash: a second shopper's code mail waits on that node for a silent mail server, and
     * is lost with the node (the queue is node memory: SECURITY.md → Mail delivery: what a lost node loses); the
     * shopper's «Отправить код ещё раз» on the survivor, after the cooldown, sends a code that works. Last, because
     * the cluster has one node afterwards.
     */
    @Test
    @Order(7)
    void aResetSurvivesTheCrashOfANodeWithItsCountersIntact() throws Exception {
        Account egor = ResetJourney.newAccount(admin, "cluster-failover");
        Shopper shopper = new Shopper(balancer.baseUrl());
        Page codeScreen = requestCode(shopper, openReset(shopper), egor.email());
        String code = codeFromMail(mail, egor.email(), 1);
        Page wrong = enterCode(shopper, codeScreen, ResetJourney.wrongCode(code));
        wrong = enterCode(shopper, wrong, ResetJourney.wrongCode(code));
        assertEquals("Неверный код. Осталось 3 попытки.", wrong.errorText());

        // Fedor's code mail: accepted by node A, whose only attempt hangs on a mail server that never greets
        ResetSettingsOverride.apply(admin, Map.of("resendCooldownSeconds", "10"));
        com.fasterxml.jackson.databind.JsonNode smtpSettings = admin.realm(ResetJourney.REALM).get("smtpServer");
        FaultySmtpServer smtp = FaultySmtpServer.inFrontOf(mail);
        smtp.fault(Fault.SILENT);
        pointSmtpAt("127.0.0.1", Integer.toString(smtp.port()), smtpSettings);
        Account fedor = ResetJourney.newAccount(admin, "cluster-lost-mail");
        Shopper fedorsBrowser = new Shopper(balancer.baseUrl());
        Page fedorsEmailScreen = openReset(fedorsBrowser);
        balancer.balanceAcross(List.of(nodes.get(0).baseUrl())); // node A takes his «Продолжить»
        Page fedorsCodeScreen = requestCode(fedorsBrowser, fedorsEmailScreen, fedor.email());
        Instant fedorAsked = Instant.now();
        balancer.balanceAcross(nodes.stream().map(KeycloakLauncher::baseUrl).toList());
        assertScreen(fedorsCodeScreen, ResetJourney.CODE_SCREEN);
        Instant attemptDeadline = Instant.now().plusSeconds(10);
        while (smtp.connections(Fault.SILENT) == 0 && Instant.now().isBefore(attemptDeadline)) {
            Thread.sleep(50);
        }
        assertTrue(smtp.connections(Fault.SILENT) >= 1, "node A is talking to the silent server when it dies");

        KeycloakLauncher crashed = nodes.get(0);
        Instant crash = Instant.now();
        crashed.kill();
        // the balancer's health check drops the node; the survivor notices the crash on its own
        balancer.balanceAcross(List.of(nodes.get(1).baseUrl()));
        smtp.fault(Fault.NONE); // the mail server recovers
        Instant recovered = Instant.now();
        awaitInLog(nodes.get(1), ONE_MEMBER_VIEW, Duration.ofSeconds(60));
        Duration noticed = Duration.between(crash, Instant.now());
        AdminApi survivorAdmin = AdminApi.connect(nodes.get(1));

        Page afterCrash = enterCode(shopper, wrong, ResetJourney.wrongCode(code));
        assertEquals("Неверный код. Осталось 2 попытки.", afterCrash.errorText(), "the count of wrong entries survived");
        Page passwordScreen = enterCode(shopper, afterCrash, code);
        assertScreen(passwordScreen, ResetJourney.PASSWORD_SCREEN);
        Page backAtStore = ResetJourney.choosePassword(shopper, passwordScreen, ResetJourney.STRONG_PASSWORD, ResetJourney.STRONG_PASSWORD);
        assertTrue(shopper.exchangeCode(backAtStore, ResetJourney.REALM, ResetJourney.CLIENT, ResetJourney.REDIRECT).isSuccess());
        long changes = survivorAdmin.events(ResetJourney.REALM, "UPDATE_PASSWORD").stream()
                .filter(e -> egor.id().equals(e.path("userId").asText())).count();
        System.out.printf("[attack 46, cluster] node A killed after the code and 2 wrong entries (node B's view of one "
                + "member after %.1f s): node B answered «%s», accepted the code, password changes=%d%n",
                noticed.toMillis() / 1000.0, afterCrash.errorText(), changes);
        assertEquals(1, changes);

        // 15 s after the recovery a queue that survived would have delivered (its retries wait at most 30 s, the
        // first ones 1–4 s): nothing came
        Duration sinceRecovery = Duration.between(recovered, Instant.now());
        if (sinceRecovery.compareTo(Duration.ofSeconds(15)) < 0) {
            Thread.sleep(Duration.ofSeconds(15).minus(sinceRecovery).toMillis());
        }
        int lost = mail.mailsTo(fedor.email()).size();
        Duration sinceAsked = Duration.between(fedorAsked, Instant.now());
        if (sinceAsked.compareTo(Duration.ofSeconds(11)) < 0) {
            Thread.sleep(Duration.ofSeconds(11).minus(sinceAsked).toMillis()); // the 10 s cooldown
        }
        Instant resentAt = Instant.now();
        Page resent = ResetJourney.resend(fedorsBrowser, fedorsCodeScreen);
        assertScreen(resent, ResetJourney.CODE_SCREEN);
        String fedorsCode = codeFromMail(mail, fedor.email(), 1);
        long arrivedMillis = Duration.between(resentAt, Instant.now()).toMillis();
        Page fedorsPasswordScreen = enterCode(fedorsBrowser, resent, fedorsCode);
        System.out.printf("[issue 10, cluster] a code mail waiting on node A (silent SMTP) when A was killed: %d mails in the "
                + "15 s after the server recovered; «Отправить код ещё раз» on node B after the cooldown: a code in %d ms, "
                + "which led to %s%n", lost, arrivedMillis, fedorsPasswordScreen.templateName());
        assertEquals(0, lost, "the queued mail died with its node");
        assertScreen(fedorsPasswordScreen, ResetJourney.PASSWORD_SCREEN);
        pointSmtpAt(mail.host(), Integer.toString(mail.port()), smtpSettings);
        smtp.close();
    }

    private void pointSmtpAt(String host, String port, com.fasterxml.jackson.databind.JsonNode original) {
        AdminApi.connect(nodes.get(nodes.get(0).isRunning() ? 0 : 1)).updateRealm(ResetJourney.REALM, Map.of("smtpServer",
                Map.of("host", host, "port", port, "from", original.get("from").asText(),
                        "fromDisplayName", original.path("fromDisplayName").asText("Маркетплейс"))));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void awaitInLog(KeycloakLauncher node, Pattern pattern, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!pattern.matcher(node.log()).find()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No '" + pattern + "' in the log of " + node + " within " + timeout
                        + ":\n" + node.logTail(40));
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    /**
     * Transport ports for the nodes' JGroups channels: free on 127.0.0.1 together with the failure detector's port
     * (transport + 50000, so below 15536), and apart by more than the transport's port range of 10.
     */
    private static List<Integer> clusterPorts(int count) {
        List<Integer> ports = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500 && ports.size() < count; attempt++) {
            int candidate = random.nextInt(8_000, 15_500);
            boolean apart = ports.stream().allMatch(port -> Math.abs(port - candidate) > 20);
            if (apart && isFree(candidate) && isFree(candidate + FAILURE_DETECTION_OFFSET)) {
                ports.add(candidate);
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("No free JGroups ports between 8000 and 15500 on 127.0.0.1");
        }
        return ports;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }
}
