package io.wasmspring.engine.validation;

import static io.wasmspring.engine.validation.OperandType.F32;
import static io.wasmspring.engine.validation.OperandType.F64;
import static io.wasmspring.engine.validation.OperandType.I32;
import static io.wasmspring.engine.validation.OperandType.I64;
import static io.wasmspring.engine.validation.OperandType.V128;

import io.wasmspring.engine.structure.Opcodes;

/**
 * Typing of the instructions whose stack effect is fixed by the opcode alone and that have no
 * immediates to read, or only a memarg: the numeric, comparison, conversion, sign-extension and
 * saturating-truncation instructions, and the operand types plus natural alignment of loads and
 * stores. Tables are indexed by opcode (one table per
 * prefix). The 0xFD (SIMD) table also records, per opcode, the natural alignment of its memarg
 * and the lane count that bounds its lane index, the immediates the function validator checks.
 */
final class InstructionSignatures {

    private static final Signature[] ONE_BYTE = new Signature[256];
    private static final Signature[] PREFIX_FC = new Signature[32];
    /** Log2 of the natural alignment of each load/store opcode; -1 for other opcodes. */
    private static final int[] NATURAL_ALIGNMENT = new int[256];
    private static final Signature[] PREFIX_FD = new Signature[256];
    /** Log2 of the natural alignment of each SIMD memory instruction; -1 for the others. */
    private static final int[] SIMD_NATURAL_ALIGNMENT = new int[256];
    /** Lane count of each SIMD instruction with a lane index immediate; 0 for the others. */
    private static final int[] SIMD_LANES = new int[256];

