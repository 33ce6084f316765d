package ru.marketplace.keycloak.reset.policy.breach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BreachFilterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 10, 1000, 100_000})
    void everyListedKeyIsFoundWhateverTheSize(int count) throws IOException {
        BreachFilterBuilder builder = new BreachFilterBuilder(14, 0);
        SplittableRandom random = new SplittableRandom(count);
        long[] listed = random.longs(count).toArray();
        for (long key : listed) {
            builder.addKey(key);
        }
        BreachFilter filter = filterOf(builder);
        for (long key : listed) {
            assertTrue(filter.mightContain(key), "no false negatives");
        }
        assertEquals(count, filter.entries());
    }

    @Test
    void falsePositiveRateOnAMillionUnlistedPasswordsIsTheStatedOne() throws IOException {
        BreachFilterBuilder builder = new BreachFilterBuilder(BreachFilterBuilder.DEFAULT_FINGERPRINT_BITS, 1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            builder.addPassword("listed-" + i);
        }
        BreachFilter filter = filterOf(builder);
        long falsePositives = java.util.stream.IntStream.range(0, 1_000_000)
                .filter(i -> filter.mightContain(PasswordKeys.ofPassword("unlisted-" + i))).count();
        double rate = falsePositives / 1e6;
        System.out.printf("[breach] false positives: %d of 1,000,000 unlisted passwords (%.2e; stated %.2e)%n",
                falsePositives, rate, filter.falsePositiveRate());
        // 2^-14 ≈ 61 expected: Poisson, so 30..100 holds with overwhelming probability; 8-bit fingerprints would give ~3900
        assertTrue(falsePositives > 30 && falsePositives < 100, () -> falsePositives + " false positives");
    }

    @Test
    void sizeIsUnderTwoBytesPerPasswordWithFourteenBitFingerprints() throws IOException {
        BreachFilterBuilder builder = new BreachFilterBuilder(14, 0);
        new SplittableRandom(7).longs(2_000_000).forEach(builder::addKey);
        byte[] file = bytesOf(builder);
        double perEntry = file.length / 2e6;
        assertTrue(perEntry <= 2.0, () -> perEntry + " bytes per password");
    }

    @Test
    void repeatsAndOrderDoNotMatterAndTheFileIsReproducible() throws IOException {
        BreachFilterBuilder once = new BreachFilterBuilder(14, 0);
        BreachFilterBuilder twiceReversed = new BreachFilterBuilder(14, 0);
        for (int i = 0; i < 5000; i++) {
            once.addPassword("p" + i);
        }
        for (int i = 4999; i >= 0; i--) {
            twiceReversed.addPassword("p" + i);
            twiceReversed.addPassword("p" + i);
        }
        assertArrayEquals(bytesOf(once), bytesOf(twiceReversed));
    }

    @Test
    void pwnedLinesAndPlainPasswordsLandOnTheSameKeys() throws IOException {
        BreachFilterBuilder builder = new BreachFilterBuilder(14, 0);
        String lines = PasswordKeys.sha1Hex("Vesna-2025-Leak") + ":42\r\n"
                + PasswordKeys.sha1Hex("Лето2024").toLowerCase() + ":1\n"
                + "not a hash line\n"
                + PasswordKeys.sha1Hex("no-count-given");
        long skipped = builder.addPwnedList(new java.io.ByteArrayInputStream(lines.getBytes(StandardCharsets.US_ASCII)));
        builder.addPlainList(new StringReader("Zima2023!\n\ncafe\u0301\n"));
        BreachFilter filter = filterOf(builder);
        assertEquals(1, skipped);
        assertTrue(filter.mightContain(PasswordKeys.ofPassword("Vesna-2025-Leak")));
        assertTrue(filter.mightContain(PasswordKeys.ofPassword("Лето2024")));
        assertTrue(filter.mightContain(PasswordKeys.ofPassword("no-count-given")));
        assertTrue(filter.mightContain(PasswordKeys.ofPassword("Zima2023!")));
        // a plain line with a combining accent is listed in its NFC form too
        assertTrue(filter.mightContain(PasswordKeys.ofPassword("caf\u00e9")));
        assertFalse(filter.mightContain(PasswordKeys.ofPassword("Tq7Lm2RvXp9Zd")));
    }

    @Test
    void theFileIsMappedAndChecked() throws IOException {
        BreachFilterBuilder builder = new BreachFilterBuilder(12, 0);
        builder.addPassword("Vesna-2025-Leak");
        Path file = dir.resolve("breached.bin");
        builder.writeTo(file);
        BreachFilter mapped = BreachFilter.open(file);
        assertTrue(mapped.mightContain(PasswordKeys.ofPassword("Vesna-2025-Leak")));
        assertTrue(mapped.dataIntact());
        assertEquals(Math.pow(2, -12), mapped.falsePositiveRate());
    }

    @Test
    void aMissingTruncatedForeignOrDamagedFileIsNamedNotUsed() throws IOException {
        BreachFilterBuilder builder = new BreachFilterBuilder(14, 0);
        for (int i = 0; i < 10_000; i++) {
            builder.addPassword("p" + i);
        }
        byte[] good = bytesOf(builder);

        assertMessage("does not exist", () -> BreachFilter.open(dir.resolve("absent.bin")));
        assertMessage("is too short", () -> BreachFilter.open(write("empty.bin", new byte[0])));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        assertMessage("is truncated", () -> BreachFilter.open(write("truncated.bin", truncated)));
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertMessage("has extra bytes", () -> BreachFilter.open(write("longer.bin", longer)));
        byte[] foreign = "123456\npassword\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        assertMessage("is not a breached-password file", () -> BreachFilter.open(write("list.txt", foreign)));
        byte[] newer = good.clone();
        newer[11] = 2;
        assertMessage("has format version 2", () -> BreachFilter.open(write("newer.bin", newer)));
        byte[] badHeader = good.clone();
        badHeader[BreachFilterFormat.HEADER_BYTES + 1] ^= 1; // a seed in the shard table
        assertMessage("has a damaged header", () -> BreachFilter.open(write("header.bin", badHeader)));

        byte[] badData = good.clone();
        badData[good.length - 100] ^= 1;
        BreachFilter opened = BreachFilter.open(write("data.bin", badData));
        assertFalse(opened.dataIntact(), "only a full read finds damage inside the data");
    }

    @Test
    void theCommandBuildsAndVerifies() throws IOException {
        Path pwned = write("pwned.txt", (PasswordKeys.sha1Hex("Vesna-2025-Leak") + ":3\n").getBytes(StandardCharsets.US_ASCII));
        Path plain = write("plain.txt", "Osen-2022-Leak\n".getBytes(StandardCharsets.UTF_8));
        Path output = dir.resolve("out.bin");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = BreachFilterCommand.run(new String[] {"--output", output.toString(), "--pwned", pwned.toString(),
                "--plain", plain.toString()}, new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("2 distinct passwords"), log.toString(StandardCharsets.UTF_8));
        BreachFilter filter = BreachFilter.open(output);
        assertTrue(filter.mightContain(PasswordKeys.ofPassword("Osen-2022-Leak")));
        assertEquals(0, BreachFilterCommand.run(new String[] {"--verify", output.toString()}, System.out));
    }

    private void assertMessage(String expected, org.junit.jupiter.api.function.Executable open) {
        BreachFilterFileException problem = assertThrows(BreachFilterFileException.class, open);
        assertTrue(problem.getMessage().contains(expected), problem.getMessage());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] bytesOf(BreachFilterBuilder builder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.writeTo(out);
        return out.toByteArray();
    }

    private static BreachFilter filterOf(BreachFilterBuilder builder) throws IOException {
        return BreachFilter.read(ByteBuffer.wrap(bytesOf(builder)), "test");
    }
}
