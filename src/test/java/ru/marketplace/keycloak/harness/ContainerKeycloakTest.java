package ru.marketplace.keycloak.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container set-up, checked without Docker (no engine here can start it, nor even resolve the image): the same
 * Keycloak version as the distribution, the built jar as a provider, the realm files imported, mail to the host's
 * catcher.
 */
class ContainerKeycloakTest {

    @Test
    void theContainerCarriesTheJarAndTheRealmsOfThisBuild(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("marketplace-password-reset-0.1.0-SNAPSHOT.jar"), "jar");
        Path realms = Files.createDirectories(dir.resolve("realm-export"));
        Files.writeString(realms.resolve("marketplace-realm.json"), "{}");
        Files.writeString(realms.resolve("notes.txt"), "not a realm");

        ContainerKeycloak.Plan plan =
                ContainerKeycloak.Plan.of("26.7.3", jar, realms, 2525, List.of("--log-level=INFO"));

        assertEquals("quay.io/keycloak/keycloak:26.7.3", plan.image());
        assertEquals(Map.of(
                "/opt/keycloak/providers/marketplace-password-reset-0.1.0-SNAPSHOT.jar", jar,
                "/opt/keycloak/data/import/marketplace-realm.json", realms.resolve("marketplace-realm.json")),
                plan.copies());
        assertEquals(Map.of("MARKETPLACE_SMTP_HOST", "host.testcontainers.internal", "MARKETPLACE_SMTP_PORT", "2525"),
                plan.env());
        assertEquals(List.of("--log-level=INFO"), plan.extraArgs());
    }

    @Test
    void theImageFollowsTheVersionTheHarnessIsGiven() {
        assertEquals("quay.io/keycloak/keycloak:26.7.3", ContainerKeycloak.image("26.7.3"));
        assertTrue(ContainerKeycloak.image("27.0.0").endsWith(":27.0.0"));
    }
}
