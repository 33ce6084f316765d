package ru.marketplace.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the extension and the realm files into an unpacked Keycloak distribution before it starts.
 * The distribution directory is reused between runs, so whatever a previous run left there is removed first.
 */
final class DistributionStaging {

    /** "marketplace-password-reset-0.1.0-SNAPSHOT.jar" → "marketplace-password-reset". */
    private static final Pattern VERSIONED_JAR = Pattern.compile("^(.+?)-\\d[^/]*\\.jar$");

    private DistributionStaging() {
    }

    /**
     * Copies the provider jar into {@code <home>/providers/}, replacing any other copy of it (any version).
     * An identical copy already there is left untouched: Keycloak re-runs its ≈20 s build step whenever a
     * provider's timestamp changes, so keeping it saves that on a re-run without code changes.
     */
    static Path installProvider(Path home, Path providerJar) {
        if (!Files.isRegularFile(providerJar)) {
            throw new IllegalStateException("Provider jar not found: " + providerJar
                    + " (it is built by `mvn package`)");
        }
        Path providers = createDirectories(home.resolve("providers"));
        String name = providerJar.getFileName().toString();
        Path installed = providers.resolve(name);
        String stem = artifactStem(name);
        for (Path stale : list(providers, "*.jar")) {
            String staleName = stale.getFileName().toString();
            boolean sameArtifact = staleName.equals(name) || artifactStem(staleName).equals(stem);
            if (sameArtifact && !(stale.equals(installed) && sameContent(stale, providerJar))) {
                delete(stale);
            }
        }
        return Files.exists(installed) ? installed : copy(providerJar, installed);
    }

    /**
     * Makes {@code <home>/data/import/} hold exactly the {@code *.json} files of {@code realmExportDir}.
     * A missing or empty directory is fine: Keycloak then starts with the master realm only.
     */
    static List<Path> installRealmImports(Path home, Path realmExportDir) {
        Path importDir = createDirectories(home.resolve("data").resolve("import"));
        list(importDir, "*.json").forEach(DistributionStaging::delete);
        List<Path> copied = new ArrayList<>();
        if (realmExportDir != null && Files.isDirectory(realmExportDir)) {
            for (Path realmFile : list(realmExportDir, "*.json")) {
                copied.add(copy(realmFile, importDir.resolve(realmFile.getFileName())));
            }
        }
        return copied;
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1L;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compare " + a + " with " + b, e);
        }
    }

    private static String artifactStem(String jarName) {
        Matcher m = VERSIONED_JAR.matcher(jarName);
        return m.matches() ? m.group(1) : jarName.replaceFirst("\\.jar$", "");
    }

    private static List<Path> list(Path dir, String glob) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        files.sort(null);
        return files;
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private static Path copy(Path from, Path to) {
        try {
            return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
