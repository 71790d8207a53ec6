package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.Global;

/**
 * The two-slot forms of {@code global.get/set} and {@code select} for v128 values (low 64 bits
 * in the first slot, high 64 bits in the next). Each takes the stack and its first free slot and
 * returns the new first free slot.
 */
final class VectorSlots {

    private VectorSlots() {
    }

    static int getGlobal(Global g, long[] s, int sp) {
        s[sp] = g.bits();
        s[sp + 1] = g.highBits();
        return sp + 2;
    }

    static int setGlobal(Global g, long[] s, int sp) {
        g.setBitsUnchecked(s[sp - 2]);
        g.setHighBitsUnchecked(s[sp - 1]);
        return sp - 2;
    }

    /** {@code select} on [a (2 slots), b (2 slots), condition]: a when the condition is non-zero. */
    static int select(long[] s, int sp) {
        if ((int) s[sp - 1] == 0) {
            s[sp - 5] = s[sp - 3];
            s[sp - 4] = s[sp - 2];
        }
        return sp - 3;
    }
}
