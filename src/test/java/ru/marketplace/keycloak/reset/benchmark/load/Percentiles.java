package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.Arrays;
import java.util.Collection;

/**
 * Order statistics of one sample (latencies in milliseconds, or one figure per round): percentiles by linear
 * interpolation between closest ranks (the R-7 / spreadsheet definition), median, extremes and interquartile range.
 */
final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    static Percentiles of(Collection<? extends Number> values) {
        double[] copy = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    int count() {
        return sorted.length;
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The {@code q}-th percentile, 0 ≤ q ≤ 100; NaN for an empty sample. */
    double percentile(double q) {
        if (q < 0 || q > 100) {
            throw new IllegalArgumentException("percentile outside 0..100: " + q);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = q / 100.0 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    double median() {
        return percentile(50);
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** Third quartile minus first quartile. */
    double interquartileRange() {
        return percentile(75) - percentile(25);
    }
}
