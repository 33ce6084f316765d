package ru.marketplace.keycloak.reset.benchmark.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ru.marketplace.keycloak.harness.production.OptimizedDistribution;
import ru.marketplace.keycloak.harness.production.PostgresServer;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.FreePorts;
import ru.marketplace.keycloak.harness.HarnessSettings;
import ru.marketplace.keycloak.harness.KeycloakLauncher;
import ru.marketplace.keycloak.harness.MailCatcher;

/**
 * Issue 9's load benchmark: one production-mode Keycloak ({@code kc.sh build} + {@code start --optimized}, the
 * harness of ProductionModeIT) on a throw-away PostgreSQL, behind a "proxy" ({@code --proxy-headers=xforwarded}; the
 * driver sends each shopper's client IP as {@code X-Forwarded-For}), GreenMail as its SMTP server, two realms with
 * the same password policy: this project's ({@code realm-export/}) and one bound to Keycloak's stock reset-credentials
 * flow. {@link #run()} measures every row and returns the report.
 */
final class LoadBenchmark implements AutoCloseable {

    /**
     * The heap a flood may cost one node, per code request for an unknown address (SECURITY.md → "Flooding the
     * heap" states the same figure; a unit test keeps the two equal).
     */
    static final int FLOOD_HEAP_BOUND_KB_PER_REQUEST = 16;

    private static final String PROJECT_FLOW = "marketplace reset credentials";
    private static final String PROJECT_AUTHENTICATOR = "marketplace-email-code-reset";
    /** The reset step's maximum; the issue raises it so that the driver is not throttled. */
    private static final String IP_LIMIT = "10000";
    /** Client IP indexes of the rows, far apart so no two rows share an address. */
    private static final int MAIN_IPS = 0;
    private static final int ACCOUNT_ROW_IPS = 2_000_000;
    private static final int FLOOD_IPS = 4_000_000;
    /** Idle driver connections close after 1 s (LoadBenchmarkMain sets the client's keep-alive): wait past that. */
    private static final Duration CONNECTIONS_CLOSED = Duration.ofSeconds(3);

    private final LoadSettings settings;
    private final Consumer<String> progress;
    private final PostgresServer postgres;
    private final PostgresServer.Database database;
    private final MailCatcher mail;
    private final KeycloakLauncher keycloak;
    private final ServerProcess server;
    private final AdminApi admin;
    private final BulkAccounts bulk;
    private final LoadRunner runner;
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private final Path outputDir;

    private LoadBenchmark(LoadSettings settings, Consumer<String> progress, PostgresServer postgres,
                          PostgresServer.Database database, MailCatcher mail, KeycloakLauncher keycloak, Path outputDir) {
        this.outputDir = outputDir;
        this.settings = settings;
        this.progress = progress;
        this.postgres = postgres;
        this.database = database;
        this.mail = mail;
        this.keycloak = keycloak;
        this.server = ServerProcess.javaOf(keycloak.processHandle());
        this.admin = AdminApi.connect(keycloak);
        this.bulk = new BulkAccounts(postgres, database);
        this.runner = new LoadRunner(keycloak.baseUrl(), server);
    }

