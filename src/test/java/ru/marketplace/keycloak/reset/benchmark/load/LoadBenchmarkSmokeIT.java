package ru.marketplace.keycloak.reset.benchmark.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ru.marketplace.keycloak.harness.HarnessSettings;

/**
 * The load benchmark with tiny numbers, in {@code mvn verify}'s production-mode run (tag "production", after
 * ProductionModeIT and ClusterIT, whose {@code kc.sh build} it reuses), so the benchmark cannot rot. It checks that
 * every row was measured with sane values, never how fast anything is: speed is the benchmark's business.
 */
@Tag("production")
class LoadBenchmarkSmokeIT {

    private static final LoadSettings TINY = new LoadSettings(2, 2, 2, 0, 3, true, 6, 9, 100, 3, 10, 5,
            "-Xms256m -Xmx1g", false, 2);

    @Test
    void everyRowOfTheBenchmarkIsMeasured() throws Exception {
        HarnessSettings harness = HarnessSettings.fromSystemProperties();
        LoadBenchmarkMain.Result result = LoadBenchmarkMain.run(harness, TINY, harness.outputDir().resolve("load-smoke-docs"));
        System.out.println(result.markdown());
        LoadReport report = result.report();

        assertFalse(report.batches().isEmpty());
        for (LoadRunner.Batch batch : report.batches()) {
            assertEquals(batch.attempted(), batch.completed(), () -> "every walk finished: " + batch.errors());
            assertTrue(batch.serverCpuMillis() > 0, "the server's JVM used CPU during a batch");
            assertTrue(batch.wallSeconds() > 0);
        }
        for (String flow : new String[] {LoadReport.STOCK, LoadReport.PROJECT, LoadReport.LOGIN}) {
            assertEquals(TINY.rounds(), report.rounds(flow).size(), flow + ": one figure per round");
        }
        assertTrue(Double.isFinite(report.heapPerPendingKb(LoadReport.STOCK)));
        assertTrue(Double.isFinite(report.heapPerPendingKb(LoadReport.PROJECT)));
        assertTrue(Double.isFinite(report.floodKbPerRequest()));
        assertEquals(0, report.floodMails(), "unknown addresses are never mailed");

        ResultTable table = report.table();
        assertTrue(table.rows().stream().noneMatch(row -> row.n().equals(ResultTable.NOT_MEASURED)),
                () -> "every row measured:\n" + table.markdown());
        assertTrue(result.markdown().contains("project reset: full reset"));
        assertTrue(Files.readString(result.markdownFile()).contains("stock reset: full reset"));
        byte[] png = Files.readAllBytes(result.chart());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG");
        assertFalse(Files.exists(harness.outputDir().resolve("load-smoke-docs").resolve("performance.png")),
                "docs/ is written only when asked");
        Path log = harness.outputDir().resolve("keycloak-load.log");
        assertTrue(Files.readString(log).contains("Profile prod activated"), "production mode");
    }
}
