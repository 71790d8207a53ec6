package io.wasmspring.benchmarks.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Prints measurements as a table: each runtime's time per operation and its ratio to ours
 * ({@code time / our time}: above 1 is slower than ours, below 1 faster), with the geometric mean
 * of the ratios over the compute workloads, and separately over the boundary costs.
 */
public final class RatioTable {

    private final String baseline;
    private final List<String> runtimes;
    private final Set<String> boundaryRows;
    private final List<String> rowOrder;

    /**
     * @param baseline     the runtime every ratio is relative to (ours)
     * @param runtimes     the columns, baseline included
     * @param boundaryRows the rows that are fixed costs rather than workloads
     * @param rowOrder     the order of the rows; rows not in it follow in the order measured
     */
    public RatioTable(String baseline, List<String> runtimes, Set<String> boundaryRows, List<String> rowOrder) {
        this.baseline = baseline;
        this.runtimes = List.copyOf(runtimes);
        this.boundaryRows = Set.copyOf(boundaryRows);
        this.rowOrder = List.copyOf(rowOrder);
    }

    public String render(Measurements m) {
        List<String> rows = m.rows();
        rows.sort(Comparator.comparingInt(row -> rowOrder.contains(row) ? rowOrder.indexOf(row) : rowOrder.size()));
        List<String> workloadRows = new ArrayList<>();
        List<String> boundary = new ArrayList<>();
        for (String row : rows) {
            (boundaryRows.contains(row) ? boundary : workloadRows).add(row);
        }
        StringBuilder out = new StringBuilder();
        out.append("time per operation; (ratio) = time / ").append(baseline)
                .append("'s time, so above 1 is slower than ours and below 1 faster\n\n");
        if (!workloadRows.isEmpty()) {
            appendHeader(out, "workload");
            for (String row : workloadRows) {
                appendRow(out, row, m);
            }
            appendGeometricMean(out, "geomean", workloadRows, m);
        }
        if (!boundary.isEmpty()) {
            if (!workloadRows.isEmpty()) {
                out.append('\n');
            }
            appendHeader(out, "boundary");
            for (String row : boundary) {
                appendRow(out, row, m);
            }
            appendGeometricMean(out, "geomean", boundary, m);
        }
        return out.toString();
    }

    private void appendHeader(StringBuilder out, String first) {
        out.append(String.format(Locale.ROOT, "%-14s", first));
        for (String runtime : runtimes) {
            out.append(String.format(Locale.ROOT, " | %-22s", runtime));
        }
        out.append('\n').append("-".repeat(14));
        for (int i = 0; i < runtimes.size(); i++) {
            out.append("-+-").append("-".repeat(22));
        }
        out.append('\n');
    }

    private void appendRow(StringBuilder out, String row, Measurements m) {
        out.append(String.format(Locale.ROOT, "%-14s", row));
        OptionalDouble ours = m.get(row, baseline);
        for (String runtime : runtimes) {
            OptionalDouble time = m.get(row, runtime);
            String cell;
            if (time.isEmpty()) {
                cell = "-";
            } else if (runtime.equals(baseline) || ours.isEmpty()) {
                cell = formatTime(time.getAsDouble());
            } else {
                cell = String.format(Locale.ROOT, "%s (%s)", formatTime(time.getAsDouble()),
                        formatRatio(time.getAsDouble() / ours.getAsDouble()));
            }
            out.append(String.format(Locale.ROOT, " | %-22s", cell));
        }
        out.append('\n');
    }

    private void appendGeometricMean(StringBuilder out, String label, List<String> rows, Measurements m) {
        out.append(String.format(Locale.ROOT, "%-14s", label));
        for (String runtime : runtimes) {
            String cell;
            if (runtime.equals(baseline)) {
                cell = "1";
            } else {
                OptionalDouble mean = geometricMeanRatio(rows, runtime, m);
                cell = mean.isEmpty() ? "-" : "(" + formatRatio(mean.getAsDouble()) + ")";
            }
            out.append(String.format(Locale.ROOT, " | %-22s", cell));
        }
        out.append('\n');
    }

    /** The geometric mean of {@code runtime}'s ratio to ours over the rows where both were measured. */
    public OptionalDouble geometricMeanRatio(List<String> rows, String runtime, Measurements m) {
        double logSum = 0;
        int count = 0;
        for (String row : rows) {
            OptionalDouble ours = m.get(row, baseline);
            OptionalDouble theirs = m.get(row, runtime);
            if (ours.isPresent() && theirs.isPresent() && ours.getAsDouble() > 0 && theirs.getAsDouble() > 0) {
                logSum += Math.log(theirs.getAsDouble() / ours.getAsDouble());
                count++;
            }
        }
        return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.exp(logSum / count));
    }

    static String formatRatio(double ratio) {
        return ratio >= 100 ? String.format(Locale.ROOT, "%.0fx", ratio)
                : ratio >= 10 ? String.format(Locale.ROOT, "%.1fx", ratio)
                : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    static String formatTime(double nanos) {
        if (nanos < 1e3) {
            return String.format(Locale.ROOT, "%.1f ns", nanos);
        } else if (nanos < 1e6) {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        } else if (nanos < 1e9) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
