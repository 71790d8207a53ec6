package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.FusionCase.opaque;
import static io.wasmspring.engine.interpreter.FusionCase.opaqueF64;
import static io.wasmspring.engine.interpreter.FusionCase.wasmName;
import static io.wasmspring.engine.interpreter.TestModule.F32;
import static io.wasmspring.engine.interpreter.TestModule.F64;
import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The register-style superinstructions that read an operand from a local or an immediate: each
 * built from the smallest wasm sequence that fuses into it, checked to fuse, and run on edge
 * values against the same function lowered without fusion. Memory accesses are in
 * {@link FusedMemoryAccessTest}, branches in {@link FusedBranchesTest}.
 */
class FusedOperandsTest {

    private static final FunctionType I32_TO_I32 = type(params(I32), I32);
    private static final FunctionType I32_I32_TO_I32 = type(params(I32, I32), I32);
    private static final FunctionType I32_I32_TO_I32_I32 = type(params(I32, I32), I32, I32);
    private static final FunctionType F64_F64_TO_F64 = type(params(F64, F64), F64);
    private static final ValueType[] ONE_I32 = {I32};
    private static final ValueType[] TWO_I32 = {I32, I32};

    /** Constants added: zero, ±1, a small step, and the two ends where the add wraps. */
    private static final int[] ADDENDS = {0, 1, -1, 8, Integer.MIN_VALUE, Integer.MAX_VALUE};
    /** Shift and rotate counts: wasm takes them modulo 32. */
    private static final int[] COUNTS = {0, 1, 8, 31, 32, 33, 63, -1, Integer.MIN_VALUE};
    /** Bit masks and factors. */
    private static final int[] MASKS = {0, 1, -1, 0x0F0F_0F0F, Integer.MIN_VALUE, Integer.MAX_VALUE};
    /** Constants compared with: the signed and unsigned ends and their neighbours. */
    private static final int[] COMPARANDS = {0, 1, -1, 0x80, Integer.MIN_VALUE, Integer.MAX_VALUE};

    static Stream<FusionCase> cases() {
        List<FusionCase> cases = new ArrayList<>();
        addLocalMoves(cases);
        addConstantAdds(cases);
        addLocalOperands(cases);
        addConstantOperands(cases);
        addOthers(cases);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fusesAndComputesWhatThePlainLoweringComputes(FusionCase fusion) {
        fusion.check();
    }

    /** Every superinstruction has a case somewhere (the v128 variable forms and SIMD are not fusions). */
    @Test
    void everySuperinstructionHasACase() {
        Set<String> covered = Stream.of(cases(), FusedMemoryAccessTest.cases(), FusedBranchesTest.cases())
                .flatMap(s -> s).map(FusionCase::op).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (int op = Op.I32_ADD_CONST; op < Op.COUNT; op++) {
            boolean notAFusion = op >= Op.LOCAL_GET_V128 && op <= Op.SELECT_V128 || op == Op.SIMD;
            if (!notAFusion && !covered.contains(Op.name(op))) {
                missing.add(Op.name(op));
            }
        }
        assertThat(missing).as("superinstructions without a case").isEmpty();
    }

    /** Shift and rotate counts are taken modulo 32 (spec 4.3.2: ishl, ishr, irotl). */
    @Test
    void constantShiftAndRotateCountsAreTakenModulo32() {
        assertThat(resultOf("local_rotl_k", Asm.code().get(0).i32(33).op(Opcodes.I32_ROTL), 0x8000_0001)).isEqualTo(3);
        assertThat(resultOf("local_rotl_k", Asm.code().get(0).i32(-1).op(Opcodes.I32_ROTL), 1)).isEqualTo(0x8000_0000L);
        assertThat(resultOf("i32_shl_k", Asm.code().get(0).i32(32).op(Opcodes.I32_SHL), 5)).isEqualTo(5);
        assertThat(resultOf("i32_shr_s_k", Asm.code().get(0).i32(63).op(Opcodes.I32_SHR_S), Integer.MIN_VALUE))
                .isEqualTo(0xFFFF_FFFFL);
        assertThat(resultOf("i32_shr_u_k", Asm.code().get(0).i32(63).op(Opcodes.I32_SHR_U), Integer.MIN_VALUE))
                .isEqualTo(1);
    }

    /**
     * f64.mul then f64.add round twice (wasm has no fused multiply-add): with b = c = 1 + 2^-52,
     * b * c rounds to 1 + 2^-51, so a = -(1 + 2^-51) gives exactly +0.0, where a single rounding
     * would give 2^-104.
     */
    @Test
    void aMultiplyAddRoundsAfterEachOperation() {
        double b = 1 + Math.ulp(1.0);
        double a = -(1 + 2 * Math.ulp(1.0));
        FusionComparison c = FusionCase.of("f64_mul_add", "X; Y; Z; f64.mul; f64.add", type(params(F64, F64, F64), F64),
                opaqueF64(opaqueF64(opaqueF64(Asm.code(), 0), 1), 2).op(Opcodes.F64_MUL).op(Opcodes.F64_ADD).end(),
                List.of()).check();
        long[] args = {Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b), Double.doubleToRawLongBits(b)};
        assertThat(c.assertSameOutcome(FusionCase.UNDER_TEST, args).results())
                .containsExactly(Double.doubleToRawLongBits(0.0));
        assertThat(Math.fma(b, b, a)).as("what a fused multiply-add would give").isEqualTo(Math.scalb(1.0, -104));
    }

