package io.wasmspring.benchmarks.compare;

/**
 * How long to warm up and measure, the same for JMH and for node. Sized for a 2-core machine:
 * one fork, few iterations. The warm-up is the larger part because HotSpot needs seconds to
 * compile our interpreter's dispatch loop with C2 on a busy 2-core machine; shorter warm-ups
 * measure the JIT, not the interpreter.
 *
 * @param name                  "quick" or "full"
 * @param warmupIterations      JMH warm-up iterations (node warms up for their total time)
 * @param warmupSeconds         length of one warm-up iteration
 * @param measurementIterations measured iterations (node: at least this many)
 * @param measurementSeconds    length of one measured iteration
 */
public record RunSettings(String name, int warmupIterations, int warmupSeconds,
                          int measurementIterations, int measurementSeconds) {

    /** A rough picture in a few minutes. */
    public static final RunSettings QUICK = new RunSettings("quick", 3, 2, 3, 1);

    /** Steadier numbers, several times longer. */
    public static final RunSettings FULL = new RunSettings("full", 5, 3, 5, 3);

    public static RunSettings byName(String name) {
        return switch (name) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("mode is quick or full, not " + name);
        };
    }
}
