package ru.marketplace.keycloak.reset.policy.breach;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds or checks a breached-password file (README → Password policy → Breached passwords):
 * <pre>
 * java -cp marketplace-password-reset-VERSION.jar ru.marketplace.keycloak.reset.policy.breach.BreachFilterCommand \
 *     --output breached-passwords.bin [--fingerprint-bits 14] [--pwned pwnedpasswords.txt]... [--plain list.txt]...
 * java -cp … BreachFilterCommand --verify breached-passwords.bin
 * </pre>
 * {@code --plain-resource PATH} reads a plain list from the class path (the build uses it for the shipped list).
 */
public final class BreachFilterCommand {

    private BreachFilterCommand() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException | IOException | BreachFilterFileException failed) {
            System.err.println("breach filter: " + failed.getMessage());
            System.exit(2);
        }
    }

    /** Runs the command; returns the exit status (0 done, 1 a damaged file). */
    static int run(String[] args, PrintStream out) throws IOException {
        Path output = null;
        Path verify = null;
        int bits = BreachFilterBuilder.DEFAULT_FINGERPRINT_BITS;
        List<String[]> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value; " + usage());
            }
            switch (option) {
                case "--output" -> output = Path.of(value);
                case "--verify" -> verify = Path.of(value);
                case "--fingerprint-bits" -> bits = Integer.parseInt(value);
                case "--pwned", "--plain", "--plain-resource" -> inputs.add(new String[] {option, value});
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + usage());
            }
        }
        if (verify != null) {
            return verify(verify, out);
        }
        if (output == null || inputs.isEmpty()) {
            throw new IllegalArgumentException(usage());
        }
        long started = System.nanoTime();
        BreachFilterBuilder builder = new BreachFilterBuilder(bits, expectedKeys(inputs));
        for (String[] input : inputs) {
            read(builder, input[0], input[1], out);
        }
        long read = System.nanoTime();
        long distinct = builder.writeTo(output);
        long done = System.nanoTime();
        long bytes = Files.size(output);
        out.printf(Locale.ROOT, "wrote %s: %,d distinct passwords, %,d bytes (%.3f bytes each), %d-bit fingerprints "
                        + "(false positives 1 in %,d); read %.1f s, built and written %.1f s%n",
                output, distinct, bytes, distinct == 0 ? 0.0 : (double) bytes / distinct, bits, 1L << bits,
                (read - started) / 1e9, (done - read) / 1e9);
        return 0;
    }

    private static void read(BreachFilterBuilder builder, String kind, String name, PrintStream out)
            throws IOException {
        int before = builder.added();
        switch (kind) {
            case "--pwned" -> {
                try (InputStream in = Files.newInputStream(Path.of(name))) {
                    long skipped = builder.addPwnedList(in);
                    if (skipped > 0) {
                        out.printf(Locale.ROOT, "%s: skipped %,d lines that are not SHA1:count%n", name, skipped);
                    }
                }
            }
            case "--plain" -> {
                try (InputStream in = Files.newInputStream(Path.of(name))) {
                    builder.addPlainList(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            default -> {
                try (InputStream in = BreachFilterCommand.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no resource " + name + " on the class path");
                    }
                    builder.addPlainList(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        }
        out.printf(Locale.ROOT, "%s: %,d passwords%n", name, builder.added() - before);
    }

    private static int verify(Path file, PrintStream out) {
        BreachFilter filter = BreachFilter.open(file);
        boolean intact = filter.dataIntact();
        out.println((intact ? "intact: " : "DAMAGED (data checksum mismatch): ") + filter);
        return intact ? 0 : 1;
    }

    /** Sizes the key array from the files (a Pwned line is ≈ 45 bytes), so 100 million keys are not copied around. */
    private static int expectedKeys(List<String[]> inputs) throws IOException {
        long expected = 0;
        for (String[] input : inputs) {
            if (input[0].equals("--pwned")) {
                expected += Files.size(Path.of(input[1])) / 42;
            }
        }
        return (int) Math.min(expected + 1024, Integer.MAX_VALUE - 8);
    }

    private static String usage() {
        return "usage: --output FILE [--fingerprint-bits 8..16] (--pwned FILE | --plain FILE | --plain-resource PATH)..."
                + " | --verify FILE";
    }
}
