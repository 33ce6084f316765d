package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Latencies in milliseconds per named step, collected from several shopper threads; steps keep their first-seen order. */
final class StepTimings {

    private final Map<String, List<Double>> byStep = new LinkedHashMap<>();

    /** Runs {@code action} and records how long it took under {@code step}, also when it throws. */
    <T> T time(String step, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            record(step, (System.nanoTime() - start) / 1e6);
        }
    }

    synchronized void record(String step, double millis) {
        byStep.computeIfAbsent(step, s -> new ArrayList<>()).add(millis);
    }

    /** Adds everything {@code other} recorded (pooling rounds). */
    synchronized void addAll(StepTimings other) {
        other.snapshot().forEach((step, values) -> byStep.computeIfAbsent(step, s -> new ArrayList<>()).addAll(values));
    }

    synchronized Map<String, List<Double>> snapshot() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        byStep.forEach((step, values) -> copy.put(step, List.copyOf(values)));
        return copy;
    }

    Percentiles of(String step) {
        return Percentiles.of(snapshot().getOrDefault(step, List.of()));
    }
}