    /** Runs {@code code} (one i32 in, one out) fused and plain, asserting the fusion; returns the result slot. */
    private static long resultOf(String op, Asm code, int argument) {
        FusionComparison c = FusionCase.of(op, "spec check", I32_TO_I32, code.end(), List.of()).check();
        return c.assertSameOutcome(FusionCase.UNDER_TEST, argument).results()[0];
    }

    /**
     * The multiply-add peephole must not read past the end of the code built so far: an
     * {@code f64.mul} whose opcode fills the lowering's code buffer exactly (16, 32, 64... ints)
     * and is followed by {@code f64.add} must lower and run like any other. Padding of
     * {@code i32.const 0; drop} (3 ints) and {@code i64.const 0; drop} (4 ints) moves it to every
     * position in turn.
     */
    @Test
    void aMultiplyAddLowersWhereverTheMultiplyEndsTheCodeBuilt() {
        for (int padding = 0; padding <= 64; padding++) {
            if (padding == 1 || padding == 2 || padding == 5) {
                continue; // not a sum of threes and fours
            }
            int fours = padding % 3; // then padding - 4 * fours is a multiple of 3
            Asm body = Asm.code();
            for (int i = 0; i < fours; i++) {
                body.i64(0).drop();
            }
            for (int i = 0; i < (padding - 4 * fours) / 3; i++) {
                body.i32(0).drop();
            }
            opaqueF64(opaqueF64(opaqueF64(body, 0), 1), 2).op(Opcodes.F64_MUL).op(Opcodes.F64_ADD).end();
            FusionComparison c = FusionCase.of("f64_mul_add", padding + " ints of padding; X; Y; Z; f64.mul; f64.add",
                    type(params(F64, F64, F64), F64), body, EdgeInputs.f64(1).stream()
                            .map(a -> new long[] {a[0], Double.doubleToRawLongBits(2.0), Double.doubleToRawLongBits(0.25)})
                            .toList()).chainingFloatOperations().check();
            // three local.get + call pairs (4 ints each) after the padding: the multiply was at 12 + padding
            assertThat(c.fusedListing(FusionCase.UNDER_TEST)).containsPattern("(?m)^" + (12 + padding) + ": f64_mul_add$");
        }
    }

    /**
     * The smallest module showing the same through the public API: the {@code f64.mul} opcode is
     * code int 15 (two {@code i32.const 0; drop} of 3 ints, three {@code f64.const} of 3 ints).
     */
    @Test
    void aMultiplyAddOnTheSixteenthCodeIntDecodes() {
        Module module = FusionComparison.lowered(true, () -> Module.parseText("""
                (module (func (export "f") (result f64)
                  i32.const 0 drop i32.const 0 drop
                  f64.const 1 f64.const 2 f64.const 3 f64.mul f64.add))
                """));
        assertThat(module.instantiate().function("f").call()).containsExactly(7.0);
    }

    // ---- local.get / local.set / local.tee / const combinations ----

