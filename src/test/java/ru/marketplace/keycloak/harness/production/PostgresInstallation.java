package ru.marketplace.keycloak.harness.production;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where PostgreSQL's server programs are on this machine and which account runs them. PostgreSQL refuses to run
 * as root, so a root build (CI containers) runs them as the {@code postgres} account the distribution packages
 * create.
 *
 * @param binDir     holds initdb, pg_ctl, psql
 * @param runAs      the account the programs run as, when it is not the current one
 */
record PostgresInstallation(Path binDir, Optional<String> runAs) {

    /** Set to the directory with initdb and pg_ctl when they are somewhere unusual. */
    static final String BIN_PROPERTY = "postgres.bin";
    private static final String SERVICE_ACCOUNT = "postgres";
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "psql");

    /** @throws PostgresMissingException with what to install, when the programs are nowhere to be found */
    static PostgresInstallation find() {
        String configured = System.getProperty(BIN_PROPERTY, "").trim();
        if (!configured.isEmpty() && !hasPrograms(Path.of(configured))) {
            throw new IllegalStateException("-D" + BIN_PROPERTY + "=" + configured + " holds no " + PROGRAMS
                    + ": point it at PostgreSQL's bin directory (e.g. /usr/lib/postgresql/15/bin).");
        }
        return find(candidates(), "root".equals(System.getProperty("user.name")));
    }

    /** The first of {@code candidates} holding the programs; as root, run by the {@code postgres} account. */
    static PostgresInstallation find(Stream<Path> candidates, boolean root) {
        Path binDir = candidates.filter(PostgresInstallation::hasPrograms).findFirst()
                .orElseThrow(PostgresMissingException::new);
        if (!root) {
            return new PostgresInstallation(binDir, Optional.empty());
        }
        if (!ExternalCommand.run(List.of("id", "-u", SERVICE_ACCOUNT), Map.of(), Duration.ofSeconds(10)).succeeded()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and there is no '" + SERVICE_ACCOUNT
                    + "' account to run it as. The Debian/Ubuntu package creates one (apt-get install -y postgresql); "
                    + "or run the build as an ordinary user.");
        }
        if (runuser().isEmpty()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and 'runuser' (util-linux), which "
                    + "would run it as '" + SERVICE_ACCOUNT + "', is not installed.");
        }
        return new PostgresInstallation(binDir, Optional.of(SERVICE_ACCOUNT));
    }

    /** The command line that runs {@code program} of this installation as the right account. */
    List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binDir.resolve(program).toString());
        command.addAll(List.of(args));
        return asServerAccount(command);
    }

    /** {@code command} as the account the server runs as. */
    List<String> asServerAccount(List<String> command) {
        List<String> wrapped = new ArrayList<>();
        // started in /: the caller's directory (a clone under `mktemp -d`, mode 700) may be closed to that account, and
        // PostgreSQL's programs then print «could not change directory» into the output the harness parses
        runAs.ifPresent(account -> wrapped.addAll(List.of(runuser().orElseThrow(), "-u", account, "--", "env", "-C", "/")));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands {@code dir} to the account the server runs as, so initdb can create the cluster inside it. */
    void giveAway(Path dir) throws IOException {
        if (runAs.isPresent()) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(runAs.get());
            Files.setOwner(dir, owner);
        }
    }

    /** Whether the server's account can create files in {@code dir} (every parent must let it through). */
    boolean canWrite(Path dir) {
        if (runAs.isEmpty()) {
            return Files.isWritable(dir);
        }
        List<String> test = asServerAccount(List.of("/bin/sh", "-c", "test -w \"$1\"", "sh", dir.toString()));
        return ExternalCommand.run(test, Map.of(), Duration.ofSeconds(10)).succeeded();
    }

    private static Stream<Path> candidates() {
        String configured = System.getProperty(BIN_PROPERTY, "").trim();
        if (!configured.isEmpty()) {
            return Stream.of(Path.of(configured));
        }
        // Debian/Ubuntu: /usr/lib/postgresql/<major>/bin; RHEL/Fedora (PGDG): /usr/pgsql-<major>/bin; then PATH
        List<Path> found = new ArrayList<>(versionedDirs(Path.of("/usr/lib/postgresql"), "*", "bin"));
        found.addAll(versionedDirs(Path.of("/usr"), "pgsql-*", "bin"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                found.add(Path.of(dir));
            }
        }
        return found.stream();
    }

    /** {@code parent/<glob>/<child>}, highest version first. */
    private static List<Path> versionedDirs(Path parent, String glob, String child) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return dirs;
        }
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(parent, glob)) {
            versions.forEach(version -> dirs.add(version.resolve(child)));
        } catch (IOException unreadable) {
            return dirs;
        }
        dirs.sort(Comparator.comparing(PostgresInstallation::majorVersion).reversed());
        return dirs;
    }

    private static int majorVersion(Path binDir) {
        String name = binDir.getParent().getFileName().toString().replaceAll("\\D", "");
        return name.isEmpty() ? 0 : Integer.parseInt(name.substring(0, Math.min(name.length(), 4)));
    }

    private static boolean hasPrograms(Path dir) {
        return PROGRAMS.stream().allMatch(program -> Files.isExecutable(dir.resolve(program)));
    }

    private static Optional<String> runuser() {
        return Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser")
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }

    /** PostgreSQL is not installed: say what to install instead of failing somewhere deep down. */
    static final class PostgresMissingException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PostgresMissingException() {
            super("PostgreSQL is not installed: ProductionModeIT runs Keycloak in production mode on a real "
                    + "PostgreSQL it starts itself from initdb/pg_ctl/psql (no service, no Docker). Install it "
                    + "(Debian/Ubuntu: sudo apt-get install -y postgresql; Fedora: sudo dnf install "
                    + "postgresql-server; macOS: brew install postgresql@16), or point -D" + BIN_PROPERTY
                    + "=<dir> at the directory holding initdb and pg_ctl, or skip this one test with "
                    + "-DskipProductionIT.");
        }
    }
}
