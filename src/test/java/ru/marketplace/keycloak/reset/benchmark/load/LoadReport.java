package ru.marketplace.keycloak.reset.benchmark.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Everything the benchmark measured, and its rendering: the one table, the heap growth by class, the parameters. */
final class LoadReport {

    static final String STOCK = "stock reset";
    static final String PROJECT = "project reset";
    static final String LOGIN = "password login";

    /** One flow's figures in one round, for the table's spread and for the chart. */
    record Round(int round, LoadRunner.Batch batch, HeapFigures left) {
    }

    private record Pending(LoadRunner.Batch batch, HeapFigures heap) {
    }

    private record Side(long accountsInDatabase, LoadRunner.Batch batch) {
    }

    /** One flow's profiled batch: its CPU by kind of thread and the Java threads' samples. */
    private record Profiled(LoadRunner.Batch batch, Map<ThreadCpu.Kind, Double> threads, double systemMillis,
                            CpuProfile samples, java.nio.file.Path recording) {

        double perOperation(double millis) {
            return batch.completed() == 0 ? Double.NaN : millis / batch.completed();
        }

        /** The Java threads' CPU: the process's, less what the GC, JIT and other JVM threads used (/proc). */
        double javaThreadsMillis() {
            return batch.serverCpuMillis() - threads.get(ThreadCpu.Kind.GC) - threads.get(ThreadCpu.Kind.JIT)
                    - threads.get(ThreadCpu.Kind.VM);
        }

        double samplesPerOperation(int samples) {
            return perOperation(this.samples.millis(samples, javaThreadsMillis()));
        }
    }

    private final LoadSettings settings;
    private final Map<String, List<Round>> rounds = new LinkedHashMap<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Profiled> profiles = new LinkedHashMap<>();
    private final List<LoadRunner.Batch> batches = new ArrayList<>();
    private final List<Side> accountSides = new ArrayList<>();
    private Duration bulkLoadTime;
    private LoadRunner.Batch oneIp;
    private HeapFigures oneIpHeap;
    private int oneIpMails;
    private LoadRunner.Batch flood;
    private HeapFigures floodHeap;
    private int floodMails;
    private int floodBoundKb;
    private String bigRowsSkipped;
    private Map<String, Duration> phases = Map.of();
    private int mailsInCatcher;

    LoadReport(LoadSettings settings) {
        this.settings = settings;
    }

    // --- recording ------------------------------------------------------------------------------------------

    void round(String flow, int round, LoadRunner.Batch batch, HeapFigures left) {
        rounds.computeIfAbsent(flow, f -> new ArrayList<>()).add(new Round(round, batch, left));
        batches.add(batch);
    }

    void pending(String flow, LoadRunner.Batch batch, HeapFigures heap) {
        pending.put(flow, new Pending(batch, heap));
        batches.add(batch);
    }

    void manyAccounts(long fewInDatabase, List<LoadRunner.Batch> fewSides, long manyInDatabase, LoadRunner.Batch manySide,
                      Duration loadTime) {
        accountSides.add(new Side(fewInDatabase, fewSides.get(0)));
        accountSides.add(new Side(manyInDatabase, manySide));
        accountSides.add(new Side(fewInDatabase, fewSides.get(1)));
        batches.addAll(fewSides);
        batches.add(manySide);
        bulkLoadTime = loadTime;
    }

    void oneIp(LoadRunner.Batch batch, HeapFigures heap, int mails) {
        oneIp = batch;
        oneIpHeap = heap;
        oneIpMails = mails;
        batches.add(batch);
    }

    void flood(LoadRunner.Batch batch, HeapFigures heap, int mails, int boundKbPerRequest) {
        flood = batch;
        floodHeap = heap;
        floodMails = mails;
        floodBoundKb = boundKbPerRequest;
        batches.add(batch);
    }

    void profile(String flow, LoadRunner.Batch batch, Map<ThreadCpu.Kind, Double> threads, double systemMillis,
                 CpuProfile samples, java.nio.file.Path recording) {
        profiles.put(flow, new Profiled(batch, threads, systemMillis, samples, recording));
        batches.add(batch);
    }

