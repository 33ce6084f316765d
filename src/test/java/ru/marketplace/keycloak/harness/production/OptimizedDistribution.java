package ru.marketplace.keycloak.harness.production;

import ru.marketplace.keycloak.harness.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Keycloak installed the way an operator installs the extension: a copy of the distribution, the jar in
 * {@code providers/}, then {@code kc.sh build} with the build-time options, so that {@code kc.sh start --optimized}
 * starts without re-building. A copy, because the dev-mode tests keep using the unpacked distribution, and a build
 * for PostgreSQL would not serve them.
 */
public final class OptimizedDistribution {

    /**
     * What an operator builds with (README → Deploy to production): ProductionModeIT, ClusterIT and the load
     * benchmark use the same options, so whichever runs first builds and the others reuse the build.
     */
    public static final List<String> OPERATOR_BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true",
            "--metrics-enabled=true", "--event-metrics-user-enabled=true"); // the last two: reset activity as Prometheus counters

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    /** Written after a successful build: what was built, so an identical build can be reused. */
    private static final String STAMP = ".marketplace-build-stamp";

    private OptimizedDistribution() {
    }

    /**
     * Copies {@code distribution} to {@code target} (replacing what was there), installs {@code providerJar} and
     * runs {@code kc.sh build <buildOptions>}; the build's output is appended to {@code log}.
     *
     * <p>A build of the same distribution, jar (by content) and options already in {@code target} is reused, with
     * its {@code data/} emptied: the production-mode tests share one build instead of paying ≈30 s each.
     *
     * @return {@code target}, ready for {@code kc.sh start --optimized}
     */
    public static Path build(Path distribution, Path target, Path providerJar, List<String> buildOptions, Path log) {
        String stamp = "distribution=" + distribution.toAbsolutePath() + "\nprovider-sha256=" + sha256(providerJar)
                + "\noptions=" + String.join(" ", buildOptions) + "\n";
        Path stampFile = target.resolve(STAMP);
        if (stamp.equals(readIfPresent(stampFile))) {
            Directories.deleteTree(target.resolve("data"));
            append(log, "=== reused the build in " + target + " (same distribution, provider jar and options)\n");
            return target;
        }
        copyDistribution(distribution, target);
        copy(providerJar, target.resolve("providers").resolve(providerJar.getFileName()));
        List<String> command = new ArrayList<>(List.of("/bin/sh", target.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(buildOptions);
        ExternalCommand.Result result = ExternalCommand.run(command,
                Map.of("JAVA_HOME", System.getProperty("java.home")), BUILD_TIMEOUT);
        append(log, "=== " + String.join(" ", command) + "\n" + result.output());
        result.requireSuccess("kc.sh build");
        write(stampFile, stamp);
        return target;
    }

    /**
     * A second node's installation: a copy of a distribution {@link #build built} before, without its
     * {@code data/} (each node keeps its own temporary files and transaction log), ready for
     * {@code kc.sh start --optimized} without building again.
     */
    public static Path replicate(Path built, Path target) {
        copyTree(built, target, relative -> relative.startsWith("data") || relative.toString().equals(STAMP));
        return target;
    }

    /**
     * Everything but what earlier runs left behind: {@code data/} (imports, the dev database) and other provider
     * jars; the copy starts as a fresh download would.
     */
    private static void copyDistribution(Path from, Path to) {
        copyTree(from, to, relative -> relative.startsWith("data")
                || (relative.startsWith("providers") && relative.toString().endsWith(".jar")));
    }

    private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> leftOut) {
        Directories.deleteTree(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path relative = from.relativize(source);
                if (!leftOut.test(relative)) {
                    Path destination = to.resolve(relative);
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    private static String sha256(Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null; // unreadable: build again
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void append(Path log, String text) {
        try {
            Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + log, e);
        }
    }

}
