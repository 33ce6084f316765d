package ru.marketplace.keycloak.reset.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ru.marketplace.keycloak.harness.AdminApi;
import ru.marketplace.keycloak.harness.KeycloakLauncher;

/**
 * Keycloak's start with the realm export's breached-password policy set to the shipped list and to a big filter
 * file, alternately ({@code rounds} times each): the import parses the policy, so the file is opened during the
 * start. Prints each start time as the harness measures it (launch to the first 200 of the realm's discovery URL).
 *
 * <p>{@code mvn -B -DskipTests package dependency:unpack && mvn -q dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt && java -cp "target/classes:target/test-classes:$(cat
 * target/cp.txt)" ru.marketplace.keycloak.reset.benchmark.BreachStartTime target/synthetic-100m.bin 2}
 */
public final class BreachStartTime {

    private BreachStartTime() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        String export = Files.readString(Path.of("realm-export/marketplace-realm.json"));
        List<String> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String list : List.of("builtin", "file:" + file)) {
                Path dir = Files.createDirectories(Path.of("target/breach-start", list.startsWith("file") ? "file" : "builtin"));
                Files.writeString(dir.resolve("marketplace-realm.json"),
                        export.replace("marketplaceBreachedPassword(builtin)", "marketplaceBreachedPassword(" + list + ")"));
                try (KeycloakLauncher keycloak = KeycloakLauncher.builder()
                        .home(Path.of("target/keycloak-26.7.3"))
                        .providerJar(Path.of("target/marketplace-password-reset-0.1.0-SNAPSHOT.jar"))
                        .realmExportDir(dir)
                        .logFile(Path.of("target/breach-start/keycloak.log"))
                        .smtp("127.0.0.1", 2525)
                        .startupTimeout(Duration.ofMinutes(5))
                        .start()) {
                    String policy = AdminApi.connect(keycloak).realm("marketplace").get("passwordPolicy").asText();
                    if (!policy.contains(list)) {
                        throw new IllegalStateException("the realm did not get the policy: " + policy);
                    }
                    String line = String.format("round %d, %-8s: ready in %.1f s", round,
                            list.startsWith("file") ? "file" : list, keycloak.startupTime().toMillis() / 1000.0);
                    results.add(line);
                    System.out.println(line);
                }
            }
        }
        System.out.println(String.join("\n", results));
    }
}
