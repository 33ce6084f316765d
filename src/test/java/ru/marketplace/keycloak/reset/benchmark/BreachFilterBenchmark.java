package ru.marketplace.keycloak.reset.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import ru.marketplace.keycloak.reset.policy.breach.BreachCheck;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilter;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilterBuilder;

/**
 * What the offline breached-password check costs per password: {@code listedPassword} / {@code unlistedPassword} are
 * what the policy runs (NFC check, SHA-1, three reads of the mapped file), {@code randomKey} the filter's reads alone,
 * {@code openFile} what opening the file costs (header and shard table read, shards mapped: what a realm's first use
 * adds, however big the file).
 * Passwords and keys rotate over 65,536 values, so reads land all over the file as real lookups do.
 *
 * <p>With the 100-million-entry file ({@link SyntheticPwnedList}, then BreachFilterCommand):
 * {@code mvn -B -Pbenchmark test -Djmh.args="BreachFilterBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * -p filter=target/synthetic-100m.bin"}; without {@code -p filter} it builds a 1-million-entry filter in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BreachFilterBenchmark {

    private static final int ROTATION = 1 << 16;

    /** A file built from {@link SyntheticPwnedList}, or "memory" for a 1,000,000-entry filter built at setup. */
    @Param("memory")
    public String filter;

    /** Entries of the synthetic list the file was built from (listed passwords are drawn below it). */
    @Param("100000000")
    public long entries;

    private BreachFilter breachFilter;
    private BreachCheck check;
    private final String[] listed = new String[ROTATION];
    private final String[] unlisted = new String[ROTATION];
    private final long[] keys = new long[ROTATION];
    private int next;

    @Setup
    public void openFilter() throws IOException {
        long listedCount = entries;
        if (filter.equals("memory")) {
            listedCount = 1_000_000;
            BreachFilterBuilder builder = new BreachFilterBuilder(BreachFilterBuilder.DEFAULT_FINGERPRINT_BITS, 1_000_000);
            for (int i = 0; i < listedCount; i++) {
                builder.addPassword(SyntheticPwnedList.listedPassword(i));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            builder.writeTo(bytes);
            breachFilter = BreachFilter.read(ByteBuffer.wrap(bytes.toByteArray()), "memory");
        } else {
            breachFilter = BreachFilter.open(Path.of(filter));
        }
        check = new BreachCheck(breachFilter, null, false);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ROTATION; i++) {
            listed[i] = SyntheticPwnedList.listedPassword(random.nextLong(listedCount));
            unlisted[i] = SyntheticPwnedList.unlistedPassword(i);
            keys[i] = random.nextLong();
        }
        if (!check.listedOffline(listed[0])) {
            throw new IllegalStateException(filter + " does not list " + listed[0] + ": wrong file or -p entries");
        }
    }

    @Benchmark
    public boolean listedPassword() {
        return check.listedOffline(listed[next++ & (ROTATION - 1)]);
    }

    @Benchmark
    public boolean unlistedPassword() {
        return check.listedOffline(unlisted[next++ & (ROTATION - 1)]);
    }

    @Benchmark
    public BreachFilter openFile() {
        return filter.equals("memory") ? breachFilter : BreachFilter.open(Path.of(filter));
    }

    @Benchmark
    public boolean randomKey() {
        return breachFilter.mightContain(keys[next++ & (ROTATION - 1)]);
    }
}
