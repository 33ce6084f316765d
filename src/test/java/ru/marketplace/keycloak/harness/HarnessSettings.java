package ru.marketplace.keycloak.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where things are, read from the system properties that {@code maven-failsafe-plugin} passes (see pom.xml).
 * Plain Java, so a demo launched by Maven can read the same properties.
 *
 * @param keycloakVersion the pom's {@code keycloak.version}: the container image tag in container mode
 * @param server          which Keycloak the integration tests run against ({@code -Dkeycloak.server})
 * @param extraArgs       from {@code -Dkeycloak.extraArgs="--log-level=INFO,ru.marketplace:debug ..."}
 *                        (space separated)
 */
public record HarnessSettings(Path keycloakHome, Path providerJar, Path realmExportDir, Path outputDir,
                              String keycloakVersion, Server server, List<String> extraArgs) {

    /** The version the pom pins; failsafe passes the real value, this is only for runs outside Maven. */
    private static final String FALLBACK_VERSION = "26.7.3";

    /** What runs Keycloak for the integration tests. */
    public enum Server {
        /** The distribution zip unpacked by Maven, started with {@code kc.sh} on 127.0.0.1 (default). */
        DISTRIBUTION,
        /** The official image {@code quay.io/keycloak/keycloak:<version>} through testcontainers-keycloak. */
        CONTAINER;

        /** {@code -Dkeycloak.server=distribution|container}; unset means distribution. */
        public static Server fromSystemProperty() {
            String value = System.getProperty("keycloak.server", "").trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "", "distribution" -> DISTRIBUTION;
                case "container" -> CONTAINER;
                default -> throw new IllegalStateException("-Dkeycloak.server=" + value
                        + " is not known: use 'distribution' (the default) or 'container' (needs a Docker engine)");
            };
        }
    }

    public static HarnessSettings fromSystemProperties() {
        Server server = Server.fromSystemProperty();
        Path home = requiredPath("keycloak.home");
        Path jar = requiredPath("provider.jar");
        Path realms = requiredPath("realm.export.dir");
        Path output = requiredPath("test.output.dir");
        if (server == Server.DISTRIBUTION && !Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("keycloak.home=" + home + " holds no bin/kc.sh: the distribution is "
                    + "unpacked in pre-integration-test, so run through `mvn verify`");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("provider.jar=" + jar + " does not exist: it is built in the package "
                    + "phase, so run through `mvn verify`");
        }
        String version = System.getProperty("keycloak.version", FALLBACK_VERSION).trim();
        String extra = System.getProperty("keycloak.extraArgs", "").trim();
        List<String> extraArgs = extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
        return new HarnessSettings(home, jar, realms, output, version, server, List.copyOf(extraArgs));
    }

    /** A launcher builder with these paths, the log in {@code <outputDir>/keycloak-it.log} and the extra args. */
    public KeycloakLauncher.Builder launcher() {
        return KeycloakLauncher.builder()
                .home(keycloakHome)
                .providerJar(providerJar)
                .realmExportDir(realmExportDir)
                .logFile(outputDir.resolve("keycloak-it.log"))
                .extraArgs(extraArgs);
    }

    private static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property '" + property + "' is not set. The integration tests "
                    + "need a real Keycloak prepared by Maven: run them through `mvn verify` (failsafe passes "
                    + "keycloak.home, provider.jar, realm.export.dir and test.output.dir).");
        }
        return Path.of(value).toAbsolutePath();
    }
}
