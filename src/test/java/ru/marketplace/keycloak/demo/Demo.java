package ru.marketplace.keycloak.demo;

import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.HarnessSettings;
import ru.marketplace.keycloak.harness.KeycloakLauncher;
import ru.marketplace.keycloak.harness.MailCatcher;
import ru.marketplace.keycloak.reset.settings.ResetCodeSettings;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The running demo: the SMTP catcher, Keycloak with the extension and the realm export (through the same
 * {@link KeycloakLauncher} the integration tests use), the demo shopper, the mailbox page and the storefront.
 * Started in that order, stopped in reverse; {@link #close()} stops whatever did start, so a failed or interrupted
 * start leaves nothing behind.
 */
public final class Demo implements AutoCloseable {

    public static final String REALM = "marketplace";
    public static final String CLIENT = "storefront";
    /** The app's client: the demo lets it be tried in a desktop browser (Storefront#APP_CALLBACK). */
    public static final String APP_CLIENT = "storefront-mobile";
    /** The zone the reset's mails state their times in (the step's default): the demo's pages show times in it too. */
    public static final ZoneId MAIL_ZONE = ZoneId.of(ResetCodeSettings.MAIL_TIME_ZONE.defaultValue());

    private final PrintStream out;
    private volatile MailCatcher mail;
    private volatile KeycloakLauncher keycloak;
    private volatile WebServer mailbox;
    private volatile WebServer store;
    private volatile DemoHint hint;
    private volatile String storeUrl;
    private volatile boolean stopping;

    public Demo(PrintStream out) {
        this.out = out;
    }

    /**
     * Checks the ports, then starts everything.
     *
     * @throws DemoFailure with what to do about it; whatever started is stopped by {@link #close()}
     */
    public void start(DemoSettings ports, HarnessSettings harness) {
        requireLocalhostIsLoopback();
        requireFree(ports.fixedPorts());

        mail = MailCatcher.start(ports.smtpPort());
        say("SMTP-сервер для писем Keycloak: " + mail.host() + ":" + mail.port());

        say("Запускаю Keycloak " + harness.keycloakVersion() + " на " + keycloakUrl(ports.keycloakPort())
                + " — около минуты при первом запуске (журнал: " + demoLog(harness) + ")");
        try {
            keycloak = harness.launcher()
                    .logFile(demoLog(harness))
                    .httpPort(ports.keycloakPort())
                    .smtp(mail.host(), mail.port())
                    .start();
        } catch (IllegalStateException e) {
            throw new DemoFailure("Keycloak не запустился. " + e.getMessage(), e);
        }
        say("Keycloak готов за " + keycloak.startupTime().toSeconds() + " с");

        AdminApi admin = AdminApi.connect(keycloak);
        DemoShopper shopper = DemoShopper.ANNA;
        String shopperId = shopper.create(admin, REALM);
        PasswordWatch password = PasswordWatch.start(admin, REALM, shopperId);
        storeUrl = "http://localhost:" + ports.storePort();
        if (ports.storePort() != DemoSettings.DEFAULT_STORE_PORT) {
            StorefrontRegistration.allow(admin, REALM, CLIENT, storeUrl); // the realm export registers only :3000
        }

        String mailboxUrl = "http://localhost:" + ports.mailboxPort();
        hint = new DemoHint(shopper.email(), shopper.password(), mailboxUrl, password::changed);
        mailbox = serve("почтовый ящик", DemoSettings.MAILBOX_PORT,
                () -> MailboxPage.serve(mail, ports.mailboxPort(), MAIL_ZONE));

        String realmUrl = keycloakUrl(ports.keycloakPort()) + "/realms/" + REALM;
        String appRedirect = storeUrl + Storefront.APP_CALLBACK;
        StorefrontRegistration.allowRedirect(admin, REALM, APP_CLIENT, appRedirect);
        Storefront storefront = new Storefront(OidcClient.discover(realmUrl, CLIENT, storeUrl + "/callback"),
                OidcClient.discover(realmUrl, APP_CLIENT, appRedirect), storeUrl, Clock.system(MAIL_ZONE), hint);
        store = serve("витрина", DemoSettings.STORE_PORT, () -> Storefront.serve(storefront, ports.storePort(),
                keycloakUrl(ports.keycloakPort())));
    }

    public KeycloakLauncher keycloak() {
        return keycloak;
    }

    public DemoHint hint() {
        return hint;
    }

    public String storeUrl() {
        return storeUrl;
    }

    /** Browsers use localhost: Keycloak's cookies and the realm's redirect URIs are for that name. */
    public static String keycloakUrl(int port) {
        return "http://localhost:" + port;
    }

    /** Blocks while Keycloak runs; false once it has ended, true when the timeout passed first. */
    public boolean awaitKeycloak(Duration timeout) throws InterruptedException {
        KeycloakLauncher running = keycloak;
        return running != null && !running.awaitTermination(timeout);
    }

    /** Whether {@link #stopAll()} has begun: Ctrl-C during the start makes the start fail, and that is no news. */
    public boolean isStopping() {
        return stopping;
    }

    /**
     * Whether {@link #stopAll()} has begun. Ctrl-C reaches Keycloak too (same process group), and it may end a moment
     * before this JVM's shutdown hook runs: a Keycloak that ended within {@code grace} of a stop is no crash.
     */
    public boolean stoppingWithin(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!stopping && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return stopping;
    }

    @Override
    public void close() {
        stopAll();
    }

    /**
     * Stops everything that was started, newest first. Idempotent.
     *
     * @return whether anything was running
     */
    public synchronized boolean stopAll() {
        stopping = true;
        boolean anything = store != null || mailbox != null || keycloak != null || mail != null;
        if (store != null) {
            store.stop();
            store = null;
        }
        if (mailbox != null) {
            mailbox.stop();
            mailbox = null;
        }
        if (keycloak != null) {
            keycloak.stop();
            keycloak = null;
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        return anything;
    }

    private void requireLocalhostIsLoopback() {
        if (!LocalPorts.localhostIsLoopback()) {
            throw new DemoFailure("Имя localhost здесь не указывает на 127.0.0.1, а браузер откроет демо по адресам "
                    + "http://localhost:…: добавьте в /etc/hosts строку «127.0.0.1 localhost».");
        }
    }

    private static void requireFree(List<DemoSettings.NamedPort> ports) {
        List<DemoSettings.NamedPort> busy = LocalPorts.busy(ports);
        if (busy.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        for (DemoSettings.NamedPort port : busy) {
            message.append("\n  порт ").append(port.port()).append(" на 127.0.0.1 (").append(port.purpose())
                    .append(") занят — освободите его или выберите другой: -D").append(port.property()).append('=')
                    .append(suggestion(port.port()));
        }
        message.append("\n  Кто занял порт, покажет: ss -ltnp 'sport = :").append(busy.get(0).port()).append('\'');
        message.append("\n  Например: mvn -Pdemo");
        busy.forEach(port -> message.append(" -D").append(port.property()).append('=').append(suggestion(port.port())));
        throw new DemoFailure("порты заняты." + message);
    }

    private static int suggestion(int port) {
        return port < 55535 ? port + 10000 : port - 10000;
    }

    /** Starts a page server; a port taken since the check becomes the same clear message. */
    private static WebServer serve(String purpose, String property, Supplier<WebServer> start) {
        try {
            return start.get();
        } catch (UncheckedIOException e) {
            throw new DemoFailure(purpose + ": " + e.getMessage() + " — порт занят? Выберите другой: -D" + property
                    + "=…", e);
        }
    }

    private static Path demoLog(HarnessSettings harness) {
        return harness.outputDir().resolve("keycloak-demo.log");
    }

    private void say(String line) {
        out.println("[demo] " + line);
    }
}
