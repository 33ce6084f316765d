package ru.marketplace.keycloak.reset.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.marketplace.keycloak.reset.policy.breach.BreachCheck;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilter;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilterBuilder;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilterFileException;
import ru.marketplace.keycloak.reset.policy.breach.PasswordKeys;

class BreachFiltersTest {

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final BreachFilters filters = new BreachFilters(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void theShippedListHoldsTheCommonPasswords() {
        BreachFilter builtin = filters.builtin();
        assertEquals(30_000, builtin.entries());
        BreachCheck check = new BreachCheck(builtin, null, false);
        for (String common : new String[] {"123456", "password", "qwerty", "iloveyou", "gfhjkm"}) {
            assertTrue(check.listedOffline(common), common);
        }
        assertFalse(check.listedOffline("Tq7Lm2RvXp9Zd"));
    }

    @Test
    void aFileIsMappedOnceAndAReplacedOneAgainAfterTheRecheckInterval() throws IOException {
        Path file = build("first.bin", "Vesna-2025-Leak");
        BreachFilter first = filters.forFile(file);
        assertSame(first, filters.forFile(file), "one mapping per node");
        assertTrue(first.mightContain(PasswordKeys.ofPassword("Vesna-2025-Leak")));

        Files.move(build("second.bin", "Osen-2022-Leak"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertSame(first, filters.forFile(file), "not looked at again before the interval");
        now = now.plus(BreachFilters.RECHECK).plus(Duration.ofSeconds(1));
        assertTrue(filters.forFile(file).mightContain(PasswordKeys.ofPassword("Osen-2022-Leak")));
    }

    @Test
    void aMissingOrBrokenFileFallsBackToTheShippedListAndIsRefusedWhenSaved() throws IOException {
        Path missing = dir.resolve("missing.bin");
        assertSame(filters.builtin(), filters.forFile(missing), "never «everything passes»");
        BreachFilterFileException refused = assertThrows(BreachFilterFileException.class, () -> filters.openNow(missing));
        assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());

        Path truncated = build("truncated.bin", "Vesna-2025-Leak");
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertSame(filters.builtin(), filters.forFile(truncated));
        assertTrue(assertThrows(BreachFilterFileException.class, () -> filters.openNow(truncated)).getMessage()
                .contains("is truncated"));
    }

    private Path build(String name, String... passwords) throws IOException {
        BreachFilterBuilder builder = new BreachFilterBuilder(14, 0);
        for (String password : passwords) {
            builder.addPassword(password);
        }
        Path file = dir.resolve(name);
        builder.writeTo(file);
        return file;
    }
}
