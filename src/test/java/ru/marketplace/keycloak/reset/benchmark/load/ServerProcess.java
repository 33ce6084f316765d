package ru.marketplace.keycloak.reset.benchmark.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak's own JVM, measured from outside: {@code kc.sh} is a shell that starts {@code java} as its child, so
 * the JVM is the descendant whose command is {@code java}. CPU comes from {@code /proc/<pid>/stat} (that process
 * only: the shell and the benchmark's own JVM are not counted); the live heap from {@code jcmd <pid>
 * GC.class_histogram} (a full GC first).
 */
final class ServerProcess {

    private static final Duration JCMD_TIMEOUT = Duration.ofMinutes(2);

    private final long pid;
    private final long ticksPerSecond;
    private final Path jcmd;

    private ServerProcess(long pid, long ticksPerSecond, Path jcmd) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
        this.jcmd = jcmd;
    }

    /** The {@code java} process among {@code launcher}'s descendants (the launcher itself if it is java). */
    static ServerProcess javaOf(ProcessHandle launcher) {
        ProcessHandle jvm = Stream.concat(Stream.of(launcher), launcher.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No java process under pid " + launcher.pid()
                        + " (kc.sh): is Keycloak running?"));
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new IllegalStateException(jcmd + " is missing: the benchmark needs a JDK, not a JRE");
        }
        return new ServerProcess(jvm.pid(), clockTicksPerSecond(), jcmd);
    }

    long pid() {
        return pid;
    }

    /** CPU time (user + system) the JVM has used since it started, in milliseconds (10 ms resolution at 100 Hz). */
    double cpuMillis() {
        return ProcStat.millis(ProcStat.cpuTicks(stat()), ticksPerSecond);
    }

    /** The live objects by class, after the full GC that the histogram command runs first. */
    ClassHistogram liveHistogram() {
        return ClassHistogram.parse(run(List.of(jcmd.toString(), Long.toString(pid), "GC.class_histogram")));
    }

    /** The part of {@link #cpuMillis} spent in the kernel (system time). */
    double systemCpuMillis() {
        return ProcStat.millis(ProcStat.systemTicks(stat()), ticksPerSecond);
    }

    private String stat() {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /proc/" + pid + "/stat (is this Linux, is Keycloak alive?)", e);
        }
    }

    /** CPU by kind of thread since the JVM started (see {@link ThreadCpu}). */
    java.util.Map<ThreadCpu.Kind, Double> cpuMillisByThreadKind() {
        return ThreadCpu.millisByKind(pid, ticksPerSecond);
    }

    /**
     * Starts a JFR recording with the JDK's {@code profile} settings and Java method samples at their highest rate
     * ({@code method-profiling=max}, a sample about every millisecond of a running thread's CPU).
     */
    void startRecording(String name) {
        run(List.of(jcmd.toString(), Long.toString(pid), "JFR.start", "name=" + name, "settings=profile",
                "method-profiling=max"));
    }

    /** Stops the recording and writes it to {@code file}. */
    void stopRecording(String name, Path file) {
        run(List.of(jcmd.toString(), Long.toString(pid), "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath()));
    }

    private static long clockTicksPerSecond() {
        try {
            return Long.parseLong(run(List.of("getconf", "CLK_TCK")).trim());
        } catch (RuntimeException e) {
            return 100; // USER_HZ is 100 on every Linux architecture Keycloak runs on
        }
    }

    private static String run(List<String> command) {
        try {
            Path out = Files.createTempFile("load-benchmark", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!process.waitFor(JCMD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out: " + String.join(" ", command));
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + command, e);
        }
    }
}
