package ru.marketplace.keycloak.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is read and held to what the build and the demo
 * promise. The tests on altered copies show that each check can fail.
 */
class DockerComposeTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

    private final PomFacts pom = PomFacts.read(PROJECT.resolve("pom.xml"));
    private final String compose = read(PROJECT.resolve("docker-compose.yml"));

    @Test
    void theComposeFileMatchesThePomAndTheDemo() {
        List<String> problems = ComposeCheck.problems(ComposeFile.parse(compose), pom, PROJECT);
        assertEquals(List.of(), problems, () -> "docker-compose.yml:\n  " + String.join("\n  ", problems));
    }

    @Test
    void thePomIsReadFromTheFileItself() {
        assertEquals("marketplace-password-reset", pom.artifactId());
        assertTrue(pom.keycloakVersion().matches("\\d+\\.\\d+\\.\\d+"), pom.keycloakVersion());
        assertEquals("target/" + pom.artifactId() + "-" + pom.version() + ".jar", pom.jarPath());
    }

    @Test
    void anotherKeycloakVersionIsCaught() {
        String other = compose.replace("keycloak:" + pom.keycloakVersion(), "keycloak:26.0.0");
        assertProblem(other, "keycloak.version");
    }

    @Test
    void aProviderMountThatIsNotTheBuiltJarIsCaught() {
        String renamed = compose.replace("./" + pom.jarPath(), "./target/marketplace-password-reset.jar");
        assertProblem(renamed, "provider mount");
    }

    @Test
    void aMissingRealmImportIsCaught() {
        assertProblem(compose.replace("./realm-export:", "./no-such-dir:"), "realm import");
    }

    @Test
    void aServiceWithoutHealthCheckIsCaught() {
        String withoutHealth = compose.replace("test: [\"CMD\", \"/mailpit\", \"readyz\"]", "test: [\"NONE\"]");
        assertProblem(withoutHealth, "'mailpit' has no health check");
    }

    @Test
    void portsOtherThanTheDemosAreCaught() {
        assertProblem(compose.replace("\"127.0.0.1:8080:8080\"", "\"127.0.0.1:8081:8080\""), "must publish 8080:8080");
        assertProblem(compose.replace("\"127.0.0.1:8025:8025\"", "\"8025:8025\""), "every interface");
    }

    @Test
    void anUnpinnedImageIsCaught() {
        assertProblem(compose.replace("postgres:16-alpine", "postgres:latest"), "not pinned");
    }

    private void assertProblem(String alteredCompose, String expectedFragment) {
        assertFalse(alteredCompose.equals(compose), "the alteration did not apply");
        List<String> problems = ComposeCheck.problems(ComposeFile.parse(alteredCompose), pom, PROJECT);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(expectedFragment)),
                () -> "expected a problem mentioning '" + expectedFragment + "', got " + problems);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