    private static void addLocalMoves(List<FusionCase> cases) {
        cases.add(FusionCase.of("local_get2", "local.get 0; local.get 1; i32.sub", I32_I32_TO_I32,
                Asm.code().get(0).get(1).op(Opcodes.I32_SUB).end(), EdgeInputs.i32Pairs()));
        cases.add(FusionCase.of("local_set_get", "X; local.set 2; local.get 1 (then local.get 2)",
                I32_I32_TO_I32_I32, ONE_I32, opaque(Asm.code(), 0).set(2).get(1).get(2).end(), EdgeInputs.i32Pairs()));
        cases.add(FusionCase.of("local_set_get", "local.set 0; local.get 0 (the local just set)", I32_I32_TO_I32,
                Asm.code().get(0).get(1).op(Opcodes.I32_SUB).set(0).get(0).end(), EdgeInputs.i32Pairs()));
        cases.add(FusionCase.of("local_tee_get", "local.tee 2; local.get 1", I32_I32_TO_I32_I32, ONE_I32,
                opaque(Asm.code(), 0).tee(2).get(1).op(Opcodes.I32_ADD).get(2).end(), EdgeInputs.i32Pairs()));
        cases.add(FusionCase.of("local_tee_get", "local.tee 1; local.get 1 (the local just written)",
                I32_I32_TO_I32_I32, Asm.code().get(0).get(1).op(Opcodes.I32_SUB).tee(1).get(1).end(),
                EdgeInputs.i32Pairs()));
        cases.add(FusionCase.of("local_copy", "local.get 1; local.set 0", I32_I32_TO_I32_I32,
                Asm.code().get(1).set(0).get(0).get(1).end(), EdgeInputs.i32Pairs()));
        cases.add(FusionCase.of("local_copy2",
                "local.get 0; local.set 2; local.get 2; local.set 3 (reads the first's destination)",
                I32_I32_TO_I32, TWO_I32, Asm.code().get(0).set(2).get(2).set(3).get(3).end(), EdgeInputs.i32Pairs()));
        cases.add(FusionCase.of("local_copy2", "swap through a temporary: 0 -> 2, 1 -> 0, 2 -> 1", I32_I32_TO_I32_I32,
                ONE_I32, Asm.code().get(0).set(2).get(1).set(0).get(2).set(1).get(0).get(1).end(), EdgeInputs.i32Pairs()));
        for (int k : MASKS) {
            cases.add(FusionCase.of("const32_set", "i32.const " + k + "; local.set 1", I32_I32_TO_I32,
                    Asm.code().i32(k).set(1).get(0).get(1).op(Opcodes.I32_SUB).end(), EdgeInputs.i32Pairs()));
        }
        for (int bits : new int[] {0x8000_0000, 0x7FC0_0001, 0xFF80_0000, 0x3F80_0000}) {
            cases.add(FusionCase.of("const32_set", "f32.const 0x" + Integer.toHexString(bits) + "; local.set 0 (raw bits)",
                    type(params(F32), F32), Asm.code().f32Bits(bits).set(0).get(0).end(), EdgeInputs.of(new int[] {0})));
        }
    }

    // ---- i32.const k; i32.add in its forms ----

    private static void addConstantAdds(List<FusionCase> cases) {
        for (int k : ADDENDS) {
            for (int op : new int[] {Opcodes.I32_ADD, Opcodes.I32_SUB}) {
                String sequence = "i32.const " + k + "; " + wasmName(op);
                cases.add(FusionCase.of("i32_add_const", "X; " + sequence, I32_TO_I32,
                        opaque(Asm.code(), 0).i32(k).op(op).end(), EdgeInputs.i32()));
                cases.add(FusionCase.of("local_add_const", "local.get 0; " + sequence, I32_TO_I32,
                        Asm.code().get(0).i32(k).op(op).end(), EdgeInputs.i32()));
                cases.add(FusionCase.of("i32_add_const_set", "X; " + sequence + "; local.set 1", I32_TO_I32, ONE_I32,
                        opaque(Asm.code(), 0).i32(k).op(op).set(1).get(1).end(), EdgeInputs.i32()));
                cases.add(FusionCase.of("local_add_const_set", "local.get 0; " + sequence + "; local.set 1",
                        I32_I32_TO_I32, Asm.code().get(0).i32(k).op(op).set(1).get(1).end(), EdgeInputs.i32Pairs()));
            }
            cases.add(FusionCase.of("local_add_const_set",
                    "local.get 0; i32.const " + k + "; i32.add; local.set 0 (in place)",
                    I32_TO_I32, Asm.code().get(0).i32(k).op(Opcodes.I32_ADD).set(0).get(0).end(), EdgeInputs.i32()));
        }
    }

    // ---- operands from locals ----

