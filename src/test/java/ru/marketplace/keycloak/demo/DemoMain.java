package ru.marketplace.keycloak.demo;

import ru.marketplace.keycloak.harness.HarnessSettings;
import ru.marketplace.keycloak.harness.KeycloakLauncher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code mvn -Pdemo}: the whole product on 127.0.0.1 until Ctrl-C. Maven runs this in its own JVM (exec:java), so
 * Ctrl-C runs the shutdown hook below, which stops everything before Maven returns.
 *
 * <p>Exit status 1, with a sentence instead of a stack trace, when the demo cannot start or Keycloak stops on its
 * own.
 */
public final class DemoMain {

    private static final String RULE = "=".repeat(100);

    private DemoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant begin = Instant.now();
        PrintStream out = System.out;
        Demo demo = new Demo(out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(demo, out), "demo-shutdown"));
        try {
            demo.start(DemoSettings.fromSystemProperties(), HarnessSettings.fromSystemProperties());
        } catch (DemoFailure | IllegalStateException | OidcClient.OidcFailure e) {
            if (!demo.isStopping()) { // else Ctrl-C interrupted the start: the hook is already reporting
                System.err.println();
                System.err.println("[demo] Демо не запущено: " + e.getMessage());
            }
            System.exit(1); // the hook stops whatever did start
        }
        printBanner(out, demo, Duration.between(begin, Instant.now()));

        KeycloakLauncher keycloak = demo.keycloak();
        while (demo.awaitKeycloak(Duration.ofHours(1))) {
            // still running: keep waiting until Ctrl-C
        }
        if (!demo.stoppingWithin(Duration.ofSeconds(5))) {
            System.err.println("[demo] Keycloak остановился сам. Последние строки журнала (" + keycloak.logFile()
                    + "):\n" + keycloak.logTail(30));
            System.exit(1);
        }
    }

    private static void stop(Demo demo, PrintStream out) {
        if (demo.stopAll()) {
            out.println();
            out.println("[demo] Демо остановлено.");
        }
    }

    private static void printBanner(PrintStream out, Demo demo, Duration took) {
        String keycloakUrl = "http://localhost:" + demo.keycloak().httpPort();
        DemoHint hint = demo.hint();
        out.println();
        out.println(RULE);
        out.println(" Демо готово за " + took.toSeconds() + " с. Всё слушает только 127.0.0.1; "
                + "Ctrl-C останавливает всё.");
        out.println();
        out.println(" Витрина         " + demo.storeUrl());
        out.println(" Почтовый ящик   " + hint.mailboxUrl());
        out.println(" Keycloak        " + keycloakUrl + "   (консоль: " + keycloakUrl + "/admin, "
                + demo.keycloak().adminUsername() + " / " + demo.keycloak().adminPassword() + ")");
        // the console opens on the master realm; this address opens it on the demo's realm
        out.println(" Realm демо      " + keycloakUrl + "/admin/master/console/#/" + Demo.REALM
                + "   (в консоли: список realm слева вверху → «Маркетплейс»)");
        out.println();
        out.println(" Покупатель      " + hint.email() + " / " + hint.password());
        out.println();
        out.println(" Что попробовать: откройте витрину и");
        String[] steps = hint.steps();
        for (int i = 0; i < steps.length; i++) {
            out.println("   " + (i + 1) + ". " + steps[i]);
        }
        out.println();
        out.println(" Журнал Keycloak: " + demo.keycloak().logFile());
        out.println(RULE);
        out.flush();
    }
}