    /** PostgreSQL, the optimized build (shared with ProductionModeIT when identical), GreenMail and Keycloak. */
    static LoadBenchmark start(HarnessSettings harness, LoadSettings settings, Consumer<String> progress) {
        Path output = harness.outputDir();
        Instant t = Instant.now();
        PostgresServer postgres = PostgresServer.start(output.resolve("postgres-load"), output.resolve("postgres-load.log"));
        MailCatcher mail = null;
        KeycloakLauncher keycloak = null;
        boolean started = false;
        try {
            PostgresServer.Database database = postgres.createDatabase("keycloak_load", "keycloak");
            Path home = OptimizedDistribution.build(harness.keycloakHome(), output.resolve("keycloak-prod"),
                    harness.providerJar(), OptimizedDistribution.OPERATOR_BUILD_OPTIONS, output.resolve("keycloak-prod-build.log"));
            mail = MailCatcher.start();
            int port = FreePorts.pick();
            keycloak = KeycloakLauncher.builder()
                    .home(home)
                    .httpPort(port)
                    .realmExportDir(harness.realmExportDir())
                    .logFile(output.resolve("keycloak-load.log"))
                    .smtp(mail.host(), mail.port())
                    .heapOptions(settings.heap())
                    .env("KC_DB_PASSWORD", database.password())
                    .optimizedStart(List.of(
                            "--db-url=" + database.jdbcUrl(),
                            "--db-username=" + database.username(),
                            "--http-enabled=true",
                            "--hostname=http://127.0.0.1:" + port,
                            "--proxy-headers=xforwarded", // the client IP is the X-Forwarded-For the driver sends
                            "--cache=local"))
                    .startupTimeout(Duration.ofMinutes(5))
                    .start();
            LoadBenchmark benchmark = new LoadBenchmark(settings, progress, postgres, database, mail, keycloak, output);
            benchmark.phases.put("start: PostgreSQL, kc.sh build (or reused), Keycloak", Duration.between(t, Instant.now()));
            progress.accept(keycloak + " (JVM pid " + benchmark.server.pid() + ") on " + postgres + ", ready in "
                    + Duration.between(t, Instant.now()).toSeconds() + " s");
            started = true;
            return benchmark;
        } finally {
            if (!started) { // whatever failed (an Error too), nothing may be left running
                if (keycloak != null) {
                    keycloak.stop();
                }
                if (mail != null) {
                    mail.stop();
                }
                postgres.stop();
            }
        }
    }

    LoadReport run() {
        LoadReport report = new LoadReport(settings);
        phase("set-up: realms, template users", this::setUp);
        if (settings.bigRows()) {
            phase("many accounts (bulk load included)", () -> manyAccounts(report));
        }
        phase("accounts for the interleaved rounds", this::mainAccounts);
        phase("warm-up and interleaved rounds", () -> interleavedRounds(report));
        phase("heap per pending reset", () -> pendingResets(report));
        if (settings.bigRows()) {
            phase("one IP, many shoppers", () -> oneIpManyShoppers(report));
            phase("flood", () -> flood(report));
        } else {
            report.skippedBigRows("-Dload.bigRows=false");
        }
        if (settings.profileResets() > 0) {
            // last: the resets it finishes end their sessions, which would count against another row's heap figure
            phase("profile (JDK Flight Recorder)", () -> profile(report));
        }
        report.phases(phases);
        report.mail(mail.allMails().size());
        report.mail(mailsPurged);
        return report;
    }

    // --- set-up ---------------------------------------------------------------------------------------------

    private String projectTemplate;
    private String stockTemplate;

    private void setUp() {
        Map<String, String> config = new LinkedHashMap<>(admin.executionConfig(Walks.PROJECT_REALM, PROJECT_FLOW, PROJECT_AUTHENTICATOR));
        config.put("maxCodeRequestsPerIpPerHour", IP_LIMIT);
        admin.updateExecutionConfig(Walks.PROJECT_REALM, PROJECT_FLOW, PROJECT_AUTHENTICATOR, config);
        StockRealm.create(admin, admin.realm(Walks.PROJECT_REALM));
        projectTemplate = admin.createUser(Walks.PROJECT_REALM, "template", "template@shop.example", Walks.OLD_PASSWORD,
                "Анна", "Петрова");
        stockTemplate = admin.createUser(Walks.STOCK_REALM, "template", "template@shop.example", Walks.OLD_PASSWORD,
                "Анна", "Петрова");
    }

    private int mainCount() {
        return settings.warmUp() + settings.rounds() * settings.resetsPerRound();
    }

