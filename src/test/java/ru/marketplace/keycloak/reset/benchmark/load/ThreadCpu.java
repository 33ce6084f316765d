package ru.marketplace.keycloak.reset.benchmark.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The server JVM's CPU split by kind of thread, from {@code /proc/<pid>/task/<tid>/stat}: the JFR samples only
 * cover Java threads, so the garbage collector's and the JIT compiler's share is read here. A thread that ended
 * between two readings takes its ticks with it; the kinds are compared before and after a batch, so only threads
 * that live through it (all of these do: they are pools) count exactly.
 */
final class ThreadCpu {

    enum Kind {
        GC("garbage collector"), JIT("JIT compiler"), VM("other JVM threads"), JAVA("Java threads (sampled by JFR)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private ThreadCpu() {
    }

    /** The kind of a thread by its name as Linux keeps it ({@code comm}, at most 15 characters). */
    static Kind kindOf(String comm) {
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("GC ")) {
            return Kind.GC;
        }
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return Kind.JIT;
        }
        if (comm.equals("VM Thread") || comm.equals("VM Periodic Tas") || comm.startsWith("Service Thread")
                || comm.startsWith("Monitor Deflati") || comm.startsWith("JFR ") || comm.equals("Common-Cleaner")
                || comm.equals("Signal Dispatch") || comm.equals("Finalizer") || comm.equals("Reference Handl")) {
            return Kind.VM;
        }
        return Kind.JAVA;
    }

    /** The thread name inside a stat line's parentheses. */
    static String commOf(String statLine) {
        int open = statLine.indexOf('(');
        int close = statLine.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/task/<tid>/stat line: " + statLine);
        }
        return statLine.substring(open + 1, close);
    }

    /** Milliseconds of CPU each kind of thread of {@code pid} has used since it started. */
    static Map<Kind, Double> millisByKind(long pid, long ticksPerSecond) {
        Map<Kind, Double> millis = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            millis.put(kind, 0.0);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                } catch (NoSuchFileException ended) {
                    continue;
                }
                millis.merge(kindOf(commOf(stat)), ProcStat.millis(ProcStat.cpuTicks(stat), ticksPerSecond), Double::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the threads of pid " + pid + " in /proc", e);
        }
        return millis;
    }

    /** {@code after − before}, kind by kind. */
    static Map<Kind, Double> difference(Map<Kind, Double> before, Map<Kind, Double> after) {
        Map<Kind, Double> spent = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            spent.put(kind, after.getOrDefault(kind, 0.0) - before.getOrDefault(kind, 0.0));
        }
        return spent;
    }
}
