package io.wasmspring.engine.interpreter;

/**
 * Runs every SIMD instruction ({@link Op#SIMD}): one call from one case of the dispatch loop, so
 * that the loop itself stays small and the scalar path is untouched. The code at {@code pc} (just
 * after the opcode) is {@code [n, sub, immediates...]}, where {@code n} counts the ints after the
 * opcode; the immediates are as {@link SimdShapes#immediateInts} describes. The instructions with
 * immediates (v128.const, i8x16.shuffle, extract/replace lane, memory) run here, the others in
 * {@link SimdOps#execute}. Stack convention as in {@link SimdOps}.
 */
final class SimdDispatch {

    private SimdDispatch() {
    }

    /** Executes the instruction at {@code pc} on memory {@code mem}; returns the new stack pointer. */
    static int run(int[] code, int pc, long[] s, int sp, byte[] mem) {
        int sub = code[pc + 1];
        int a = code[pc + 2];
        return switch (sub) {
            case 0x00 -> SimdMemoryOps.v128Load(s, sp, mem, a);
            case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06 ->
                    SimdMemoryOps.loadExtend(s, sp, mem, a, 8 << ((sub - 1) >> 1), (sub & 1) == 1);
            case 0x07, 0x08, 0x09, 0x0A -> SimdMemoryOps.loadSplat(s, sp, mem, a, 8 << (sub - 0x07));
            case 0x0B -> SimdMemoryOps.v128Store(s, sp, mem, a);
            case 0x0C -> SimdOps.v128Const(s, sp, pair(a, code[pc + 3]), pair(code[pc + 4], code[pc + 5]));
            case 0x0D -> SimdOps.i8x16Shuffle(s, sp, pair(a, code[pc + 3]), pair(code[pc + 4], code[pc + 5]));
            case 0x15 -> SimdOps.i8x16ExtractLaneS(s, sp, a);
            case 0x16 -> SimdOps.i8x16ExtractLaneU(s, sp, a);
            case 0x17 -> SimdOps.i8x16ReplaceLane(s, sp, a);
            case 0x18 -> SimdOps.i16x8ExtractLaneS(s, sp, a);
            case 0x19 -> SimdOps.i16x8ExtractLaneU(s, sp, a);
            case 0x1A -> SimdOps.i16x8ReplaceLane(s, sp, a);
            case 0x1B, 0x1F -> SimdOps.i32x4ExtractLane(s, sp, a);
            case 0x1C, 0x20 -> SimdOps.i32x4ReplaceLane(s, sp, a);
            case 0x1D, 0x21 -> SimdOps.i64x2ExtractLane(s, sp, a);
            case 0x1E, 0x22 -> SimdOps.i64x2ReplaceLane(s, sp, a);
            case 0x54, 0x55, 0x56, 0x57 -> SimdMemoryOps.loadLane(s, sp, mem, a, 8 << (sub - 0x54), code[pc + 3]);
            case 0x58, 0x59, 0x5A, 0x5B -> SimdMemoryOps.storeLane(s, sp, mem, a, 8 << (sub - 0x58), code[pc + 3]);
            case 0x5C -> SimdMemoryOps.loadZero(s, sp, mem, a, 32);
            case 0x5D -> SimdMemoryOps.loadZero(s, sp, mem, a, 64);
            default -> SimdOps.execute(sub, s, sp);
        };
    }

    /** The long whose low 32 bits are {@code low} and high 32 bits {@code high}. */
    private static long pair(int low, int high) {
        return (low & 0xFFFF_FFFFL) | (long) high << 32;
    }
}
