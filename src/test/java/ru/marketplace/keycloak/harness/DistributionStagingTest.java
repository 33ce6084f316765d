package ru.marketplace.keycloak.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionStagingTest {

    @TempDir
    Path home;

    @Test
    void replacesOlderCopiesOfTheProviderButKeepsOtherProviders(@TempDir Path build) throws IOException {
        Path providers = Files.createDirectories(home.resolve("providers"));
        Files.writeString(providers.resolve("marketplace-password-reset-0.0.9.jar"), "old");
        Files.writeString(providers.resolve("someone-elses-provider-1.0.jar"), "keep");
        Path jar = Files.writeString(build.resolve("marketplace-password-reset-0.1.0-SNAPSHOT.jar"), "new");

        DistributionStaging.installProvider(home, jar);

        assertEquals(List.of("marketplace-password-reset-0.1.0-SNAPSHOT.jar", "someone-elses-provider-1.0.jar"),
                names(providers));
        assertEquals("new", Files.readString(providers.resolve("marketplace-password-reset-0.1.0-SNAPSHOT.jar")));
    }

    @Test
    void leavesAnIdenticalCopyUntouchedSoKeycloakNeedNotRebuild(@TempDir Path build) throws IOException {
        Path jar = Files.writeString(build.resolve("marketplace-password-reset-0.1.0-SNAPSHOT.jar"), "same");
        Path installed = DistributionStaging.installProvider(home, jar);
        FileTime before = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(installed, before);

        DistributionStaging.installProvider(home, jar);
        assertEquals(before, Files.getLastModifiedTime(installed));

        Files.writeString(jar, "changed");
        DistributionStaging.installProvider(home, jar);
        assertEquals("changed", Files.readString(installed));
    }

    @Test
    void importDirHoldsExactlyTheCurrentRealmFiles(@TempDir Path realms) throws IOException {
        Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
        Files.writeString(imports.resolve("removed-realm.json"), "{}");
        Files.writeString(realms.resolve("marketplace-realm.json"), "{\"realm\":\"marketplace\"}");
        Files.writeString(realms.resolve("README.md"), "not a realm");

        DistributionStaging.installRealmImports(home, realms);

        assertEquals(List.of("marketplace-realm.json"), names(imports));
    }

    @Test
    void aMissingRealmDirectoryMeansNoImports() {
        assertTrue(DistributionStaging.installRealmImports(home, home.resolve("no-such-dir")).isEmpty());
        assertTrue(Files.isDirectory(home.resolve("data").resolve("import")));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
