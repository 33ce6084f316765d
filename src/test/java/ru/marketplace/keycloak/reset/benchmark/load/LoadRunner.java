package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ru.marketplace.keycloak.harness.Shopper;

/**
 * Runs one walk for every account with a fixed number of shopper threads (closed loop: a thread starts the next
 * shopper when its last one finished), each shopper a fresh browser sending its account's client IP as
 * {@code X-Forwarded-For}, and measures the server's CPU over the whole batch.
 */
final class LoadRunner {

    /** What a batch did: how many walks finished, how long it took and what the server's JVM spent on it. */
    record Batch(int attempted, int completed, List<String> errors, double wallSeconds, double serverCpuMillis,
                 double serverJitMillis, StepTimings steps) {

        double perSecond() {
            return completed / wallSeconds;
        }

        double cpuMillisPerCompleted() {
            return completed == 0 ? Double.NaN : serverCpuMillis / completed;
        }

        /**
         * The server's CPU less its JIT compiler threads', per finished walk: what a walk costs once the JIT has
         * compiled its code. A node that runs for days compiles once; a benchmark on 2 cores is still compiling
         * Keycloak's code after hundreds of walks, and which flow's batch pays for a compilation is chance.
         */
        double cpuMillisLessJitPerCompleted() {
            return completed == 0 ? Double.NaN : (serverCpuMillis - serverJitMillis) / completed;
        }
    }

    private final String baseUrl;
    private final ServerProcess server;

    LoadRunner(String baseUrl, ServerProcess server) {
        this.baseUrl = baseUrl;
        this.server = server;
    }

    Batch run(Walk walk, List<BenchAccount> accounts, int concurrency) {
        StepTimings steps = new StepTimings();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        double cpuBefore = server.cpuMillis();
        double jitBefore = server.cpuMillisByThreadKind().get(ThreadCpu.Kind.JIT);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < accounts.size(); i = next.getAndIncrement()) {
                    BenchAccount account = accounts.get(i);
                    Shopper shopper = new Shopper(baseUrl).header("X-Forwarded-For", account.ip());
                    try {
                        steps.time(Walks.END_TO_END, () -> {
                            walk.walk(shopper, account, steps);
                            return null;
                        });
                        completed.incrementAndGet();
                    } catch (RuntimeException e) {
                        errors.add(account.email() + ": " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(6, TimeUnit.HOURS)) {
                throw new IllegalStateException("a batch did not finish in 6 hours");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a batch", e);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = server.cpuMillis() - cpuBefore;
        double jit = server.cpuMillisByThreadKind().get(ThreadCpu.Kind.JIT) - jitBefore;
        return new Batch(accounts.size(), completed.get(), List.copyOf(errors), wall, cpu, jit, steps);
    }
}