    static {
        int[] i32 = OperandType.single(I32);
        int[] i64 = OperandType.single(I64);
        int[] f32 = OperandType.single(F32);
        int[] f64 = OperandType.single(F64);
        int[] i32i32 = {I32, I32};
        int[] i64i64 = {I64, I64};
        int[] f32f32 = {F32, F32};
        int[] f64f64 = {F64, F64};

        // Tests and comparisons produce i32.
        one(Opcodes.I32_EQZ, i32, I32);
        range(Opcodes.I32_EQ, Opcodes.I32_GE_U, i32i32, I32);
        one(Opcodes.I64_EQZ, i64, I32);
        range(Opcodes.I64_EQ, Opcodes.I64_GE_U, i64i64, I32);
        range(Opcodes.F32_EQ, Opcodes.F32_GE, f32f32, I32);
        range(Opcodes.F64_EQ, Opcodes.F64_GE, f64f64, I32);

        // Unary and binary arithmetic keep their type.
        range(Opcodes.I32_CLZ, Opcodes.I32_POPCNT, i32, I32);
        range(Opcodes.I32_ADD, Opcodes.I32_ROTR, i32i32, I32);
        range(Opcodes.I64_CLZ, Opcodes.I64_POPCNT, i64, I64);
        range(Opcodes.I64_ADD, Opcodes.I64_ROTR, i64i64, I64);
        range(Opcodes.F32_ABS, Opcodes.F32_SQRT, f32, F32);
        range(Opcodes.F32_ADD, Opcodes.F32_COPYSIGN, f32f32, F32);
        range(Opcodes.F64_ABS, Opcodes.F64_SQRT, f64, F64);
        range(Opcodes.F64_ADD, Opcodes.F64_COPYSIGN, f64f64, F64);

        // Conversions.
        one(Opcodes.I32_WRAP_I64, i64, I32);
        range(Opcodes.I32_TRUNC_F32_S, Opcodes.I32_TRUNC_F32_U, f32, I32);
        range(Opcodes.I32_TRUNC_F64_S, Opcodes.I32_TRUNC_F64_U, f64, I32);
        range(Opcodes.I64_EXTEND_I32_S, Opcodes.I64_EXTEND_I32_U, i32, I64);
        range(Opcodes.I64_TRUNC_F32_S, Opcodes.I64_TRUNC_F32_U, f32, I64);
        range(Opcodes.I64_TRUNC_F64_S, Opcodes.I64_TRUNC_F64_U, f64, I64);
        range(Opcodes.F32_CONVERT_I32_S, Opcodes.F32_CONVERT_I32_U, i32, F32);
        range(Opcodes.F32_CONVERT_I64_S, Opcodes.F32_CONVERT_I64_U, i64, F32);
        one(Opcodes.F32_DEMOTE_F64, f64, F32);
        range(Opcodes.F64_CONVERT_I32_S, Opcodes.F64_CONVERT_I32_U, i32, F64);
        range(Opcodes.F64_CONVERT_I64_S, Opcodes.F64_CONVERT_I64_U, i64, F64);
        one(Opcodes.F64_PROMOTE_F32, f32, F64);
        one(Opcodes.I32_REINTERPRET_F32, f32, I32);
        one(Opcodes.I64_REINTERPRET_F64, f64, I64);
        one(Opcodes.F32_REINTERPRET_I32, i32, F32);
        one(Opcodes.F64_REINTERPRET_I64, i64, F64);

        // Sign extension.
        range(Opcodes.I32_EXTEND8_S, Opcodes.I32_EXTEND16_S, i32, I32);
        range(Opcodes.I64_EXTEND8_S, Opcodes.I64_EXTEND32_S, i64, I64);

        // Non-trapping float-to-int conversions (0xFC 0..7).
        fc(Opcodes.I32_TRUNC_SAT_F32_S, f32, I32);
        fc(Opcodes.I32_TRUNC_SAT_F32_U, f32, I32);
        fc(Opcodes.I32_TRUNC_SAT_F64_S, f64, I32);
        fc(Opcodes.I32_TRUNC_SAT_F64_U, f64, I32);
        fc(Opcodes.I64_TRUNC_SAT_F32_S, f32, I64);
        fc(Opcodes.I64_TRUNC_SAT_F32_U, f32, I64);
        fc(Opcodes.I64_TRUNC_SAT_F64_S, f64, I64);
        fc(Opcodes.I64_TRUNC_SAT_F64_U, f64, I64);

        // Loads take an i32 address; stores an address and a value. Both carry a memarg.
        java.util.Arrays.fill(NATURAL_ALIGNMENT, -1);
        load(Opcodes.I32_LOAD, I32, 2);
        load(Opcodes.I64_LOAD, I64, 3);
        load(Opcodes.F32_LOAD, F32, 2);
        load(Opcodes.F64_LOAD, F64, 3);
        load(Opcodes.I32_LOAD8_S, I32, 0);
        load(Opcodes.I32_LOAD8_U, I32, 0);
        load(Opcodes.I32_LOAD16_S, I32, 1);
        load(Opcodes.I32_LOAD16_U, I32, 1);
        load(Opcodes.I64_LOAD8_S, I64, 0);
        load(Opcodes.I64_LOAD8_U, I64, 0);
        load(Opcodes.I64_LOAD16_S, I64, 1);
        load(Opcodes.I64_LOAD16_U, I64, 1);
        load(Opcodes.I64_LOAD32_S, I64, 2);
        load(Opcodes.I64_LOAD32_U, I64, 2);
        store(Opcodes.I32_STORE, I32, 2);
        store(Opcodes.I64_STORE, I64, 3);
        store(Opcodes.F32_STORE, F32, 2);
        store(Opcodes.F64_STORE, F64, 3);
        store(Opcodes.I32_STORE8, I32, 0);
        store(Opcodes.I32_STORE16, I32, 1);
        store(Opcodes.I64_STORE8, I64, 0);
        store(Opcodes.I64_STORE16, I64, 1);
        store(Opcodes.I64_STORE32, I64, 2);

        simd();
    }

