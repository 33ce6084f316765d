package ru.marketplace.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removing the directories the harness creates: copies of Keycloak, database clusters, browser profiles. */
public final class Directories {

    private Directories() {
    }

    /** Deletes {@code root} and everything below it, deepest first; nothing to do when it is absent. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            for (Path path : deepestFirst(root)) {
                Files.deleteIfExists(path); // a server shutting down may remove its own files meanwhile
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }

    /** Deletes what it can of a temporary directory whose leftovers are harmless; never fails. */
    public static void deleteQuietly(Path root) {
        try {
            deepestFirst(root).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // the system's temporary directory is cleaned eventually
        }
    }

    private static List<Path> deepestFirst(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.sorted(Comparator.reverseOrder()).toList();
        }
    }
}
