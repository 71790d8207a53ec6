package io.wasmspring.engine.interpreter;

/**
 * The stack effect and immediates of each SIMD instruction (0xFD prefix, by its sub-opcode), as
 * lowering needs them: how many operands it pops (whatever their slot size), how many slots its
 * result takes (0, 1 for a scalar, 2 for a v128), and how many code ints its immediates lower to.
 * Instructions with immediates run through {@link SimdDispatch}; the others through
 * {@link SimdOps#execute}.
 */
final class SimdShapes {

    private static final int LOAD_FIRST = 0x00;
    private static final int STORE = 0x0B;
    private static final int CONST = 0x0C;
    private static final int SHUFFLE = 0x0D;
    private static final int SPLAT_FIRST = 0x0F;
    private static final int SPLAT_LAST = 0x14;
    private static final int LANE_FIRST = 0x15;
    private static final int LANE_LAST = 0x22;
    private static final int NOT = 0x4D;
    private static final int BITSELECT = 0x52;
    private static final int ANY_TRUE = 0x53;
    private static final int LOAD_LANE_FIRST = 0x54;
    private static final int STORE_LANE_FIRST = 0x58;
    private static final int STORE_LANE_LAST = 0x5B;
    private static final int LOAD_ZERO_LAST = 0x5D;

    /** The v128 -> v128 instructions from 0x5E on (the rest there are binary, tests or shifts). */
    private static final boolean[] UNARY = new boolean[256];

    static {
        int[] unary = {
            0x5E, 0x5F, 0x60, 0x61, 0x62, 0x67, 0x68, 0x69, 0x6A, 0x74, 0x75, 0x7A, 0x7C, 0x7D, 0x7E, 0x7F,
            0x80, 0x81, 0x87, 0x88, 0x89, 0x8A, 0x94, 0xA0, 0xA1, 0xA7, 0xA8, 0xA9, 0xAA,
            0xC0, 0xC1, 0xC7, 0xC8, 0xC9, 0xCA, 0xE0, 0xE1, 0xE3, 0xEC, 0xED, 0xEF,
            0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF,
        };
        for (int sub : unary) {
            UNARY[sub] = true;
        }
    }

    private SimdShapes() {
    }

    /** Whether {@code sub} is an all_true or bitmask test (v128 -> i32). */
    private static boolean isTest(int sub) {
        return sub >= 0x63 && (sub & 0x1F) >= 0x03 && (sub & 0x1F) <= 0x04 && (sub >>> 5) >= 3 && (sub >>> 5) <= 6;
    }

    /** Whether {@code sub} extracts a lane to a scalar. */
    private static boolean isExtractLane(int sub) {
        return sub >= LANE_FIRST && sub <= LANE_LAST && sub != 0x17 && sub != 0x1A && (sub < 0x1C || (sub & 1) == 1);
    }

    /** Operands {@code sub} pops. */
    static int operandCount(int sub) {
        if (sub == CONST) {
            return 0;
        }
        if (sub < STORE || (sub > STORE_LANE_LAST && sub <= LOAD_ZERO_LAST)) {
            return 1; // loads take an address
        }
        if (sub == STORE || (sub >= LOAD_LANE_FIRST && sub <= STORE_LANE_LAST) || sub == SHUFFLE) {
            return 2;
        }
        if ((sub >= SPLAT_FIRST && sub <= SPLAT_LAST) || sub == NOT || sub == ANY_TRUE) {
            return 1;
        }
        if (sub >= LANE_FIRST && sub <= LANE_LAST) {
            return isExtractLane(sub) ? 1 : 2;
        }
        if (sub == BITSELECT) {
            return 3;
        }
        return UNARY[sub] || isTest(sub) ? 1 : 2;
    }

    /** Slots of the result of {@code sub}: 0 (stores), 1 (a scalar) or 2 (a v128). */
    static int resultSlots(int sub) {
        if (sub == STORE || (sub >= STORE_LANE_FIRST && sub <= STORE_LANE_LAST)) {
            return 0;
        }
        return sub == ANY_TRUE || isTest(sub) || isExtractLane(sub) ? 1 : 2;
    }

    /**
     * Code ints the immediates of {@code sub} lower to, or -1 when it has none: a memarg's offset
     * (plus the lane index for lane loads and stores), four ints of 128 bits for v128.const and
     * i8x16.shuffle, a lane index for extract/replace lane.
     */
    static int immediateInts(int sub) {
        if (sub == CONST || sub == SHUFFLE) {
            return 4;
        }
        if (sub <= STORE || (sub > STORE_LANE_LAST && sub <= LOAD_ZERO_LAST) || (sub >= LANE_FIRST && sub <= LANE_LAST)) {
            return 1;
        }
        if (sub >= LOAD_LANE_FIRST && sub <= STORE_LANE_LAST) {
            return 2;
        }
        return -1;
    }

    /** Whether {@code sub} reads a memarg (alignment and offset) in the binary. */
    static boolean hasMemarg(int sub) {
        return sub <= STORE || (sub >= LOAD_LANE_FIRST && sub <= LOAD_ZERO_LAST);
    }

    /** Whether {@code sub} reads a lane index byte in the binary (after its memarg, if any). */
    static boolean hasLaneByte(int sub) {
        return (sub >= LANE_FIRST && sub <= LANE_LAST) || (sub >= LOAD_LANE_FIRST && sub <= STORE_LANE_LAST);
    }
}