    private static void addLocalOperands(List<FusionCase> cases) {
        int[][] i32Ops = {
            {Opcodes.I32_ADD, Op.I32_ADD_L}, {Opcodes.I32_SUB, Op.I32_SUB_L}, {Opcodes.I32_MUL, Op.I32_MUL_L},
            {Opcodes.I32_AND, Op.I32_AND_L}, {Opcodes.I32_OR, Op.I32_OR_L}, {Opcodes.I32_XOR, Op.I32_XOR_L},
        };
        for (int[] op : i32Ops) {
            cases.add(FusionCase.of(Op.name(op[1]), "X; local.get 1; " + wasmName(op[0]), I32_I32_TO_I32,
                    opaque(Asm.code(), 0).get(1).op(op[0]).end(), EdgeInputs.i32Pairs()));
        }
        int[][] f64Ops = {
            {Opcodes.F64_ADD, Op.F64_ADD_L}, {Opcodes.F64_SUB, Op.F64_SUB_L}, {Opcodes.F64_MUL, Op.F64_MUL_L},
            {Opcodes.F64_DIV, Op.F64_DIV_L},
        };
        for (int[] op : f64Ops) {
            cases.add(FusionCase.of(Op.name(op[1]), "X; local.get 1; " + wasmName(op[0]), F64_F64_TO_F64,
                    opaqueF64(Asm.code(), 0).get(1).op(op[0]).end(), EdgeInputs.f64(2)));
        }
        cases.add(FusionCase.of("i32_add_ll", "local.get 0; local.get 1; i32.add", I32_I32_TO_I32,
                Asm.code().get(0).get(1).op(Opcodes.I32_ADD).end(), EdgeInputs.i32Pairs()));
        int[][] f64Pairs = {
            {Opcodes.F64_ADD, Op.F64_ADD_LL}, {Opcodes.F64_SUB, Op.F64_SUB_LL}, {Opcodes.F64_MUL, Op.F64_MUL_LL},
        };
        for (int[] op : f64Pairs) {
            cases.add(FusionCase.of(Op.name(op[1]), "local.get 0; local.get 1; " + wasmName(op[0]), F64_F64_TO_F64,
                    Asm.code().get(0).get(1).op(op[0]).end(), EdgeInputs.f64(2)));
        }
        cases.add(FusionCase.of("f64_mul_l_mul_l", "X; local.get 1; f64.mul; local.get 2; f64.mul",
                type(params(F64, F64, F64), F64),
                opaqueF64(Asm.code(), 0).get(1).op(Opcodes.F64_MUL).get(2).op(Opcodes.F64_MUL).end(), EdgeInputs.f64(3))
                .chainingFloatOperations());
        cases.add(FusionCase.of("f64_mul_ll_mul_l", "local.get 0; local.get 1; f64.mul; local.get 2; f64.mul",
                type(params(F64, F64, F64), F64),
                Asm.code().get(0).get(1).op(Opcodes.F64_MUL).get(2).op(Opcodes.F64_MUL).end(), EdgeInputs.f64(3))
                .chainingFloatOperations());
    }

    // ---- constant second operands ----

    private static void addConstantOperands(List<FusionCase> cases) {
        int[][] bitwise = {
            {Opcodes.I32_AND, Op.I32_AND_K}, {Opcodes.I32_OR, Op.I32_OR_K}, {Opcodes.I32_XOR, Op.I32_XOR_K},
            {Opcodes.I32_MUL, Op.I32_MUL_K},
        };
        int[][] shifts = {
            {Opcodes.I32_SHL, Op.I32_SHL_K}, {Opcodes.I32_SHR_S, Op.I32_SHR_S_K}, {Opcodes.I32_SHR_U, Op.I32_SHR_U_K},
        };
        int[][] compares = {
            {Opcodes.I32_EQ, Op.I32_EQ_K}, {Opcodes.I32_NE, Op.I32_NE_K},
            {Opcodes.I32_LT_S, Op.I32_LT_S_K}, {Opcodes.I32_LT_U, Op.I32_LT_U_K},
            {Opcodes.I32_GT_S, Op.I32_GT_S_K}, {Opcodes.I32_GT_U, Op.I32_GT_U_K},
            {Opcodes.I32_LE_S, Op.I32_LE_S_K}, {Opcodes.I32_LE_U, Op.I32_LE_U_K},
            {Opcodes.I32_GE_S, Op.I32_GE_S_K}, {Opcodes.I32_GE_U, Op.I32_GE_U_K},
        };
        addWithConstant(cases, bitwise, MASKS);
        addWithConstant(cases, shifts, COUNTS);
        addWithConstant(cases, compares, COMPARANDS);
        for (int k : COUNTS) {
            // a computed operand: local.get would make it local_rotl_k
            cases.add(FusionCase.of("i32_rotl_k", "X; i32.const " + k + "; i32.rotl", I32_TO_I32,
                    opaque(Asm.code(), 0).i32(k).op(Opcodes.I32_ROTL).end(), EdgeInputs.i32()));
            cases.add(FusionCase.of("local_rotl_k", "local.get 0; i32.const " + k + "; i32.rotl", I32_TO_I32,
                    Asm.code().get(0).i32(k).op(Opcodes.I32_ROTL).end(), EdgeInputs.i32()));
            cases.add(FusionCase.of("local_rotl_k_xor", "X; local.get 0; i32.const " + k + "; i32.rotl; i32.xor",
                    I32_I32_TO_I32, opaque(Asm.code(), 1).get(0).i32(k).op(Opcodes.I32_ROTL).op(Opcodes.I32_XOR).end(),
                    EdgeInputs.i32Pairs()));
        }
    }

