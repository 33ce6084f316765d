package ru.marketplace.keycloak.reset.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilter;
import ru.marketplace.keycloak.reset.policy.breach.BreachFilterFileException;

/**
 * This node's breached-password filters: the list shipped in the jar, and each configured file, memory-mapped once.
 * Held by the policy factory (one per node), never in a static field. Sharing one mapping between realms, sessions
 * and threads is safe because a {@link BreachFilter} is immutable; nothing here is cluster state: every node maps
 * its own copy of the file, and the copies are equal because the file is built deterministically.
 *
 * <p>A file that is replaced (by an atomic rename) is mapped again within {@link #RECHECK} of the change. A file that
 * is missing or broken is reported in the log as an ERROR at most once per {@link #RECHECK} per file, and the check
 * falls back to the shipped list meanwhile: every password is still checked against the most common ones, no shopper
 * is locked out of setting a password, and the admin console refuses to save the setting (see
 * {@link BreachedPasswordPolicyProvider#parseConfig}).
 */
final class BreachFilters {

    /** The shipped list, built from zxcvbn4j's common passwords by the Maven build (see pom.xml). */
    static final String BUILTIN_RESOURCE = "ru/marketplace/keycloak/reset/policy/breach/common-passwords.bin";
    static final Duration RECHECK = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(BreachFilters.class);

    private final ConcurrentMap<Path, Mapped> files = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile BreachFilter builtin;

    BreachFilters(Clock clock) {
        this.clock = clock;
    }

    /** The shipped list (read on first use: ≈ 60 kB, well under a millisecond). */
    BreachFilter builtin() {
        BreachFilter loaded = builtin;
        if (loaded == null) {
            loaded = readBuiltin();
            builtin = loaded;
        }
        return loaded;
    }

    /**
     * The filter for {@code file}, or, when the file cannot be used, the shipped list (logged as an ERROR).
     *
     * @param file the configured file, or {@code null} for the shipped list
     */
    BreachFilter forFile(Path file) {
        if (file == null) {
            return builtin();
        }
        Mapped mapped = files.compute(file, (path, known) -> known != null && !known.due(clock.instant())
                ? known : reopen(path, known));
        return mapped.filter().orElseGet(this::builtin);
    }

    /**
     * Opens {@code file} now, for the admin saving the policy; throws what is wrong with it.
     *
     * @throws BreachFilterFileException with a message for the admin
     */
    BreachFilter openNow(Path file) {
        Mapped mapped = files.compute(file, (path, known) -> reopen(path, known));
        return mapped.filter().orElseThrow(() -> new BreachFilterFileException(mapped.problem()));
    }

    private Mapped reopen(Path path, Mapped known) {
        Instant now = clock.instant();
        Object version = versionOf(path);
        if (known != null && known.filter().isPresent() && known.version().equals(version)) {
            return known.checkedAt(now);
        }
        try {
            BreachFilter filter = BreachFilter.open(path);
            LOG.infof("Breached-password check uses %s", filter);
            return new Mapped(Optional.of(filter), null, version, now);
        } catch (BreachFilterFileException broken) {
            // reached at most once per RECHECK for a broken file, so the log repeats the problem without flooding
            LOG.errorf("%s. Until it is fixed, passwords are checked only against %s", broken.getMessage(), builtin());
            return new Mapped(Optional.empty(), broken.getMessage(), version, now);
        }
    }

    private static Object versionOf(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime() + "#" + attributes.fileKey();
        } catch (IOException missing) {
            return "missing";
        }
    }

    private static BreachFilter readBuiltin() {
        try (InputStream in = BreachFilters.class.getClassLoader().getResourceAsStream(BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + BUILTIN_RESOURCE + ": it was built without Maven");
            }
            byte[] bytes = in.readAllBytes();
            return BreachFilter.read(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip(), "the shipped list");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** One file's state: its filter or what is wrong with it, which version of the file that was, when checked. */
    private record Mapped(Optional<BreachFilter> filter, String problem, Object version, Instant checked) {

        boolean due(Instant now) {
            return !now.isBefore(checked.plus(RECHECK));
        }

        Mapped checkedAt(Instant now) {
            return new Mapped(filter, problem, version, now);
        }
    }
}