    /** The SIMD instructions (spec 3.3.3 "Vector Instructions"). */
    private static void simd() {
        int[] v128 = OperandType.single(V128);
        int[] v128v128 = {V128, V128};
        int[] none = OperandType.NONE;
        java.util.Arrays.fill(SIMD_NATURAL_ALIGNMENT, -1);

        // Memory: loads take an address, stores an address and a vector; lane accesses both.
        simdMemory(Opcodes.V128_LOAD, 4, OperandType.single(I32), v128);
        for (int op = Opcodes.V128_LOAD8X8_S; op <= Opcodes.V128_LOAD32X2_U; op++) {
            simdMemory(op, 3, OperandType.single(I32), v128);
        }
        simdMemory(Opcodes.V128_LOAD8_SPLAT, 0, OperandType.single(I32), v128);
        simdMemory(Opcodes.V128_LOAD16_SPLAT, 1, OperandType.single(I32), v128);
        simdMemory(Opcodes.V128_LOAD32_SPLAT, 2, OperandType.single(I32), v128);
        simdMemory(Opcodes.V128_LOAD64_SPLAT, 3, OperandType.single(I32), v128);
        simdMemory(Opcodes.V128_STORE, 4, new int[] {I32, V128}, none);
        simdMemory(Opcodes.V128_LOAD32_ZERO, 2, OperandType.single(I32), v128);
        simdMemory(Opcodes.V128_LOAD64_ZERO, 3, OperandType.single(I32), v128);
        for (int log = 0; log < 4; log++) {
            int lanes = 16 >> log;
            simdMemory(Opcodes.V128_LOAD8_LANE + log, log, new int[] {I32, V128}, v128);
            SIMD_LANES[(Opcodes.V128_LOAD8_LANE + log) & 0xFF] = lanes;
            simdMemory(Opcodes.V128_STORE8_LANE + log, log, new int[] {I32, V128}, none);
            SIMD_LANES[(Opcodes.V128_STORE8_LANE + log) & 0xFF] = lanes;
        }

        // Constants and lane-wise data movement.
        fd(Opcodes.V128_CONST, none, v128);
        fd(Opcodes.I8X16_SHUFFLE, v128v128, v128);
        fd(Opcodes.I8X16_SWIZZLE, v128v128, v128);
        fd(Opcodes.I8X16_SPLAT, OperandType.single(I32), v128);
        fd(Opcodes.I16X8_SPLAT, OperandType.single(I32), v128);
        fd(Opcodes.I32X4_SPLAT, OperandType.single(I32), v128);
        fd(Opcodes.I64X2_SPLAT, OperandType.single(I64), v128);
        fd(Opcodes.F32X4_SPLAT, OperandType.single(F32), v128);
        fd(Opcodes.F64X2_SPLAT, OperandType.single(F64), v128);
        lane(Opcodes.I8X16_EXTRACT_LANE_S, 16, v128, I32);
        lane(Opcodes.I8X16_EXTRACT_LANE_U, 16, v128, I32);
        lane(Opcodes.I8X16_REPLACE_LANE, 16, new int[] {V128, I32}, V128);
        lane(Opcodes.I16X8_EXTRACT_LANE_S, 8, v128, I32);
        lane(Opcodes.I16X8_EXTRACT_LANE_U, 8, v128, I32);
        lane(Opcodes.I16X8_REPLACE_LANE, 8, new int[] {V128, I32}, V128);
        lane(Opcodes.I32X4_EXTRACT_LANE, 4, v128, I32);
        lane(Opcodes.I32X4_REPLACE_LANE, 4, new int[] {V128, I32}, V128);
        lane(Opcodes.I64X2_EXTRACT_LANE, 2, v128, I64);
        lane(Opcodes.I64X2_REPLACE_LANE, 2, new int[] {V128, I64}, V128);
        lane(Opcodes.F32X4_EXTRACT_LANE, 4, v128, F32);
        lane(Opcodes.F32X4_REPLACE_LANE, 4, new int[] {V128, F32}, V128);
        lane(Opcodes.F64X2_EXTRACT_LANE, 2, v128, F64);
        lane(Opcodes.F64X2_REPLACE_LANE, 2, new int[] {V128, F64}, V128);

        // Comparisons and bitwise operations.
        fdRange(Opcodes.I8X16_EQ, Opcodes.F64X2_GE, v128v128, v128);
        fd(Opcodes.V128_NOT, v128, v128);
        fdRange(Opcodes.V128_AND, Opcodes.V128_XOR, v128v128, v128);
        fd(Opcodes.V128_BITSELECT, new int[] {V128, V128, V128}, v128);
        fd(Opcodes.V128_ANY_TRUE, v128, OperandType.single(I32));

        // The rest (0x5E..0xFF): everything is v128 -> v128 or v128 v128 -> v128, except the
        // tests and bitmasks (-> i32) and the shifts (v128 i32 -> v128).
        int[] unary = {
            Opcodes.F32X4_DEMOTE_F64X2_ZERO, Opcodes.F64X2_PROMOTE_LOW_F32X4,
            Opcodes.I8X16_ABS, Opcodes.I8X16_NEG, Opcodes.I8X16_POPCNT,
            Opcodes.F32X4_CEIL, Opcodes.F32X4_FLOOR, Opcodes.F32X4_TRUNC, Opcodes.F32X4_NEAREST,
            Opcodes.F64X2_CEIL, Opcodes.F64X2_FLOOR, Opcodes.F64X2_TRUNC, Opcodes.F64X2_NEAREST,
            Opcodes.I16X8_EXTADD_PAIRWISE_I8X16_S, Opcodes.I16X8_EXTADD_PAIRWISE_I8X16_U,
            Opcodes.I32X4_EXTADD_PAIRWISE_I16X8_S, Opcodes.I32X4_EXTADD_PAIRWISE_I16X8_U,
            Opcodes.I16X8_ABS, Opcodes.I16X8_NEG,
            Opcodes.I16X8_EXTEND_LOW_I8X16_S, Opcodes.I16X8_EXTEND_HIGH_I8X16_S,
            Opcodes.I16X8_EXTEND_LOW_I8X16_U, Opcodes.I16X8_EXTEND_HIGH_I8X16_U,
            Opcodes.I32X4_ABS, Opcodes.I32X4_NEG,
            Opcodes.I32X4_EXTEND_LOW_I16X8_S, Opcodes.I32X4_EXTEND_HIGH_I16X8_S,
            Opcodes.I32X4_EXTEND_LOW_I16X8_U, Opcodes.I32X4_EXTEND_HIGH_I16X8_U,
            Opcodes.I64X2_ABS, Opcodes.I64X2_NEG,
            Opcodes.I64X2_EXTEND_LOW_I32X4_S, Opcodes.I64X2_EXTEND_HIGH_I32X4_S,
            Opcodes.I64X2_EXTEND_LOW_I32X4_U, Opcodes.I64X2_EXTEND_HIGH_I32X4_U,
            Opcodes.F32X4_ABS, Opcodes.F32X4_NEG, Opcodes.F32X4_SQRT,
            Opcodes.F64X2_ABS, Opcodes.F64X2_NEG, Opcodes.F64X2_SQRT,
            Opcodes.I32X4_TRUNC_SAT_F32X4_S, Opcodes.I32X4_TRUNC_SAT_F32X4_U,
            Opcodes.F32X4_CONVERT_I32X4_S, Opcodes.F32X4_CONVERT_I32X4_U,
            Opcodes.I32X4_TRUNC_SAT_F64X2_S_ZERO, Opcodes.I32X4_TRUNC_SAT_F64X2_U_ZERO,
            Opcodes.F64X2_CONVERT_LOW_I32X4_S, Opcodes.F64X2_CONVERT_LOW_I32X4_U,
        };
        int[] tests = {
            Opcodes.I8X16_ALL_TRUE, Opcodes.I8X16_BITMASK, Opcodes.I16X8_ALL_TRUE, Opcodes.I16X8_BITMASK,
            Opcodes.I32X4_ALL_TRUE, Opcodes.I32X4_BITMASK, Opcodes.I64X2_ALL_TRUE, Opcodes.I64X2_BITMASK,
        };
        int[] shifts = {
            Opcodes.I8X16_SHL, Opcodes.I8X16_SHR_S, Opcodes.I8X16_SHR_U,
            Opcodes.I16X8_SHL, Opcodes.I16X8_SHR_S, Opcodes.I16X8_SHR_U,
            Opcodes.I32X4_SHL, Opcodes.I32X4_SHR_S, Opcodes.I32X4_SHR_U,
            Opcodes.I64X2_SHL, Opcodes.I64X2_SHR_S, Opcodes.I64X2_SHR_U,
        };
        for (int op : unary) {
            fd(op, v128, v128);
        }
        for (int op : tests) {
            fd(op, v128, OperandType.single(I32));
        }
        for (int op : shifts) {
            fd(op, new int[] {V128, I32}, v128);
        }
        // Every other assigned opcode from 0x5E on is a binary operation.
        for (int op = Opcodes.F32X4_DEMOTE_F64X2_ZERO; op <= Opcodes.F64X2_CONVERT_LOW_I32X4_U; op++) {
            if (PREFIX_FD[op & 0xFF] == null && !Opcodes.name(op).startsWith("simd ")) {
                fd(op, v128v128, v128);
            }
        }
    }

