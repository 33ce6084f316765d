package ru.marketplace.keycloak.reset.benchmark.load;

/**
 * The CPU a process has used, read from the text of {@code /proc/<pid>/stat} (see proc(5)): fields 14 and 15,
 * {@code utime} and {@code stime}, in clock ticks. The second field (the command name) is in parentheses and may
 * itself contain spaces and parentheses, so the fields are counted from the last {@code ')'}.
 */
final class ProcStat {

    private ProcStat() {
    }

    /** utime + stime of the process itself (not of its waited-for children), in clock ticks. */
    static long cpuTicks(String statLine) {
        String[] fields = fields(statLine);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** stime alone: the part of {@link #cpuTicks} spent in the kernel (system calls, loopback TCP), in clock ticks. */
    static long systemTicks(String statLine) {
        return Long.parseLong(fields(statLine)[12]);
    }

    /** The fields after the command name: field 3 (state) is index 0, utime (14) index 11, stime (15) index 12. */
    private static String[] fields(String statLine) {
        int end = statLine.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
        }
        String[] fields = statLine.substring(end + 1).trim().split("\\s+");
        if (fields.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + statLine);
        }
        return fields;
    }

    /** Clock ticks to milliseconds at {@code ticksPerSecond} (USER_HZ, {@code getconf CLK_TCK}, usually 100). */
    static double millis(long ticks, long ticksPerSecond) {
        return ticks * 1000.0 / ticksPerSecond;
    }
}