    private void mainAccounts() {
        int resets = mainCount() + settings.pending() + settings.profileResets();
        bulk.insert(Walks.PROJECT_REALM, "proj", 0, resets, projectTemplate);
        bulk.insert(Walks.STOCK_REALM, "stock", 0, resets, stockTemplate);
        bulk.insert(Walks.STOCK_REALM, "login", 0, mainCount() + settings.profileResets(), stockTemplate);
    }

    // --- the main table -------------------------------------------------------------------------------------

    private void interleavedRounds(LoadReport report) {
        List<Flow> flows = List.of(
                new Flow(LoadReport.STOCK, "stock", Walks.stock(mail, true)),
                new Flow(LoadReport.PROJECT, "proj", Walks.project(mail, true)),
                new Flow(LoadReport.LOGIN, "login", Walks.passwordLogin()));
        int c = settings.concurrency();
        if (settings.warmUp() > 0) {
            for (Flow flow : flows) {
                LoadRunner.Batch warm = runner.run(flow.walk(), BulkAccounts.accounts(flow.prefix(), 0, settings.warmUp(),
                        MAIN_IPS + ipBlock(flow)), c);
                progress.accept("warm-up " + flow.name() + ": " + warm.completed() + "/" + warm.attempted() + " "
                        + firstError(warm));
            }
        }
        ClassHistogram before = server.liveHistogram();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Flow flow : flows) {
                int from = settings.warmUp() + (round - 1) * settings.resetsPerRound();
                LoadRunner.Batch batch = runner.run(flow.walk(), BulkAccounts.accounts(flow.prefix(), from,
                        settings.resetsPerRound(), MAIN_IPS + ipBlock(flow) + from), c);
                ClassHistogram after = server.liveHistogram();
                HeapFigures left = HeapFigures.between(before, after, batch.completed());
                before = after;
                report.round(flow.name(), round, batch, left);
                progress.accept(String.format(java.util.Locale.ROOT, "round %d %-16s %d/%d in %.1f s, %.2f/s, CPU %.0f ms/op %s",
                        round, flow.name(), batch.completed(), batch.attempted(), batch.wallSeconds(), batch.perSecond(),
                        batch.cpuMillisPerCompleted(), firstError(batch)));
            }
        }
    }

    /**
     * One more batch per flow, on the JIT the rounds left, under a JFR recording: where each flow's CPU goes, by
     * kind of thread (from /proc) and, for the Java threads, by what the sampled stacks were doing.
     */
    private void profile(LoadReport report) {
        List<Flow> flows = List.of(
                new Flow(LoadReport.STOCK, "stock", Walks.stock(mail, true)),
                new Flow(LoadReport.PROJECT, "proj", Walks.project(mail, true)),
                new Flow(LoadReport.LOGIN, "login", Walks.passwordLogin()));
        Path recordings = outputDir.resolve("load-profile");
        try {
            java.nio.file.Files.createDirectories(recordings);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create " + recordings, e);
        }
        for (Flow flow : flows) {
            int from = flow.prefix().equals("login") ? mainCount() : mainCount() + settings.pending();
            String name = flow.prefix() + "-profile";
            Path file = recordings.resolve(flow.prefix() + ".jfr");
            pause(CONNECTIONS_CLOSED);
            server.startRecording(name);
            Map<ThreadCpu.Kind, Double> before = server.cpuMillisByThreadKind();
            double systemBefore = server.systemCpuMillis();
            LoadRunner.Batch batch = runner.run(flow.walk(), BulkAccounts.accounts(flow.prefix(), from,
                    settings.profileResets(), MAIN_IPS + ipBlock(flow) + from), settings.concurrency());
            Map<ThreadCpu.Kind, Double> threads = ThreadCpu.difference(before, server.cpuMillisByThreadKind());
            double system = server.systemCpuMillis() - systemBefore;
            server.stopRecording(name, file);
            CpuProfile samples = CpuProfile.read(file);
            report.profile(flow.name(), batch, threads, system, samples, file);
            progress.accept(String.format(java.util.Locale.ROOT, "profile %-16s %d/%d, CPU %.0f ms/op, %d samples, %s %s",
                    flow.name(), batch.completed(), batch.attempted(), batch.cpuMillisPerCompleted(), samples.samples(),
                    file, firstError(batch)));
        }
    }

    private void pendingResets(LoadReport report) {
        int from = mainCount();
        for (Flow flow : List.of(new Flow(LoadReport.STOCK, "stock", Walks.stock(mail, false)),
                new Flow(LoadReport.PROJECT, "proj", Walks.project(mail, false)))) {
            pause(CONNECTIONS_CLOSED);
            ClassHistogram before = server.liveHistogram();
            LoadRunner.Batch batch = runner.run(flow.walk(), BulkAccounts.accounts(flow.prefix(), from, settings.pending(),
                    MAIN_IPS + ipBlock(flow) + from), settings.concurrency());
            // the walk read every mail, so every mail job has run; the pause lets the driver's connections close
            pause(CONNECTIONS_CLOSED);
            HeapFigures figures = HeapFigures.between(before, server.liveHistogram(), batch.completed());
            report.pending(flow.name(), batch, figures);
            progress.accept(String.format(java.util.Locale.ROOT, "pending %-8s %d/%d: %.2f KB per pending reset, %s %s",
                    flow.name(), batch.completed(), batch.attempted(), figures.kilobytesPerOperation(),
                    figures.storeEntriesPerOperation(), firstError(batch)));
        }
    }

    // --- the big rows ---------------------------------------------------------------------------------------

    private void manyAccounts(LoadReport report) {
        int few = settings.fewAccounts();
        int samples = settings.accountSamples();
        bulk.insert(Walks.PROJECT_REALM, "few", 0, few, null);
        List<LoadRunner.Batch> fewSides = new ArrayList<>();
        long inDatabaseFew = bulk.accountsInDatabase();
        // warm-up on the small side: as many fresh accounts as are measured
        runner.run(Walks.projectContinueOnly(), BulkAccounts.accounts("few", 0, samples, ACCOUNT_ROW_IPS), 1);
        for (int sample = 1; sample <= 2; sample++) {
            fewSides.add(runner.run(Walks.projectContinueOnly(), BulkAccounts.accounts("few", sample * samples, samples,
                    ACCOUNT_ROW_IPS + sample * samples), 1));
        }
        progress.accept("many accounts: " + inDatabaseFew + " in PostgreSQL, «Продолжить» p50 "
                + ResultTable.number(fewSides.get(0).steps().of(Walks.CONTINUE).median()) + " ms");

        Instant loading = Instant.now();
        int many = settings.manyAccounts() - few;
        bulk.insert(Walks.PROJECT_REALM, "many", 0, many, null);
        long inDatabaseMany = bulk.accountsInDatabase();
        Duration loadTime = Duration.between(loading, Instant.now());
        progress.accept("many accounts: loaded " + many + " rows in " + loadTime.toSeconds() + " s");
        // spread over the whole table, never the same account twice
        List<BenchAccount> spread = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            int index = (int) ((long) i * many / samples);
            spread.add(new BenchAccount(BulkAccounts.email("many", index), null, ClientIps.distinct(ACCOUNT_ROW_IPS + 100_000 + i)));
        }
        LoadRunner.Batch manySide = runner.run(Walks.projectContinueOnly(), spread, 1);
        progress.accept("many accounts: " + inDatabaseMany + " in PostgreSQL, «Продолжить» p50 "
                + ResultTable.number(manySide.steps().of(Walks.CONTINUE).median()) + " ms");

        // no second small-side sample after deleting the million: PostgreSQL checks every foreign key of every
        // deleted user (measured: over 6 minutes, never finished); the two small-side samples are taken before loading
        report.manyAccounts(inDatabaseFew, fewSides, inDatabaseMany, manySide, loadTime);
    }

    private void oneIpManyShoppers(LoadReport report) {
        int shoppers = settings.oneIpShoppers();
        bulk.insert(Walks.PROJECT_REALM, "oneip", 0, shoppers, null);
        List<BenchAccount> accounts = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            accounts.add(new BenchAccount(BulkAccounts.email("oneip", i), null, ClientIps.SHARED));
        }
        Continued oneIp = continueBatch(accounts);
        report.oneIp(oneIp.batch(), oneIp.heap(), oneIp.mails());
        progress.accept("one IP: " + oneIp.batch().completed() + "/" + oneIp.batch().attempted() + ", mails "
                + oneIp.mails() + " " + firstError(oneIp.batch()));
    }

    private void flood(LoadReport report) {
        List<BenchAccount> requests = new ArrayList<>();
        for (int i = 0; i < settings.floodRequests(); i++) {
            requests.add(new BenchAccount("flood-" + i + "@nowhere.example", null,
                    ClientIps.distinct(FLOOD_IPS + i % settings.floodIps())));
        }
        Continued flood = continueBatch(requests);
        report.flood(flood.batch(), flood.heap(), flood.mails(), FLOOD_HEAP_BOUND_KB_PER_REQUEST);
        progress.accept(String.format(java.util.Locale.ROOT, "flood: %d/%d, %.2f KB per request (bound %d), %d mails %s",
                flood.batch().completed(), flood.batch().attempted(), flood.heap().kilobytesPerOperation(),
                FLOOD_HEAP_BOUND_KB_PER_REQUEST, flood.mails(), firstError(flood.batch())));
    }

    /** A batch of «Продолжить» and what it left: the live heap's growth and the mails sent (GreenMail emptied first). */
    private record Continued(LoadRunner.Batch batch, HeapFigures heap, int mails) {
    }

    private Continued continueBatch(List<BenchAccount> accounts) {
        purgeMail();
        pause(CONNECTIONS_CLOSED);
        ClassHistogram before = server.liveHistogram();
        LoadRunner.Batch batch = runner.run(Walks.projectContinueOnly(), accounts, settings.concurrency());
        pause(CONNECTIONS_CLOSED); // the mail jobs run after the answer, the driver's idle connections close
        int mails = mailsSettled();
        HeapFigures heap = HeapFigures.between(before, server.liveHistogram(), batch.completed());
        return new Continued(batch, heap, mails);
    }

    // --- plumbing -------------------------------------------------------------------------------------------

    private record Flow(String name, String prefix, Walk walk) {
    }

    /** The flows' accounts get client IPs from separate blocks. */
    private static int ipBlock(Flow flow) {
        return switch (flow.prefix()) {
            case "stock" -> 0;
            case "proj" -> 500_000;
            default -> 1_000_000;
        };
    }

    private void phase(String name, Runnable action) {
        Instant t = Instant.now();
        progress.accept("== " + name);
        action.run();
        phases.put(name, Duration.between(t, Instant.now()));
    }

    private static String firstError(LoadRunner.Batch batch) {
        return batch.errors().isEmpty() ? "" : "(" + batch.errors().size() + " failed, first: " + batch.errors().get(0) + ")";
    }

    private int mailsPurged;

    /** Empties GreenMail (its look-ups slow down with thousands of mailboxes), counting what it held. */
    private void purgeMail() {
        mailsPurged += mail.allMails().size();
        mail.purge();
    }

    /**
     * The mails in GreenMail once no new one arrived for {@link #CONNECTIONS_CLOSED} (at most a minute): the mail
     * jobs of a fast batch trail its answers, and the next row must not count them as its own.
     */
    private int mailsSettled() {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        int seen = mail.allMails().size();
        while (Instant.now().isBefore(giveUp)) {
            pause(CONNECTIONS_CLOSED);
            int now = mail.allMails().size();
            if (now == seen) {
                break;
            }
            seen = now;
        }
        return seen;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            keycloak.stop();
            mail.stop();
            postgres.dropDatabase(database);
        } finally {
            postgres.stop();
        }
    }
}
