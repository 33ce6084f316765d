package ru.marketplace.keycloak.harness.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresInstallationTest {

    @Test
    void withoutPostgresTheMessageSaysWhatToInstallAndHowToSkip(@TempDir Path empty) {
        PostgresInstallation.PostgresMissingException missing = assertThrows(
                PostgresInstallation.PostgresMissingException.class,
                () -> PostgresInstallation.find(Stream.of(empty, empty.resolve("nope")), false));
        assertTrue(missing.getMessage().contains("apt-get install -y postgresql"), missing.getMessage());
        assertTrue(missing.getMessage().contains("-Dpostgres.bin="), missing.getMessage());
        assertTrue(missing.getMessage().contains("-DskipProductionIT"), missing.getMessage());
    }

    @Test
    void theFirstDirectoryWithAllThreeProgramsWins(@TempDir Path dir) throws IOException {
        Path partial = Files.createDirectories(dir.resolve("partial"));
        program(partial, "initdb");
        program(partial, "pg_ctl");
        Path complete = Files.createDirectories(dir.resolve("complete"));
        for (String name : List.of("initdb", "pg_ctl", "psql")) {
            program(complete, name);
        }

        PostgresInstallation found = PostgresInstallation.find(Stream.of(partial, complete), false);

        assertEquals(complete, found.binDir());
        assertEquals(Optional.empty(), found.runAs(), "an ordinary user runs the programs itself");
        assertEquals(List.of(complete.resolve("psql").toString(), "-X"), found.command("psql", "-X"));
    }

    private static void program(Path dir, String name) throws IOException {
        Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
