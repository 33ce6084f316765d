package ru.marketplace.keycloak.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * OpenLDAP's {@code slapd} from the Debian package ({@code apt-get install slapd}), started for one test class
 * with its own configuration and database in a temporary directory, in the foreground on a free port of
 * 127.0.0.1, and stopped (directory deleted) by {@link #close()}. Paths: {@code -Dslapd.binary} (default
 * {@code /usr/sbin/slapd}), {@code -Dslapd.modules} ({@code /usr/lib/ldap}), {@code -Dslapd.schema}
 * ({@code /etc/ldap/schema}).
 */
public final class OpenLdapDirectory extends LdapDirectory {

    public static final Path BINARY = Path.of(System.getProperty("slapd.binary", "/usr/sbin/slapd"));
    private static final Path MODULES = Path.of(System.getProperty("slapd.modules", "/usr/lib/ldap"));
    private static final Path SCHEMA = Path.of(System.getProperty("slapd.schema", "/etc/ldap/schema"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final int port;

    private OpenLdapDirectory(Process process, Path workDir, Path log, int port) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.port = port;
    }

    public static OpenLdapDirectory start() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("OpenLDAP's slapd is not at " + BINARY
                    + ": install it (Debian/Ubuntu: apt-get install -y slapd) or point -Dslapd.binary at it");
        }
        try {
            Path workDir = Files.createTempDirectory("mp-slapd-");
            Path data = Files.createDirectories(workDir.resolve("data"));
            Path config = workDir.resolve("slapd.conf");
            Files.writeString(config, String.join("\n",
                    "include " + SCHEMA.resolve("core.schema"),
                    "include " + SCHEMA.resolve("cosine.schema"),
                    "include " + SCHEMA.resolve("inetorgperson.schema"),
                    "pidfile " + workDir.resolve("slapd.pid"),
                    "modulepath " + MODULES,
                    "moduleload back_mdb",
                    "database mdb",
                    "maxsize 104857600",
                    "suffix \"" + BASE_DN + "\"",
                    "rootdn \"" + MANAGER_DN + "\"",
                    "rootpw " + MANAGER_PASSWORD,
                    "directory " + data,
                    // shoppers bind with their own password and may change it; nobody else reads it
                    "access to attrs=userPassword by self write by anonymous auth by * none",
                    "access to * by * read",
                    ""));
            int port = FreePorts.pick();
            Path log = workDir.resolve("slapd.log");
            Process process = new ProcessBuilder(List.of(BINARY.toString(), "-f", config.toString(),
                    "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            OpenLdapDirectory directory = new OpenLdapDirectory(process, workDir, log, port);
            try {
                directory.awaitAnswer(START_TIMEOUT, directory::logText);
                directory.addBaseEntries();
            } catch (RuntimeException e) {
                directory.close();
                throw e;
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start slapd", e);
        }
    }

    @Override
    protected int port() {
        return port;
    }

    private String logText() {
        try {
            return (process.isAlive() ? "running" : "exited with " + process.exitValue()) + "; log: " + Files.readString(log);
        } catch (IOException e) {
            return "log unreadable: " + e;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Directories.deleteQuietly(workDir);
    }

    @Override
    public String toString() {
        return "OpenLDAP slapd at " + url();
    }
}
