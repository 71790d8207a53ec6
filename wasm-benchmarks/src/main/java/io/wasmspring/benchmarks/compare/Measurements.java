package io.wasmspring.benchmarks.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Mean time per operation, in nanoseconds, by row (workload or boundary benchmark) and runtime. */
public final class Measurements {

    private final Map<String, Map<String, Double>> nanosByRow = new LinkedHashMap<>();

    public void put(String row, String runtime, double nanosPerOp) {
        nanosByRow.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(runtime, nanosPerOp);
    }

    public OptionalDouble get(String row, String runtime) {
        Double value = nanosByRow.getOrDefault(row, Map.of()).get(runtime);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Rows in the order they were first measured. */
    public List<String> rows() {
        return new ArrayList<>(nanosByRow.keySet());
    }

    public boolean isEmpty() {
        return nanosByRow.isEmpty();
    }

    /** Converts a JMH score to nanoseconds per operation from its unit ({@code "ms/op"} etc.). */
    public static double toNanos(double score, String unit) {
        String timeUnit = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return switch (timeUnit) {
            case "ns" -> score;
            case "us" -> score * 1e3;
            case "ms" -> score * 1e6;
            case "s" -> score * 1e9;
            case "min" -> score * 60e9;
            default -> throw new IllegalArgumentException("not a time-per-operation unit: " + unit);
        };
    }
}
