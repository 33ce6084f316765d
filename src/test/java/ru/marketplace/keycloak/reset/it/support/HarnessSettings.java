package ru.marketplace.keycloak.reset.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where things are, read from the system properties that {@code maven-failsafe-plugin} passes (see pom.xml).
 * Plain Java, so a demo launched by Maven can read the same properties.
 *
 * @param extraArgs from {@code -Dkeycloak.extraArgs="--log-level=INFO,ru.marketplace:debug ..."} (space separated)
 */
public record HarnessSettings(Path keycloakHome, Path providerJar, Path realmExportDir, Path outputDir,
                              List<String> extraArgs) {

    public static HarnessSettings fromSystemProperties() {
        Path home = requiredPath("keycloak.home");
        Path jar = requiredPath("provider.jar");
        Path realms = requiredPath("realm.export.dir");
        Path output = requiredPath("test.output.dir");
        if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            throw new IllegalStateException("keycloak.home=" + home + " holds no bin/kc.sh: the distribution is "
                    + "unpacked in pre-integration-test, so run through `mvn verify`");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("provider.jar=" + jar + " does not exist: it is built in the package "
                    + "phase, so run through `mvn verify`");
        }
        String extra = System.getProperty("keycloak.extraArgs", "").trim();
        List<String> extraArgs = extra.isEmpty() ? List.of() : Arrays.asList(extra.split("\\s+"));
        return new HarnessSettings(home, jar, realms, output, List.copyOf(extraArgs));
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