    private InstructionSignatures() {
    }

    /**
     * The fixed signature of {@code opcode} (as {@link io.wasmspring.engine.structure.CodeReader}
     * returns it), or {@code null} when the instruction needs its own typing rule.
     */
    static Signature of(int opcode) {
        if (opcode < 256) {
            return ONE_BYTE[opcode];
        }
        if ((opcode >>> 16) == Opcodes.PREFIX_FC) {
            int sub = opcode & 0xFFFF;
            return sub < PREFIX_FC.length ? PREFIX_FC[sub] : null;
        }
        if ((opcode >>> 16) == Opcodes.PREFIX_FD) {
            int sub = opcode & 0xFFFF;
            return sub < PREFIX_FD.length ? PREFIX_FD[sub] : null;
        }
        return null;
    }

    /** Log2 of the natural alignment of a SIMD load or store (memarg), or -1 for other opcodes. */
    static int simdNaturalAlignment(int opcode) {
        int sub = opcode - Opcodes.SIMD_BASE;
        return sub >= 0 && sub < SIMD_NATURAL_ALIGNMENT.length ? SIMD_NATURAL_ALIGNMENT[sub] : -1;
    }

    /** Lane count bounding the lane index immediate of a SIMD instruction, or 0 when it has none. */
    static int simdLaneCount(int opcode) {
        int sub = opcode - Opcodes.SIMD_BASE;
        return sub >= 0 && sub < SIMD_LANES.length ? SIMD_LANES[sub] : 0;
    }

