package ru.marketplace.keycloak.deploy;

import ru.marketplace.keycloak.demo.DemoSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What docker-compose.yml must keep true, since nothing runs it here: the Keycloak image is the version the pom
 * tests, the provider mount is the jar the pom builds, the realm export is imported, the ports are the demo's (so
 * the README's URLs hold for both), mail reaches Mailpit, and every service says when it is healthy.
 */
final class ComposeCheck {

    static final String KEYCLOAK = "keycloak";
    static final String MAIL = "mailpit";
    static final String DATABASE = "postgres";
    static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak";
    static final String PROVIDERS_DIR = "/opt/keycloak/providers/";
    static final String IMPORT_DIR = "/opt/keycloak/data/import";
    static final int MAILPIT_UI_PORT = 8025;
    static final int MAILPIT_SMTP_PORT = 1025;

    private final ComposeFile compose;
    private final PomFacts pom;
    private final Path projectDir;
    private final List<String> problems = new ArrayList<>();

    private ComposeCheck(ComposeFile compose, PomFacts pom, Path projectDir) {
        this.compose = compose;
        this.pom = pom;
        this.projectDir = projectDir;
    }

    /** Everything wrong with {@code compose}, one sentence each; empty when it is right. */
    static List<String> problems(ComposeFile compose, PomFacts pom, Path projectDir) {
        ComposeCheck check = new ComposeCheck(compose, pom, projectDir);
        check.run();
        return List.copyOf(check.problems);
    }

    private void run() {
        for (String name : List.of(KEYCLOAK, DATABASE, MAIL)) {
            if (compose.service(name).isEmpty()) {
                problems.add("no service '" + name + "'");
            }
        }
        compose.service(KEYCLOAK).ifPresent(this::checkKeycloak);
        compose.service(MAIL).ifPresent(this::checkMail);
        for (String name : compose.serviceNames()) {
            ComposeFile.Service service = compose.service(name).orElseThrow();
            if (service.healthTest().isEmpty()) {
                problems.add("service '" + name + "' has no health check");
            }
            String image = service.image();
            if (!image.contains(":") || image.endsWith(":latest")) {
                problems.add("service '" + name + "' image '" + image + "' is not pinned to a version");
            }
            for (ComposeFile.PublishedPort port : service.ports()) {
                if (!port.hostIp().equals("127.0.0.1")) {
                    problems.add("service '" + name + "' publishes port " + port.hostPort()
                            + " on every interface; bind it to 127.0.0.1 as the demo does");
                }
            }
        }
    }

    private void checkKeycloak(ComposeFile.Service keycloak) {
        String expectedImage = KEYCLOAK_IMAGE + ":" + pom.keycloakVersion();
        if (!keycloak.image().equals(expectedImage)) {
            problems.add("keycloak image is '" + keycloak.image() + "', but pom.xml's keycloak.version makes it '"
                    + expectedImage + "'");
        }
        Optional<ComposeFile.Mount> provider = keycloak.mounts().stream()
                .filter(mount -> mount.target().startsWith(PROVIDERS_DIR)).findFirst();
        if (provider.isEmpty()) {
            problems.add("nothing is mounted into " + PROVIDERS_DIR);
        } else if (!normalized(provider.get().source()).equals(pom.jarPath())) {
            problems.add("the provider mount's source is '" + provider.get().source() + "', but `mvn package` builds "
                    + pom.jarPath());
        } else if (!provider.get().target().endsWith(".jar")) {
            problems.add("the provider must be mounted as a .jar file, not as " + provider.get().target());
        }
        Optional<ComposeFile.Mount> realms = keycloak.mounts().stream()
                .filter(mount -> mount.target().replaceAll("/+$", "").equals(IMPORT_DIR)).findFirst();
        if (realms.isEmpty()) {
            problems.add("nothing is mounted into " + IMPORT_DIR);
        } else if (realmFiles(projectDir.resolve(normalized(realms.get().source()))).isEmpty()) {
            problems.add("the realm import mount's source '" + realms.get().source() + "' holds no *.json realm file");
        }
        List<String> command = keycloak.command();
        if (!command.contains("--import-realm") || !(command.contains("start-dev") || command.contains("start"))) {
            problems.add("keycloak's command " + command + " must be start-dev (or start) with --import-realm");
        }
        requirePublished(keycloak, DemoSettings.DEFAULT_KEYCLOAK_PORT, 8080);

        Map<String, String> env = keycloak.environment();
        requireEnv(env, "MARKETPLACE_SMTP_HOST", MAIL);
        requireEnv(env, "MARKETPLACE_SMTP_PORT", Integer.toString(MAILPIT_SMTP_PORT));
        requireEnv(env, "KC_HEALTH_ENABLED", "true"); // the health check asks /health/ready
        requireEnv(env, "KC_DB", "postgres");
        if (!env.getOrDefault("KC_DB_URL", "").startsWith("jdbc:postgresql://" + DATABASE + ":")) {
            problems.add("KC_DB_URL must point at the '" + DATABASE + "' service, is '" + env.get("KC_DB_URL") + "'");
        }
        Map<String, String> dependsOn = keycloak.dependsOn();
        for (String dependency : List.of(DATABASE, MAIL)) {
            if (!"service_healthy".equals(dependsOn.get(dependency))) {
                problems.add("keycloak must wait for '" + dependency + "' to be healthy (depends_on condition)");
            }
        }
    }

    private void checkMail(ComposeFile.Service mail) {
        if (!mail.image().startsWith("axllent/mailpit:")) {
            problems.add("the mail catcher should be Mailpit (axllent/mailpit), is '" + mail.image() + "'");
        }
        requirePublished(mail, DemoSettings.DEFAULT_MAILBOX_PORT, MAILPIT_UI_PORT);
        Set<Integer> published = Set.copyOf(mail.ports().stream().map(ComposeFile.PublishedPort::hostPort).toList());
        if (published.contains(MAILPIT_SMTP_PORT)) {
            problems.add("Mailpit's SMTP port need not leave the compose network");
        }
    }

    private void requirePublished(ComposeFile.Service service, int hostPort, int containerPort) {
        boolean found = service.ports().stream()
                .anyMatch(port -> port.hostPort() == hostPort && port.containerPort() == containerPort);
        if (!found) {
            problems.add("service '" + service.name() + "' must publish " + hostPort + ":" + containerPort
                    + " (the port `mvn -Pdemo` uses), publishes " + service.ports());
        }
    }

    private void requireEnv(Map<String, String> env, String name, String expected) {
        if (!expected.equals(env.get(name))) {
            problems.add("keycloak's " + name + " must be '" + expected + "', is '" + env.get(name) + "'");
        }
    }

    private static String normalized(String source) {
        return source.replaceFirst("^\\./", "").replaceAll("/+$", "");
    }

    private static List<Path> realmFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        return files;
    }
}