    /** The extension's own code (leaf frames in ru.marketplace) in ms of CPU per operation of {@code flow}; NaN if not profiled. */
    double extensionSelfMillis(String flow) {
        Profiled p = profiles.get(flow);
        return p == null ? Double.NaN : p.samplesPerOperation(p.samples().extensionSelf());
    }

    void skippedBigRows(String why) {
        bigRowsSkipped = why;
    }

    void phases(Map<String, Duration> phases) {
        this.phases = new LinkedHashMap<>(phases);
    }

    void mail(int mails) {
        this.mailsInCatcher += mails;
    }

    // --- reading --------------------------------------------------------------------------------------------

    List<LoadRunner.Batch> batches() {
        return List.copyOf(batches);
    }

    List<Round> rounds(String flow) {
        return rounds.getOrDefault(flow, List.of());
    }

    /** KB of live heap per pending reset of {@code flow}; NaN when not measured. */
    double heapPerPendingKb(String flow) {
        Pending p = pending.get(flow);
        return p == null ? Double.NaN : p.heap().kilobytesPerOperation();
    }

    double floodKbPerRequest() {
        return floodHeap == null ? Double.NaN : floodHeap.kilobytesPerOperation();
    }

    int floodMails() {
        return floodMails;
    }

    // --- rendering ------------------------------------------------------------------------------------------

    ResultTable table() {
        ResultTable table = new ResultTable();
        for (String flow : List.of(STOCK, PROJECT)) {
            addFlowRows(table, flow, flow.equals(STOCK) ? Walks.STOCK_STEPS : Walks.PROJECT_STEPS);
        }
        addLoginRow(table);
        if (bigRowsSkipped != null) {
            table.addNotMeasured("one IP, many shoppers", bigRowsSkipped);
            table.addNotMeasured("many accounts", bigRowsSkipped);
            table.addNotMeasured("flood", bigRowsSkipped);
            return table;
        }
        addOneIpRow(table);
        addAccountRows(table);
        addFloodRow(table);
        return table;
    }

    private void addFlowRows(ResultTable table, String flow, List<String> steps) {
        List<Round> flowRounds = rounds(flow);
        if (notMeasured(table, flow, flowRounds)) {
            return;
        }
        StepTimings pooled = pooled(flowRounds);
        Percentiles total = pooled.of(Walks.END_TO_END);
        Pending p = pending.get(flow);
        int completed = flowRounds.stream().mapToInt(r -> r.batch().completed()).sum();
        int attempted = flowRounds.stream().mapToInt(r -> r.batch().attempted()).sum();
        List<Double> leftPerReset = flowRounds.stream().map(r -> r.left().singleUsePerOperation()).toList();
        table.add(new ResultTable.Row(flow + ": full reset", completed + "/" + attempted,
                ResultTable.spread(flowRounds.stream().map(r -> r.batch().perSecond()).toList()),
                ResultTable.number(total.median()), ResultTable.number(total.percentile(95)), ResultTable.number(total.percentile(99)),
                ResultTable.spread(flowRounds.stream().map(r -> r.batch().cpuMillisPerCompleted()).toList()),
                ResultTable.spread(flowRounds.stream().map(r -> r.batch().cpuMillisLessJitPerCompleted()).toList()),
                p == null ? ResultTable.NOT_MEASURED : ResultTable.number(p.heap().kilobytesPerOperation()) + " per pending",
                (p == null ? "" : "pending: " + p.heap().storeEntriesPerOperation() + "; ")
                        + "left by a finished reset: single-use " + ResultTable.spread(leftPerReset),
                String.format(Locale.ROOT, "%d rounds × %d, concurrency %d, interleaved; p of all rounds pooled; "
                                + "heap: %d pending after full GC",
                        flowRounds.size(), settings.resetsPerRound(), settings.concurrency(),
                        p == null ? 0 : p.batch().completed())));
        for (String step : steps) {
            Percentiles s = pooled.of(step);
            table.add(new ResultTable.Row("  " + flow + " · " + step, Integer.toString(s.count()), ResultTable.NOT_APPLICABLE,
                    ResultTable.number(s.median()), ResultTable.number(s.percentile(95)), ResultTable.number(s.percentile(99)),
                    ResultTable.NOT_APPLICABLE, ResultTable.NOT_APPLICABLE, ResultTable.NOT_APPLICABLE, ResultTable.NOT_APPLICABLE,
                    step.contains("mail") ? "driver side: from the answer until the mail is in GreenMail (polled after 2, 4, 8 … ms, then every 50 ms)" : ""));
        }
    }

