package ru.marketplace.keycloak.harness;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Keycloak in the official container image, {@code quay.io/keycloak/keycloak:<keycloak.version>}, through
 * testcontainers-keycloak ({@code -Dkeycloak.server=container}): the built jar in {@code /opt/keycloak/providers/},
 * the realm files in {@code /opt/keycloak/data/import/}, {@code start-dev --import-realm}. Mail goes to the
 * {@link MailCatcher} on this machine through Testcontainers' host gateway.
 *
 * <p>Needs a Docker engine; {@link KeycloakExtension} skips the tests where there is none.
 */
public final class ContainerKeycloak implements KeycloakServer {

    public static final String IMAGE = "quay.io/keycloak/keycloak";
    static final String PROVIDERS_DIR = "/opt/keycloak/providers/";
    static final String IMPORT_DIR = "/opt/keycloak/data/import/";
    /** The name under which a container reaches ports of this machine opened with exposeHostPorts. */
    static final String HOST_GATEWAY = "host.testcontainers.internal";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private static Boolean dockerAvailable;

    private final KeycloakContainer container;
    private final Duration startupTime;
    private String logsAtStop;

    private ContainerKeycloak(KeycloakContainer container, Duration startupTime) {
        this.container = container;
        this.startupTime = startupTime;
    }

    /** Whether a Docker engine answers; asked once per JVM (the probe takes a while when there is none). */
    public static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError probeFailed) {
                available = false;
            }
            dockerAvailable = available;
        }
        return dockerAvailable;
    }

    /** {@code quay.io/keycloak/keycloak:<version>}: the same version as the distribution the pom pins. */
    public static String image(String keycloakVersion) {
        return IMAGE + ":" + keycloakVersion;
    }

    /** Starts the container with the extension and the realm export, sending mail to {@code mail}. */
    public static ContainerKeycloak start(HarnessSettings settings, MailCatcher mail) {
        Testcontainers.exposeHostPorts(mail.port());
        Plan plan = Plan.of(settings.keycloakVersion(), settings.providerJar(), settings.realmExportDir(), mail.port(),
                settings.extraArgs());
        KeycloakContainer container = plan.container();
        Instant launchedAt = Instant.now();
        try {
            container.start();
        } catch (RuntimeException e) {
            String logs = logsOf(container);
            container.stop();
            throw new IllegalStateException("The Keycloak container " + plan.image() + " did not start: "
                    + e.getMessage() + "\nLast log lines:\n" + lastLines(logs, 60), e);
        }
        return new ContainerKeycloak(container, Duration.between(launchedAt, Instant.now()));
    }

    /**
     * What goes into the container, as plain values: testcontainers resolves the image as soon as a container
     * object exists, so without a Docker engine only the plan can be checked. Files are copied in rather than
     * mounted: the engine may run on another machine.
     *
     * @param copies container path → host file
     * @param env    environment variables on top of those the library sets (admin, health, heap)
     */
    record Plan(String image, Map<String, Path> copies, Map<String, String> env, List<String> extraArgs) {

        static Plan of(String keycloakVersion, Path providerJar, Path realmExportDir, int smtpPort,
                       List<String> extraArgs) {
            Map<String, Path> copies = new LinkedHashMap<>();
            copies.put(PROVIDERS_DIR + providerJar.getFileName(), providerJar);
            for (Path realmFile : realmFiles(realmExportDir)) {
                copies.put(IMPORT_DIR + realmFile.getFileName(), realmFile); // the library adds --import-realm
            }
            Map<String, String> env = Map.of(
                    "MARKETPLACE_SMTP_HOST", HOST_GATEWAY,
                    "MARKETPLACE_SMTP_PORT", Integer.toString(smtpPort));
            return new Plan(ContainerKeycloak.image(keycloakVersion), Map.copyOf(copies), env, List.copyOf(extraArgs));
        }

        /** The container this plan describes, not started (needs a Docker engine). */
        KeycloakContainer container() {
            KeycloakContainer container = new KeycloakContainer(image)
                    .withAccessToHost(true) // to reach the mail catcher through exposeHostPorts
                    .withStartupTimeout(STARTUP_TIMEOUT);
            copies.forEach((target, file) -> container.withCopyFileToContainer(MountableFile.forHostPath(file, 0644),
                    target));
            env.forEach(container::withEnv);
            extraArgs.forEach(container::withCustomCommand);
            return container;
        }
    }

    @Override
    public String baseUrl() {
        return container.getAuthServerUrl().replaceAll("/+$", "");
    }

    @Override
    public String adminUsername() {
        return container.getAdminUsername();
    }

    @Override
    public String adminPassword() {
        return container.getAdminPassword();
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public synchronized String log() {
        return logsAtStop != null ? logsAtStop : logsOf(container);
    }

    @Override
    public synchronized boolean isRunning() {
        return logsAtStop == null && container.isRunning();
    }

    @Override
    public synchronized void stop() {
        if (logsAtStop == null) {
            logsAtStop = logsOf(container); // the logs go with the container
            container.stop();
        }
    }

    @Override
    public String toString() {
        return "Keycloak container " + container.getDockerImageName() + " at " + baseUrl();
    }

    private static List<Path> realmFiles(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            return StreamSupport.stream(files.spliterator(), false).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static String logsOf(KeycloakContainer container) {
        try {
            return container.getLogs();
        } catch (RuntimeException noContainer) {
            return "";
        }
    }

    private static String lastLines(String text, int lines) {
        String[] all = text.split("\n", -1);
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
