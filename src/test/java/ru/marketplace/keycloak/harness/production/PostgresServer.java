package ru.marketplace.keycloak.harness.production;

import ru.marketplace.keycloak.harness.Directories;
import ru.marketplace.keycloak.harness.FreePorts;
import ru.marketplace.keycloak.harness.Pkce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A throw-away PostgreSQL cluster for one test run: {@code initdb} into a directory under {@code target/},
 * {@code pg_ctl start} on a free port of 127.0.0.1 (TCP, password authentication, as Keycloak connects in
 * production) with its Unix socket in the same directory (the superuser's door, no password). {@link #stop()}
 * shuts it down and deletes the cluster.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final int START_ATTEMPTS = 3;
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    /** A Unix socket path must fit in sun_path (108 bytes on Linux, 104 on macOS). */
    private static final int MAX_SOCKET_PATH = 100;

    private final PostgresInstallation installation;
    private final Path workDir;
    private final Path dataDir;
    private final Path socketDir;
    private final Path serverLog;
    private final Path keptLog;
    private final int port;
    private final Thread shutdownHook;
    private boolean stopped;

    /** A database with its own login role, as an operator creates one for Keycloak. */
    public record Database(String name, String username, String password, String jdbcUrl) {
    }

    private PostgresServer(PostgresInstallation installation, Path workDir, Path socketDir, Path keptLog, int port) {
        this.installation = installation;
        this.workDir = workDir;
        this.dataDir = workDir.resolve("data");
        this.socketDir = socketDir;
        this.serverLog = workDir.resolve("postgres.log");
        this.keptLog = keptLog;
        this.port = port;
        // an interrupted run must not leave a server holding the port and the directory
        this.shutdownHook = new Thread(() -> pgCtlStop("immediate"), "postgres-it-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Creates and starts a cluster in {@code workDir} (emptied first). The server's log is copied to
     * {@code keptLog} when it stops.
     *
     * @throws PostgresInstallation.PostgresMissingException when PostgreSQL is not installed
     */
    public static PostgresServer start(Path workDir, Path keptLog) {
        PostgresInstallation installation = PostgresInstallation.find();
        Path dir = prepareDirectory(installation, workDir);
        Path socketDir = dir.toString().length() + 20 < MAX_SOCKET_PATH ? dir : shortSocketDir(installation);
        run(installation.command("initdb", "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"),
                "initdb");
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = FreePorts.pick();
            PostgresServer server = new PostgresServer(installation, dir, socketDir, keptLog, port);
            try {
                server.pgCtlStart();
                return server;
            } catch (IllegalStateException e) {
                Runtime.getRuntime().removeShutdownHook(server.shutdownHook);
                lastFailure = e;
                if (!server.log().contains("could not bind")) {
                    break; // only a port taken meanwhile is worth another try
                }
            }
        }
        throw lastFailure;
    }

    public int port() {
        return port;
    }

    /** Creates a login role with a random password and a database it owns. */
    public Database createDatabase(String name, String username) {
        String password = Pkce.randomToken().replaceAll("[^A-Za-z0-9]", "");
        psql("postgres", "CREATE ROLE " + username + " LOGIN PASSWORD '" + password + "'");
        psql("postgres", "CREATE DATABASE " + name + " OWNER " + username + " ENCODING 'UTF8'");
        return new Database(name, username, password, "jdbc:postgresql://127.0.0.1:" + port + "/" + name);
    }

    /** Runs one SQL statement as the superuser; returns the rows, one per line, columns separated by '|'. */
    public String psql(String database, String sql) {
        return run(installation.command("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", socketDir.toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", database,
                "-c", sql), "psql " + sql).output().strip();
    }

    /** Drops the database and its role; fails if anyone is still connected (Keycloak must be stopped first). */
    public void dropDatabase(Database database) {
        psql("postgres", "DROP DATABASE " + database.name());
        psql("postgres", "DROP ROLE " + database.username());
    }

    /** The server's log so far. */
    public String log() {
        try {
            return Files.exists(serverLog) ? new String(Files.readAllBytes(serverLog)) : "";
        } catch (IOException e) {
            return "(cannot read " + serverLog + ": " + e.getMessage() + ")";
        }
    }

    /** Fast shutdown (sessions are ended, data is flushed), then the cluster is deleted. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            pgCtlStop("fast");
            keepLog();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmExiting) {
                // the hook runs anyway
            }
            Directories.deleteTree(workDir);
            if (!socketDir.equals(workDir)) {
                Directories.deleteTree(socketDir);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port + " (cluster " + dataDir + ")";
    }

    // ---------------------------------------------------------------------------------------------------------

    private void pgCtlStart() {
        // fsync off: a test cluster need not survive a power cut, and it saves seconds on every commit burst
        String options = "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        ExternalCommand.Result result = ExternalCommand.run(installation.command("pg_ctl", "-D", dataDir.toString(),
                "-l", serverLog.toString(), "-w", "-t", "60", "-o", options, "start"), Map.of(), COMMAND_TIMEOUT);
        if (!result.succeeded()) {
            throw new IllegalStateException("PostgreSQL did not start on 127.0.0.1:" + port + ": " + result.output()
                    + "\nServer log (" + serverLog + "):\n" + ExternalCommand.tail(log(), 30));
        }
    }

    private void pgCtlStop(String mode) {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            ExternalCommand.run(installation.command("pg_ctl", "-D", dataDir.toString(), "-m", mode, "-w", "-t", "60",
                    "stop"), Map.of(), COMMAND_TIMEOUT);
        }
    }

    private void keepLog() {
        try {
            if (Files.exists(serverLog)) {
                Files.copy(serverLog, keptLog, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("[prod-it] cannot keep the PostgreSQL log: " + e.getMessage());
        }
    }

    private static ExternalCommand.Result run(List<String> command, String what) {
        return ExternalCommand.run(command, Map.of(), COMMAND_TIMEOUT).requireSuccess(what);
    }

    /**
     * An empty {@code workDir} the server's account can write to. When that account cannot reach it (a checkout
     * in root's home directory, mode 700), a directory under the system's temp directory is used instead.
     */
    private static Path prepareDirectory(PostgresInstallation installation, Path workDir) {
        try {
            Directories.deleteTree(workDir);
            Files.createDirectories(workDir);
            installation.giveAway(workDir);
            if (installation.canWrite(workDir)) {
                return workDir;
            }
            Directories.deleteTree(workDir);
            Path elsewhere = Files.createTempDirectory("marketplace-postgres-it");
            installation.giveAway(elsewhere);
            System.out.println("[prod-it] " + installation.runAs().orElse("") + " cannot write to " + workDir
                    + "; the cluster goes to " + elsewhere);
            return elsewhere;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + workDir + " for PostgreSQL", e);
        }
    }

    private static Path shortSocketDir(PostgresInstallation installation) {
        try {
            Path dir = Files.createTempDirectory("pg");
            installation.giveAway(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a socket directory", e);
        }
    }

}
