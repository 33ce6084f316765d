package ru.marketplace.keycloak.reset.benchmark.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import ru.marketplace.keycloak.harness.HarnessSettings;

/**
 * {@code mvn -B -Pload verify [-Dload.rounds=3 -Dload.resets=30 -Dload.concurrency=4 -Dload.pending=400
 * -Dload.bigRows=true -Dload.accounts=1000000 …] [-Dload.chartToDocs=true]}: runs the load benchmark (see
 * {@link LoadBenchmark}), prints the table and writes {@code target/load-benchmark.md} and
 * {@code target/load-benchmark.png} (and {@code docs/performance.png} when asked).
 */
public final class LoadBenchmarkMain {

    private LoadBenchmarkMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // the driver's idle connections close after a second, so that the server's buffers for them are gone
        // before a heap histogram (they were counted as heap per pending reset otherwise)
        System.setProperty("jdk.httpclient.keepalive.timeout", "1");
        LoadSettings settings = LoadSettings.from(System.getProperties());
        HarnessSettings harness = HarnessSettings.fromSystemProperties();
        Path docs = Path.of(System.getProperty("load.docs.dir", "docs"));
        Result result = run(harness, settings, docs);
        System.out.println();
        System.out.println(result.markdown());
        System.out.println("[load] written: " + result.markdownFile() + ", " + result.chart()
                + (settings.chartToDocs() ? ", " + docs.resolve("performance.png") : ""));
    }

    /** What one run left behind: the document and where it and the chart were written. */
    record Result(LoadReport report, String markdown, Path markdownFile, Path chart) {
    }

    /** Starts everything, measures, writes the files, stops everything; shared by the main class and the smoke test. */
    static Result run(HarnessSettings harness, LoadSettings settings, Path docs) {
        Instant started = Instant.now();
        LoadReport report;
        try (LoadBenchmark benchmark = LoadBenchmark.start(harness, settings, line -> System.out.println("[load] " + line))) {
            report = benchmark.run();
        }
        Duration took = Duration.between(started, Instant.now());
        String environment = String.format("Run %s UTC, %d s in all; Keycloak 26.7.3 `start --optimized --cache=local "
                        + "--proxy-headers=xforwarded` on PostgreSQL (%s), server heap `%s`; %d cores seen by the driver, "
                        + "Java %s; machine shared with other work, so figures are of this run only.",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(started.atOffset(ZoneOffset.UTC)), took.toSeconds(),
                "binaries of this machine", settings.heap(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        String markdown = report.markdown(environment);
        Path output = harness.outputDir();
        Path markdownFile = output.resolve("load-benchmark.md");
        Path chart = output.resolve("load-benchmark.png");
        write(markdownFile, markdown);
        PerformanceChart.write(report, chart);
        if (settings.chartToDocs()) {
            PerformanceChart.write(report, docs.resolve("performance.png"));
        }
        return new Result(report, markdown, markdownFile, chart);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
