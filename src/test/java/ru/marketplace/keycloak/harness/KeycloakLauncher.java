package ru.marketplace.keycloak.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Keycloak started from an unpacked distribution with {@code kc.sh start-dev}, bound to 127.0.0.1 on
 * ports chosen at start, with an in-memory database. Plain Java (no JUnit), so the demo can use it too.
 * The demo fixes the HTTP port ({@link Builder#httpPort(int)}); the production-mode test runs a distribution
 * built with {@code kc.sh build} through {@link Builder#optimizedStart(List)}.
 *
 * <pre>{@code
 * try (KeycloakLauncher keycloak = KeycloakLauncher.builder()
 *         .home(Path.of("target/keycloak-26.7.3"))
 *         .providerJar(Path.of("target/marketplace-password-reset-0.1.0-SNAPSHOT.jar"))
 *         .realmExportDir(Path.of("realm-export"))
 *         .logFile(Path.of("target/keycloak-it.log"))
 *         .smtp("127.0.0.1", mail.port())
 *         .start()) {
 *     ...
 * }
 * }</pre>
 */
public final class KeycloakLauncher implements KeycloakServer {

    private static final String HOST = "127.0.0.1";
    private static final int PORT_ATTEMPTS = 3;
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /**
     * A Keycloak still starting ignores SIGTERM until its start completes (measured: the full 20 s grace, then
     * SIGKILL), and a half-started server has nothing to save: Ctrl-C during the demo's start ends it sooner.
     */
    private static final Duration ABORT_GRACE = Duration.ofSeconds(3);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final List<String> DEV_MODE = List.of("start-dev", "--db=dev-mem");

    private final Settings settings;
    private final int httpPort;
    private final int managementPort;
    private final Process process;
    private final Thread shutdownHook;
    private final Duration startupTime;
    private boolean stopped;

    private KeycloakLauncher(Settings settings, int httpPort, int managementPort, Process process,
                             Thread shutdownHook, Duration startupTime) {
        this.settings = settings;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.process = process;
        this.shutdownHook = shutdownHook;
        this.startupTime = startupTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    @Override
    public String baseUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    /** {@code http://127.0.0.1:<port>/realms/<realm>}. */
    @Override
    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    @Override
    public String adminUsername() {
        return settings.adminUsername();
    }

    @Override
    public String adminPassword() {
        return settings.adminPassword();
    }

    /** How long it took from launching {@code kc.sh} until the server answered (for the last, successful attempt). */
    @Override
    public Duration startupTime() {
        return startupTime;
    }

    /** The {@code kc.sh} process; Keycloak's JVM is among its descendants (the load benchmark measures that JVM). */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    public Path logFile() {
        return settings.logFile();
    }

    /** Everything the server has written to stdout and stderr so far (all start attempts of this launcher). */
    @Override
    public String log() {
        return readLog(settings.logFile());
    }

    @Override
    public synchronized boolean isRunning() {
        return !stopped && process.isAlive();
    }

    /** Blocks until the server has ended (or the timeout passed); for a demo that runs it in the foreground. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGTERM to {@code kc.sh} and the JVM it spawned; SIGKILL after a grace period. Idempotent. */
    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        ProcessTree.terminate(process.toHandle(), STOP_GRACE);
        removeShutdownHook(shutdownHook);
    }

    /** SIGKILL, no shutdown: the node crashes, as in a failover test. Idempotent with {@link #stop()}. */
    public synchronized void kill() {
        if (stopped) {
            return;
        }
        stopped = true;
        ProcessTree.kill(process.toHandle());
        removeShutdownHook(shutdownHook);
    }

    @Override
    public String toString() {
        return "Keycloak at " + baseUrl() + " (log " + settings.logFile() + ")";
    }

    // ---------------------------------------------------------------------------------------------------------

    private static KeycloakLauncher launch(Settings settings) {
        DistributionStaging.installRealmImports(settings.home(), settings.realmExportDir());
        if (settings.providerJar() != null) {
            DistributionStaging.installProvider(settings.home(), settings.providerJar());
        }
        truncate(settings.logFile());

        // A port picked as free can be taken before Keycloak binds it; a fresh pair usually fixes that.
        // A fixed HTTP port (the demo's) is the caller's promise: retrying cannot free it.
        boolean fixedPort = settings.httpPort() != 0;
        PortTakenException lastFailure = null;
        for (int attempt = 1; attempt <= (fixedPort ? 1 : PORT_ATTEMPTS); attempt++) {
            List<Integer> ports = FreePorts.pick(2);
            int httpPort = fixedPort ? settings.httpPort() : ports.get(0);
            int managementPort = ports.get(1) == httpPort ? ports.get(0) : ports.get(1);
            try {
                return launchOnce(settings, httpPort, managementPort);
            } catch (PortTakenException e) {
                lastFailure = e;
            }
        }
        if (fixedPort) {
            throw new IllegalStateException("Keycloak could not listen on " + HOST + ":" + settings.httpPort()
                    + ": the port is taken", lastFailure);
        }
        throw new IllegalStateException("Keycloak could not bind its ports in " + PORT_ATTEMPTS + " attempts",
                lastFailure);
    }

    private static KeycloakLauncher launchOnce(Settings settings, int httpPort, int managementPort) {
        List<String> command = new ArrayList<>(List.of(
                "/bin/sh", settings.home().resolve("bin").resolve("kc.sh").toString()));
        command.addAll(settings.startArgs());
        command.addAll(List.of(
                "--http-host=" + HOST,
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--import-realm"));
        command.addAll(settings.extraArgs());

        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(settings.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))); // kc.sh hands stdin to the JVM
        Map<String, String> env = pb.environment();
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        env.put("JAVA_OPTS_KC_HEAP", settings.heapOptions());
        if (settings.smtpHost() != null) {
            env.put("MARKETPLACE_SMTP_HOST", settings.smtpHost());
            env.put("MARKETPLACE_SMTP_PORT", Integer.toString(settings.smtpPort()));
        }
        env.putAll(settings.env());

        appendLog(settings.logFile(), "=== " + Instant.now() + " launching: " + String.join(" ", command) + "\n");
        int logOffset = readLog(settings.logFile()).length();
        Instant launchedAt = Instant.now();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
        // Registered before waiting: a run interrupted during start must not leave a server behind.
        AtomicBoolean ready = new AtomicBoolean();
        Thread hook = new Thread(
                () -> ProcessTree.terminate(process.toHandle(), ready.get() ? STOP_GRACE : ABORT_GRACE),
                "keycloak-launcher-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        URI probe = URI.create("http://" + HOST + ":" + httpPort + "/realms/master/.well-known/openid-configuration");
        try {
            awaitReady(process, probe, settings.logFile(), logOffset, settings.startupTimeout());
            ready.set(true);
        } catch (RuntimeException e) {
            ProcessTree.terminate(process.toHandle(), ABORT_GRACE);
            removeShutdownHook(hook);
            throw e;
        }
        return new KeycloakLauncher(settings, httpPort, managementPort, process, hook,
                Duration.between(launchedAt, Instant.now()));
    }

    private static void awaitReady(Process process, URI probe, Path logFile, int logOffset, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                String attemptLog = readLog(logFile).substring(logOffset);
                String message = "Keycloak exited with code " + process.exitValue() + " before it was ready. "
                        + "Last log lines (" + logFile + "):\n" + tail(attemptLog, 60);
                if (attemptLog.contains("Address already in use") || attemptLog.contains("Port already bound")) {
                    throw new PortTakenException(message);
                }
                throw new IllegalStateException(message);
            }
            if (answers200(http, probe)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak did not answer " + probe + " with 200 within " + timeout
                        + ". Last log lines (" + logFile + "):\n" + tail(readLog(logFile), 60));
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }

    private static boolean answers200(HttpClient http, URI probe) {
        try {
            HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak at " + probe, e);
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting and runs the hook itself
        }
    }


    private static void truncate(Path logFile) {
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(logFile, "", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + logFile, e);
        }
    }

    private static void appendLog(Path logFile, String text) {
        try {
            Files.writeString(logFile, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + logFile, e);
        }
    }

    private static String readLog(Path logFile) {
        try {
            // decoded leniently: a log with a broken byte sequence must still be searchable
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = Arrays.asList(text.split("\n", -1));
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Start failed because a port was taken: worth another try with other ports. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    /** Immutable copy of the builder, taken at {@link Builder#start()}. */
    private record Settings(Path home, Path providerJar, Path realmExportDir, Path logFile,
                            String adminUsername, String adminPassword, String heapOptions,
                            String smtpHost, int smtpPort, Map<String, String> env, List<String> startArgs,
                            List<String> extraArgs, int httpPort, Duration startupTimeout) {
    }

    /** Settings of the server; {@link #start()} launches it and returns once it answers. */
    public static final class Builder {
        private Path home;
        private Path providerJar;
        private Path realmExportDir;
        private Path logFile;
        private String adminUsername = "admin";
        private String adminPassword = "admin";
        private String heapOptions = "-Xms256m -Xmx768m";
        private String smtpHost;
        private int smtpPort;
        private final Map<String, String> env = new LinkedHashMap<>();
        /** The command and the options that come with it: dev mode on an in-memory database unless told otherwise. */
        private List<String> startArgs = DEV_MODE;
        private final List<String> extraArgs = new ArrayList<>();
        private int httpPort;
        private Duration startupTimeout = Duration.ofSeconds(180);

        private Builder() {
        }

        /** The unpacked distribution ({@code .../keycloak-26.7.3}); providers and imports are written into it. */
        public Builder home(Path home) {
            this.home = home;
            return this;
        }

        /** Copied into {@code providers/}; optional (without it Keycloak runs with its own providers only). */
        public Builder providerJar(Path providerJar) {
            this.providerJar = providerJar;
            return this;
        }

        /** Every {@code *.json} in it is imported at start; may be missing or empty. */
        public Builder realmExportDir(Path realmExportDir) {
            this.realmExportDir = realmExportDir;
            return this;
        }

        /** Receives the server's stdout and stderr; truncated at start. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder adminCredentials(String username, String password) {
            this.adminUsername = Objects.requireNonNull(username);
            this.adminPassword = Objects.requireNonNull(password);
            return this;
        }

        /** Value of {@code JAVA_OPTS_KC_HEAP}. */
        public Builder heapOptions(String heapOptions) {
            this.heapOptions = Objects.requireNonNull(heapOptions);
            return this;
        }

        /** Passed as {@code MARKETPLACE_SMTP_HOST} / {@code MARKETPLACE_SMTP_PORT}, which the realm file uses. */
        public Builder smtp(String host, int port) {
            this.smtpHost = Objects.requireNonNull(host);
            this.smtpPort = port;
            return this;
        }

        /** An extra environment variable for the server (applied last, so it can override the ones above). */
        public Builder env(String name, String value) {
            this.env.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Appended to the {@code kc.sh} command line, e.g. {@code --log-level=INFO,ru.marketplace:debug}. */
        public Builder extraArgs(List<String> args) {
            this.extraArgs.addAll(args);
            return this;
        }

        /**
         * Listen on this port of 127.0.0.1 instead of a free one chosen at start (the demo's fixed 8080). A taken
         * port then fails the start at once. The management port is still chosen free.
         */
        public Builder httpPort(int httpPort) {
            if (httpPort < 1 || httpPort > 65535) {
                throw new IllegalArgumentException("Not a TCP port: " + httpPort);
            }
            this.httpPort = httpPort;
            return this;
        }

        /**
         * Production mode: {@code kc.sh start --optimized <runtimeOptions>} instead of {@code start-dev
         * --db=dev-mem}. The distribution must have been built with {@code kc.sh build} (the provider jar is then
         * part of the build, so leave {@link #providerJar} unset); {@code runtimeOptions} carry what a production
         * start needs: database URL and user, {@code --http-enabled=true}, a hostname setting, the cache. Secrets
         * belong in {@link #env(String, String)} ({@code KC_DB_PASSWORD}): the log shows the command line.
         */
        public Builder optimizedStart(List<String> runtimeOptions) {
            List<String> args = new ArrayList<>(List.of("start", "--optimized"));
            args.addAll(runtimeOptions);
            this.startArgs = List.copyOf(args);
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /** Stages the distribution, launches Keycloak and waits until it answers; throws with the log tail if not. */
        public KeycloakLauncher start() {
            Objects.requireNonNull(home, "home (the unpacked Keycloak distribution) is required");
            Objects.requireNonNull(logFile, "logFile is required");
            if (!Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
                throw new IllegalStateException("No bin/kc.sh under " + home
                        + ": is the Keycloak distribution unpacked there (`mvn verify` does it before the ITs)?");
            }
            return launch(new Settings(home.toAbsolutePath(), absolute(providerJar), absolute(realmExportDir),
                    logFile.toAbsolutePath(), adminUsername, adminPassword,
                    heapOptions, smtpHost, smtpPort, Map.copyOf(env), startArgs, List.copyOf(extraArgs), httpPort,
                    startupTimeout));
        }

        private static Path absolute(Path path) {
            return path == null ? null : path.toAbsolutePath();
        }
    }
}
