package io.wasmspring.engine.interpreter;

import java.util.ArrayList;
import java.util.List;

/** Argument lists built from edge-case values, as raw slots for {@link TestModule.Instance#call}. */
final class EdgeInputs {

    private EdgeInputs() {
    }

    /** i32 edges: zero, ±1, shift counts around 32, byte and sign boundaries, and two plain values. */
    static final int[] I32 = {
        0, 1, -1, 2, 31, 32, 33, 0x7F, 0x80, 0xFF,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1,
        0x1234_5678, 0xEDCB_A988,
    };

    /** f64 edges as raw bits: signed zeros, infinities, extremes, canonical, payload and signalling NaNs. */
    static final long[] F64 = {
        bits(0.0), bits(-0.0), bits(1.0), bits(-1.0), bits(0.5), bits(3.0), bits(1e308), bits(-1e308),
        bits(Double.MIN_VALUE), bits(Double.MAX_VALUE), bits(Double.POSITIVE_INFINITY), bits(Double.NEGATIVE_INFINITY),
        0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0123L, 0x7FF4_0000_0000_0001L,
    };

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /**
     * One i32 argument, each edge value sign-extended and zero-extended (an i32 slot may carry
     * either in its upper half, and every reader must ignore it).
     */
    static List<long[]> i32() {
        List<long[]> inputs = new ArrayList<>();
        for (int v : I32) {
            inputs.add(new long[] {v});
            if (v < 0) {
                inputs.add(new long[] {Integer.toUnsignedLong(v)});
            }
        }
        return inputs;
    }

    /** Every pair of i32 edges. */
    static List<long[]> i32Pairs() {
        List<long[]> inputs = new ArrayList<>();
        for (int a : I32) {
            for (int b : I32) {
                inputs.add(new long[] {a, b});
            }
        }
        return inputs;
    }

    /** Every tuple of {@code n} f64 edges. */
    static List<long[]> f64(int n) {
        List<long[]> inputs = new ArrayList<>();
        addTuples(inputs, new long[n], 0);
        return inputs;
    }

    private static void addTuples(List<long[]> inputs, long[] tuple, int at) {
        if (at == tuple.length) {
            inputs.add(tuple.clone());
            return;
        }
        for (long v : F64) {
            tuple[at] = v;
            addTuples(inputs, tuple, at + 1);
        }
    }

    /** Given argument lists, written as ints. */
    static List<long[]> of(int[]... tuples) {
        List<long[]> inputs = new ArrayList<>();
        for (int[] t : tuples) {
            long[] args = new long[t.length];
            for (int i = 0; i < t.length; i++) {
                args[i] = t[i];
            }
            inputs.add(args);
        }
        return inputs;
    }
}