    private void addLoginRow(ResultTable table) {
        List<Round> loginRounds = rounds(LOGIN);
        if (notMeasured(table, LOGIN, loginRounds)) {
            return;
        }
        Percentiles signIn = pooled(loginRounds).of(Walks.SIGN_IN);
        int completed = loginRounds.stream().mapToInt(r -> r.batch().completed()).sum();
        table.add(new ResultTable.Row("password login (hashing anchor)", completed + "/"
                + loginRounds.stream().mapToInt(r -> r.batch().attempted()).sum(),
                ResultTable.spread(loginRounds.stream().map(r -> r.batch().perSecond()).toList()),
                ResultTable.number(signIn.median()), ResultTable.number(signIn.percentile(95)), ResultTable.number(signIn.percentile(99)),
                ResultTable.spread(loginRounds.stream().map(r -> r.batch().cpuMillisPerCompleted()).toList()),
                ResultTable.spread(loginRounds.stream().map(r -> r.batch().cpuMillisLessJitPerCompleted()).toList()),
                ResultTable.NOT_APPLICABLE, ResultTable.NOT_APPLICABLE,
                "stock realm, login page + sign in + token; latency of the sign-in POST; interleaved with the resets"));
    }

    private void addOneIpRow(ResultTable table) {
        if (oneIp == null) {
            table.addNotMeasured("one IP, many shoppers", "did not run");
            return;
        }
        List<Double> continues = oneIp.steps().snapshot().getOrDefault(Walks.CONTINUE, List.of());
        int tenth = Math.max(1, continues.size() / 10);
        double first = Percentiles.of(continues.subList(0, Math.min(tenth, continues.size()))).median();
        double last = Percentiles.of(continues.subList(Math.max(0, continues.size() - tenth), continues.size())).median();
        Percentiles p = oneIp.steps().of(Walks.CONTINUE);
        table.add(new ResultTable.Row("one IP, " + oneIp.attempted() + " shoppers («Продолжить»)",
                oneIp.completed() + "/" + oneIp.attempted(), ResultTable.number(oneIp.perSecond()),
                ResultTable.number(p.median()), ResultTable.number(p.percentile(95)), ResultTable.number(p.percentile(99)),
                ResultTable.number(oneIp.cpuMillisPerCompleted()), ResultTable.number(oneIp.cpuMillisLessJitPerCompleted()),
                ResultTable.number(oneIpHeap.kilobytesPerOperation()),
                oneIpHeap.storeEntriesPerOperation(),
                "per-IP limit 10000, all from " + ClientIps.SHARED + "; «Продолжить» p50 of the first 10 %: "
                        + ResultTable.number(first) + " ms, of the last 10 %: " + ResultTable.number(last)
                        + " ms; codes mailed: " + oneIpMails + "; CPU and heap per shopper (login page + «Забыли пароль?» + «Продолжить»)"));
    }

