package io.wasmspring.engine.interpreter;

/**
 * SIMD memory instructions (spec 4.4.7, vector loads and stores) on the memory's {@code byte[]},
 * little-endian: v128.load/store, the extending loads ({@code load8x8_s} ...), the splat and
 * zero-filling loads, and the single-lane loads and stores. Every access checks its whole range
 * first ({@link MemoryOps#address}), so an out-of-bounds access traps with
 * {@code out of bounds memory access} and writes nothing. {@code offset} is the memarg's offset
 * (a u32); the address operand is the i32 below the vector (if any). Stack convention as in
 * {@link SimdOps}.
 */
final class SimdMemoryOps {

    private SimdMemoryOps() {
    }

    /** {@code bytes} bytes (1, 2, 4 or 8) at {@code ea}, little-endian, zero-extended. */
    static long read(byte[] mem, int ea, int bytes) {
        return switch (bytes) {
            case 1 -> mem[ea] & 0xFFL;
            case 2 -> (short) MemoryOps.SHORT.get(mem, ea) & 0xFFFFL;
            case 4 -> (int) MemoryOps.INT.get(mem, ea) & 0xFFFF_FFFFL;
            default -> (long) MemoryOps.LONG.get(mem, ea);
        };
    }

    /** Writes the low {@code bytes} bytes of {@code value} at {@code ea}, little-endian. */
    static void write(byte[] mem, int ea, int bytes, long value) {
        switch (bytes) {
            case 1 -> mem[ea] = (byte) value;
            case 2 -> MemoryOps.SHORT.set(mem, ea, (short) value);
            case 4 -> MemoryOps.INT.set(mem, ea, (int) value);
            default -> MemoryOps.LONG.set(mem, ea, value);
        }
    }

    /** v128.load: [i32] -> [v128]. */
    static int v128Load(long[] s, int sp, byte[] mem, int offset) {
        int ea = MemoryOps.address(mem, s[sp - 1], offset, 16);
        s[sp - 1] = (long) MemoryOps.LONG.get(mem, ea);
        s[sp] = (long) MemoryOps.LONG.get(mem, ea + 8);
        return sp + 1;
    }

    /**
     * {@code v128.loadMxN_s/u}: [i32] -> [v128], eight bytes read as lanes of {@code fromBits}
     * bits (8, 16 or 32), each extended to twice the width.
     */
    static int loadExtend(long[] s, int sp, byte[] mem, int offset, int fromBits, boolean signed) {
        int ea = MemoryOps.address(mem, s[sp - 1], offset, 8);
        s[sp - 1] = (long) MemoryOps.LONG.get(mem, ea);
        s[sp] = 0;
        return SimdIntegerOps.extend(s, sp + 1, fromBits, false, signed);
    }

    /** {@code v128.loadN_splat}: [i32] -> [v128], one lane of {@code bits} bits read and copied to every lane. */
    static int loadSplat(long[] s, int sp, byte[] mem, int offset, int bits) {
        int ea = MemoryOps.address(mem, s[sp - 1], offset, bits / 8);
        long half = SimdOps.splatHalf(read(mem, ea, bits / 8), bits);
        s[sp - 1] = half;
        s[sp] = half;
        return sp + 1;
    }

    /** {@code v128.loadN_zero}: [i32] -> [v128], 32 or 64 bits into lane 0, the rest zero. */
    static int loadZero(long[] s, int sp, byte[] mem, int offset, int bits) {
        int ea = MemoryOps.address(mem, s[sp - 1], offset, bits / 8);
        s[sp - 1] = read(mem, ea, bits / 8);
        s[sp] = 0;
        return sp + 1;
    }

    /** {@code v128.loadN_lane}: [i32 v128] -> [v128], the vector with lane {@code lane} read from memory. */
    static int loadLane(long[] s, int sp, byte[] mem, int offset, int bits, int lane) {
        int ea = MemoryOps.address(mem, s[sp - 3], offset, bits / 8);
        long value = read(mem, ea, bits / 8);
        s[sp - 3] = s[sp - 2];
        s[sp - 2] = s[sp - 1];
        SimdOps.setLane(s, sp - 3, bits, lane, value);
        return sp - 1;
    }

    /** v128.store: [i32 v128] -> []. */
    static int v128Store(long[] s, int sp, byte[] mem, int offset) {
        int ea = MemoryOps.address(mem, s[sp - 3], offset, 16);
        MemoryOps.LONG.set(mem, ea, s[sp - 2]);
        MemoryOps.LONG.set(mem, ea + 8, s[sp - 1]);
        return sp - 3;
    }

    /** {@code v128.storeN_lane}: [i32 v128] -> [], lane {@code lane} written to memory. */
    static int storeLane(long[] s, int sp, byte[] mem, int offset, int bits, int lane) {
        int ea = MemoryOps.address(mem, s[sp - 3], offset, bits / 8);
        write(mem, ea, bits / 8, SimdOps.lane(s[sp - 2], s[sp - 1], bits, lane));
        return sp - 3;
    }
}
