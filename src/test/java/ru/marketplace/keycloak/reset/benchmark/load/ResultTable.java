package ru.marketplace.keycloak.reset.benchmark.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's one table, as Markdown (readable as plain text too). A row is a flow, one step of a flow, or one
 * of the extra measurements; a cell that was not measured says so instead of holding a number.
 */
final class ResultTable {

    static final String NOT_MEASURED = "not measured";
    static final String NOT_APPLICABLE = "—";

    private static final List<String> HEADER = List.of("row", "n", "per s: median (min–max)", "p50 ms", "p95 ms",
            "p99 ms", "server CPU ms/op: median (min–max)", "less JIT ms/op: median (min–max)", "heap KB/op", "store entries/op", "note");

    /** One line of the table; every cell already formatted. */
    record Row(String name, String n, String perSecond, String p50, String p95, String p99, String cpu,
               String cpuLessJit, String heap, String store, String note) {

        List<String> cells() {
            return List.of(name, n, perSecond, p50, p95, p99, cpu, cpuLessJit, heap, store, note);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    /** A row that could not be measured (switched off, failed): the reason goes into the note. */
    void addNotMeasured(String name, String why) {
        rows.add(new Row(name, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED,
                NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, why));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** A Markdown table with columns padded to equal width. */
    String markdown() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(row.cells().stream().map(ResultTable::escape).toList()));
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, lines.get(0), widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(Math.max(3, width)));
        }
        appendLine(out, rule, widths);
        for (List<String> line : lines.subList(1, lines.size())) {
            appendLine(out, line, widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(' ').append(cell).append(" ".repeat(Math.max(0, widths[i] - cell.length()))).append(" |");
        }
        out.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }

    /** Three significant figures or so: 0.123, 1.23, 12.3, 123, 1234; "n/a" for NaN. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** "median (min–max)" of per-round figures; just the figure when there is one round. */
    static String spread(Collection<Double> perRound) {
        if (perRound.isEmpty()) {
            return NOT_MEASURED;
        }
        Percentiles p = Percentiles.of(perRound);
        if (p.count() == 1) {
            return number(p.median());
        }
        return number(p.median()) + " (" + number(p.min()) + "–" + number(p.max()) + ")";
    }
}