    /** Log2 of the natural alignment of a load or store, or -1 when {@code opcode} is neither. */
    static int naturalAlignment(int opcode) {
        return opcode < 256 ? NATURAL_ALIGNMENT[opcode] : -1;
    }

    private static void one(int opcode, int[] params, int result) {
        ONE_BYTE[opcode] = Signature.of(params, OperandType.single(result));
    }

    private static void range(int first, int last, int[] params, int result) {
        for (int op = first; op <= last; op++) {
            one(op, params, result);
        }
    }

    private static void fc(int opcode, int[] params, int result) {
        PREFIX_FC[opcode & 0xFFFF] = Signature.of(params, OperandType.single(result));
    }

    private static void fd(int opcode, int[] params, int[] results) {
        PREFIX_FD[opcode & 0xFF] = Signature.of(params, results);
    }

    private static void fdRange(int first, int last, int[] params, int[] results) {
        for (int op = first; op <= last; op++) {
            fd(op, params, results);
        }
    }

    private static void simdMemory(int opcode, int alignment, int[] params, int[] results) {
        fd(opcode, params, results);
        SIMD_NATURAL_ALIGNMENT[opcode & 0xFF] = alignment;
    }

    private static void lane(int opcode, int lanes, int[] params, int result) {
        fd(opcode, params, OperandType.single(result));
        SIMD_LANES[opcode & 0xFF] = lanes;
    }

    private static void load(int opcode, int type, int alignment) {
        ONE_BYTE[opcode] = Signature.of(OperandType.single(I32), OperandType.single(type));
        NATURAL_ALIGNMENT[opcode] = alignment;
    }

    private static void store(int opcode, int type, int alignment) {
        ONE_BYTE[opcode] = Signature.of(new int[] {I32, type}, OperandType.NONE);
        NATURAL_ALIGNMENT[opcode] = alignment;
    }
}