    private static void addWithConstant(List<FusionCase> cases, int[][] ops, int[] constants) {
        for (int[] op : ops) {
            for (int k : constants) {
                cases.add(FusionCase.of(Op.name(op[1]), "local.get 0; i32.const " + k + "; " + wasmName(op[0]),
                        I32_TO_I32, Asm.code().get(0).i32(k).op(op[0]).end(), EdgeInputs.i32()));
            }
        }
    }

    // ---- indexed addresses and multiply-add ----

    private static void addOthers(List<FusionCase> cases) {
        for (int k : new int[] {0, 1, 2, 3, 31, 32, 33}) {
            cases.add(FusionCase.of("i32_shl_k_add", "local.get 0; local.get 1; i32.const " + k + "; i32.shl; i32.add",
                    I32_I32_TO_I32, Asm.code().get(0).get(1).i32(k).op(Opcodes.I32_SHL).op(Opcodes.I32_ADD).end(),
                    EdgeInputs.i32Pairs()));
        }
        cases.add(FusionCase.of("f64_mul_add", "X; Y; Z; f64.mul; f64.add", type(params(F64, F64, F64), F64),
                opaqueF64(opaqueF64(opaqueF64(Asm.code(), 0), 1), 2).op(Opcodes.F64_MUL).op(Opcodes.F64_ADD).end(),
                EdgeInputs.f64(3)).chainingFloatOperations());
        FusionCase.addIfExists(cases, FusionCase.of("f64_mul_l_add", "X; Y; local.get 2; f64.mul; f64.add",
                type(params(F64, F64, F64), F64),
                opaqueF64(opaqueF64(Asm.code(), 0), 1).get(2).op(Opcodes.F64_MUL).op(Opcodes.F64_ADD).end(),
                EdgeInputs.f64(3)).chainingFloatOperations());
        FusionCase.addIfExists(cases, FusionCase.of("f64_tee_square",
                "X; local.tee 1; local.get 1; f64.mul (then local.get 1)",
                type(params(F64), F64, F64), new ValueType[] {F64},
                opaqueF64(Asm.code(), 0).tee(1).get(1).op(Opcodes.F64_MUL).get(1).end(), EdgeInputs.f64(1)));
        FusionCase.addIfExists(cases, FusionCase.of("f64_tee_add", "X; Y; local.tee 2; f64.add (then local.get 2)",
                type(params(F64, F64), F64, F64), new ValueType[] {F64},
                opaqueF64(opaqueF64(Asm.code(), 0), 1).tee(2).op(Opcodes.F64_ADD).get(2).end(), EdgeInputs.f64(2))
                .chainingFloatOperations());
        FusionCase.addIfExists(cases, FusionCase.of("f64_sub_l_add", "X; Y; local.get 2; f64.sub; f64.add",
                type(params(F64, F64, F64), F64),
                opaqueF64(opaqueF64(Asm.code(), 0), 1).get(2).op(Opcodes.F64_SUB).op(Opcodes.F64_ADD).end(),
                EdgeInputs.f64(3)).chainingFloatOperations());
        // by name: these come and go while the instruction set is tuned (see FusionCase.exists)
        String[][] f64Compares = {
            {"f64.lt", "f64_lt_k"}, {"f64.le", "f64_le_k"}, {"f64.gt", "f64_gt_k"}, {"f64.ge", "f64_ge_k"},
        };
        int[] f64CompareOpcodes = {Opcodes.F64_LT, Opcodes.F64_LE, Opcodes.F64_GT, Opcodes.F64_GE};
        for (int i = 0; i < f64Compares.length; i++) {
            int opcode = f64CompareOpcodes[i];
            for (long bits : EdgeInputs.F64) {
                FusionCase.addIfExists(cases, FusionCase.of(f64Compares[i][1], "local.get 0; f64.const 0x"
                        + Long.toHexString(bits) + "; " + f64Compares[i][0], type(params(F64), I32),
                        Asm.code().get(0).f64Bits(bits).op(opcode).end(), EdgeInputs.f64(1)));
            }
        }
    }
}