    private void addAccountRows(ResultTable table) {
        if (accountSides.isEmpty()) {
            table.addNotMeasured("many accounts", "did not run");
            return;
        }
        double fewMedian = Percentiles.of(List.of(accountSides.get(0).batch().steps().of(Walks.CONTINUE).median(),
                accountSides.get(2).batch().steps().of(Walks.CONTINUE).median())).median();
        String[] labels = {"before the bulk load", "bulk-loaded", "after deleting the bulk"};
        for (int i = 0; i < accountSides.size(); i++) {
            Side side = accountSides.get(i);
            Percentiles p = side.batch().steps().of(Walks.CONTINUE);
            String note = "existing accounts, each once, sequential (concurrency 1), " + labels[i];
            if (i == 1) {
                double change = (p.median() - fewMedian) / fewMedian * 100;
                // one-sided: the goal is that a million accounts cost no more; a faster large side is the JIT, warmer by then
                note += String.format(Locale.ROOT, " in %d s; p50 %+.1f %% against the small side's (median of its two samples) "
                                + "%s ms: goal at most 10 %% slower %s", bulkLoadTime.toSeconds(), change, ResultTable.number(fewMedian),
                        change <= 10 ? "MET" : "NOT MET");
            }
            table.add(new ResultTable.Row(String.format(Locale.ROOT, "many accounts: %,d in PostgreSQL («Продолжить»)",
                    side.accountsInDatabase()), side.batch().completed() + "/" + side.batch().attempted(),
                    ResultTable.NOT_APPLICABLE, ResultTable.number(p.median()), ResultTable.number(p.percentile(95)),
                    ResultTable.number(p.percentile(99)), ResultTable.number(side.batch().cpuMillisPerCompleted()),
                    ResultTable.number(side.batch().cpuMillisLessJitPerCompleted()),
                    ResultTable.NOT_APPLICABLE, ResultTable.NOT_APPLICABLE, note));
        }
    }

    private void addFloodRow(ResultTable table) {
        if (flood == null) {
            table.addNotMeasured("flood", "did not run");
            return;
        }
        Percentiles p = flood.steps().of(Walks.CONTINUE);
        double grownMb = floodHeap.bytesGrown() / 1024.0 / 1024.0;
        double boundMb = floodBoundKb * (double) flood.completed() / 1024.0;
        double perRequest = floodHeap.kilobytesPerOperation();
        table.add(new ResultTable.Row(String.format(Locale.ROOT, "flood: %,d code requests, unknown addresses, %,d IPs",
                flood.attempted(), settings.floodIps()), flood.completed() + "/" + flood.attempted(),
                ResultTable.number(flood.perSecond()), ResultTable.number(p.median()), ResultTable.number(p.percentile(95)),
                ResultTable.number(p.percentile(99)), ResultTable.number(flood.cpuMillisPerCompleted()),
                ResultTable.number(flood.cpuMillisLessJitPerCompleted()),
                ResultTable.number(perRequest), floodHeap.storeEntriesPerOperation(),
                String.format(Locale.ROOT, "heap growth on the node %s MB after full GC; bound (SECURITY.md) %d KB per request = %s MB: %s; "
                                + "mails sent: %d (must be 0)", ResultTable.number(grownMb), floodBoundKb,
                        ResultTable.number(boundMb), perRequest <= floodBoundKb ? "WITHIN" : "EXCEEDED", floodMails)));
    }

    /** Adds a "not measured" row when no round of {@code flow} ran. */
    private static boolean notMeasured(ResultTable table, String flow, List<Round> flowRounds) {
        if (flowRounds.isEmpty()) {
            table.addNotMeasured(flow, "no round ran");
            return true;
        }
        return false;
    }

    private static StepTimings pooled(List<Round> rounds) {
        StepTimings pooled = new StepTimings();
        rounds.forEach(r -> pooled.addAll(r.batch().steps()));
        return pooled;
    }

