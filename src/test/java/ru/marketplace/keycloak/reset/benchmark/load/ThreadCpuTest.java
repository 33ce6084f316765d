package ru.marketplace.keycloak.reset.benchmark.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void threadNamesAsLinuxKeepsThemTellTheKind() {
        assertEquals(ThreadCpu.Kind.GC, ThreadCpu.kindOf("GC Thread#1"));
        assertEquals(ThreadCpu.Kind.GC, ThreadCpu.kindOf("G1 Conc#0"));
        assertEquals(ThreadCpu.Kind.JIT, ThreadCpu.kindOf("C2 CompilerThre"));
        assertEquals(ThreadCpu.Kind.JIT, ThreadCpu.kindOf("C1 CompilerThre"));
        assertEquals(ThreadCpu.Kind.VM, ThreadCpu.kindOf("VM Thread"));
        assertEquals(ThreadCpu.Kind.JAVA, ThreadCpu.kindOf("executor-thread"));
        assertEquals(ThreadCpu.Kind.JAVA, ThreadCpu.kindOf("vert.x-eventloo"));
    }

    @Test
    void theNameMayHoldSpacesAndParentheses() {
        assertEquals("GC Thread#0", ThreadCpu.commOf("1234 (GC Thread#0) S 1 2 3"));
        assertEquals("a) (b", ThreadCpu.commOf("1234 (a) (b) S 1 2 3"));
    }

    @Test
    void thisJvmsThreadsAreRead() {
        long pid = ProcessHandle.current().pid();
        Map<ThreadCpu.Kind, Double> before = ThreadCpu.millisByKind(pid, 100);
        double spin = 0;
        for (long i = 0, end = System.nanoTime() + 300_000_000L; System.nanoTime() < end; i++) {
            spin += Math.sqrt(i);
        }
        Map<ThreadCpu.Kind, Double> spent = ThreadCpu.difference(before, ThreadCpu.millisByKind(pid, 100));
        assertTrue(spin > 0);
        assertTrue(spent.get(ThreadCpu.Kind.JAVA) > 0, "this thread's spinning counted as Java threads: " + spent);
    }
}
