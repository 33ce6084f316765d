package ru.marketplace.keycloak.reset.benchmark.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** A real line of a JVM (pid 4242), shortened after field 20. */
    private static final String JAVA = "4242 (java) S 4200 4200 4100 0 -1 4194560 254932 0 3 0 1534 287 0 0 20 0 94 0";

    @Test
    void addsUserAndSystemTicks() {
        assertEquals(1534 + 287, ProcStat.cpuTicks(JAVA));
    }

    @Test
    void systemTimeIsFieldFifteen() {
        assertEquals(287, ProcStat.systemTicks(JAVA));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String odd = "77 (my (odd) cmd) R 1 77 77 0 -1 4194560 10 0 0 0 25 5 7 9 20 0 1 0";
        assertEquals(30, ProcStat.cpuTicks(odd), "children's cutime/cstime (7, 9) are not the process's own");
    }

    @Test
    void ticksBecomeMillisecondsAtTheClockRate() {
        assertEquals(18_210.0, ProcStat.millis(1821, 100), 1e-9);
        assertEquals(1_000.0, ProcStat.millis(250, 250), 1e-9);
    }

    @Test
    void refusesWhatIsNotAStatLine() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("no parenthesis here"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("1 (java) S 1 2"));
    }
}