    /**
     * Where each profiled flow's CPU went, in ms per operation: by kind of thread from /proc, then the Java threads'
     * share split by JFR's samples; and the extension's hottest own methods.
     */
    String profileMarkdown() {
        List<String> flows = List.copyOf(profiles.keySet());
        StringBuilder out = new StringBuilder();
        out.append("Where the CPU goes (one more batch per flow after the rounds, recorded with JDK Flight Recorder, "
                + "`method-profiling=max`; ms of server CPU per operation; thread kinds from /proc/<pid>/task, the Java "
                + "threads' share split by their execution samples, each sample counted for the library nearest its leaf "
                + "frame; recordings in `" + profiles.values().iterator().next().recording().getParent() + "`):\n\n");
        out.append("| |");
        flows.forEach(f -> out.append(' ').append(f).append(" |"));
        out.append("\n|---|");
        flows.forEach(f -> out.append("---:|"));
        out.append('\n');
        row(out, "operations profiled", flows, p -> Integer.toString(p.batch().completed()));
        row(out, "**server CPU per operation**", flows, p -> "**" + ResultTable.number(p.batch().cpuMillisPerCompleted()) + "**");
        row(out, "of which in the kernel (system time: system calls, loopback TCP)", flows,
                p -> ResultTable.number(p.perOperation(p.systemMillis())));
        for (ThreadCpu.Kind kind : List.of(ThreadCpu.Kind.GC, ThreadCpu.Kind.JIT, ThreadCpu.Kind.VM)) {
            row(out, "· " + kind.label(), flows, p -> ResultTable.number(p.perOperation(p.threads().get(kind))));
        }
        row(out, "· " + ThreadCpu.Kind.JAVA.label(), flows, p -> ResultTable.number(p.perOperation(p.javaThreadsMillis())));
        for (CpuCategory category : CpuCategory.values()) {
            row(out, "  · · " + category.label(), flows,
                    p -> ResultTable.number(p.samplesPerOperation(p.samples().byCategory().getOrDefault(category, 0))));
        }
        row(out, "Java samples (per operation)", flows, p -> p.samples().samples() + " ("
                + ResultTable.number(p.samples().samples() / (double) p.batch().completed()) + ")");
        row(out, "the extension, own code only (leaf frame in ru.marketplace)", flows,
                p -> ResultTable.number(p.samplesPerOperation(p.samples().extensionSelf())));
        row(out, "the extension with all it called (a ru.marketplace frame anywhere)", flows,
                p -> ResultTable.number(p.samplesPerOperation(p.samples().extensionInclusive())));
        for (Map.Entry<String, Profiled> entry : profiles.entrySet()) {
            Map<String, Integer> top = entry.getValue().samples().topExtensionFrames();
            if (top.isEmpty()) {
                continue;
            }
            out.append("\nThe extension's hottest own methods in the ").append(entry.getKey())
                    .append(" (leaf samples; ms per operation):\n\n");
            top.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .forEach(e -> out.append("* `").append(e.getKey()).append("`: ").append(e.getValue()).append(" samples, ")
                            .append(ResultTable.number(entry.getValue().samplesPerOperation(e.getValue()))).append(" ms\n"));
        }
        return out.toString();
    }

    private void row(StringBuilder out, String label, List<String> flows, java.util.function.Function<Profiled, String> cell) {
        out.append("| ").append(label).append(" |");
        flows.forEach(f -> out.append(' ').append(cell.apply(profiles.get(f))).append(" |"));
        out.append('\n');
    }

    /** The whole document: parameters, the table, the heap growth by class, the phases. */
    String markdown(String environment) {
        StringBuilder out = new StringBuilder();
        out.append("# Load benchmark\n\n").append(environment).append("\n\n");
        out.append(String.format(Locale.ROOT, "Parameters: %s%n%n", settings));
        out.append(table().markdown()).append('\n');
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            out.append(String.format(Locale.ROOT, "Live heap growth by class per pending %s (%d pending, top 10 by bytes, after full GC; "
                            + "total %s KB per pending):%n%n", entry.getKey(), entry.getValue().heap().operations(),
                    ResultTable.number(entry.getValue().heap().kilobytesPerOperation())));
            out.append(entry.getValue().heap().topGrowthMarkdown()).append('\n');
            out.append("The same, classes of Keycloak, Infinispan, Quarkus and the extension only (no JDK classes, no arrays):\n\n")
                    .append(entry.getValue().heap().topApplicationGrowthMarkdown()).append('\n');
        }
        if (!profiles.isEmpty()) {
            out.append(profileMarkdown()).append('\n');
        }
        if (floodHeap != null) {
            out.append("Live heap growth by class per flood request (top 10 by bytes; then application classes only):\n\n")
                    .append(floodHeap.topGrowthMarkdown()).append('\n')
                    .append(floodHeap.topApplicationGrowthMarkdown()).append('\n');
        }
        out.append("Mails delivered to GreenMail during the run: ").append(mailsInCatcher).append("\n\nPhases:\n\n");
        phases.forEach((name, took) -> out.append(String.format(Locale.ROOT, "* %s: %.1f s%n", name, took.toMillis() / 1000.0)));
        return out.toString();
    }
}
