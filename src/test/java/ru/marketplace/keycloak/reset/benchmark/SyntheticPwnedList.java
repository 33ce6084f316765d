package ru.marketplace.keycloak.reset.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ru.marketplace.keycloak.reset.policy.breach.PasswordKeys;

/**
 * Writes a synthetic list in the Pwned Passwords download format for the breached-password measurements: line i is
 * {@code SHA1("synthetic-" + i):count}, so the benchmark knows listed passwords ({@link #listedPassword}) and can make
 * unlisted ones ({@link #unlistedPassword}). The lines come out in no particular order of hash, like a shuffled list.
 *
 * <p>{@code java -cp target/classes:target/test-classes ru.marketplace.keycloak.reset.benchmark.SyntheticPwnedList
 * 100000000 target/synthetic-pwned.txt} (≈ 4.4 GB)
 */
public final class SyntheticPwnedList {

    private SyntheticPwnedList() {
    }

    public static String listedPassword(long i) {
        return "synthetic-" + i;
    }

    public static String unlistedPassword(long i) {
        return "unlisted-" + i;
    }

    public static void main(String[] args) throws IOException {
        long count = Long.parseLong(args[0]);
        Path output = Path.of(args[1]);
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 20)) {
            for (long i = 0; i < count; i++) {
                String line = PasswordKeys.sha1Hex(listedPassword(i)) + ":" + (1 + i % 1000) + "\r\n";
                out.write(line.getBytes(StandardCharsets.US_ASCII));
            }
        }
        System.out.printf("wrote %,d lines to %s (%,d bytes) in %.1f s%n", count, output, Files.size(output),
                (System.nanoTime() - started) / 1e9);
    }
}
