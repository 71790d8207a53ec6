package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.FusionCase.UNDER_TEST;
import static io.wasmspring.engine.interpreter.FusionCase.wasmName;
import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compare-and-branch superinstructions, in the places a condition is lowered: a {@code br_if}
 * that needs no value moves (the branch as written, also when it leaves the function), an
 * {@code if} (lowered as branch-unless, so the comparison is negated), and a {@code br_if} that
 * must move values (also lowered as a negated branch around the move). Each is run on signed and unsigned edges against
 * the plain lowering.
 */
class FusedBranchesTest {

    private static final FunctionType I32_TO_I32 = type(params(I32), I32);
    private static final FunctionType I32_I32_TO_I32 = type(params(I32, I32), I32);
    private static final int[] COMPARANDS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};

    /** Where the condition is used. */
    enum Position {
        /** {@code block (result i32) (i32.const 1) cond (br_if 0) drop (i32.const 2) end}: no moves. */
        BR_IF {
            @Override
            Asm wrap(Asm code, UnaryOperator<Asm> condition) {
                return condition.apply(code.block(I32).i32(1)).brIf(0).drop().i32(2).end();
            }
        },
        /** {@code cond if (result i32) 1 else 2 end}. */
        IF_ELSE {
            @Override
            Asm wrap(Asm code, UnaryOperator<Asm> condition) {
                return condition.apply(code).if_(I32).i32(1).else_().i32(2).end();
            }
        },
        /** {@code 9 1 cond (br_if 0) drop drop 2} at function level: a branch to the function's own label returns the 1. */
        BR_IF_RETURNING {
            @Override
            Asm wrap(Asm code, UnaryOperator<Asm> condition) {
                return condition.apply(code.i32(9).i32(1)).brIf(0).drop().drop().i32(2);
            }
        },
        /** {@code block (result i32) 100 1 cond (br_if 0) i32.add end}: taking it moves the 1 down. */
        BR_IF_MOVING {
            @Override
            Asm wrap(Asm code, UnaryOperator<Asm> condition) {
                return condition.apply(code.block(I32).i32(100).i32(1)).brIf(0).op(Opcodes.I32_ADD).end();
            }
        };

        abstract Asm wrap(Asm code, UnaryOperator<Asm> condition);

        /** Whether the condition is lowered as a branch taken when it is false. */
        boolean negates() {
            return this == IF_ELSE || this == BR_IF_MOVING;
        }
    }

    static Stream<FusionCase> cases() {
        List<FusionCase> cases = new ArrayList<>();
        for (Position position : Position.values()) {
            addEqualities(cases, position);
            addSignedComparisons(cases, position);
            addOtherComparisons(cases, position);
            cases.add(FusionCase.of(position.negates() ? "br_if" : "br_unless", "local.get 0; i32.eqz; " + position,
                    I32_TO_I32, position.wrap(Asm.code(), c -> c.get(0).op(Opcodes.I32_EQZ)).end(), EdgeInputs.i32()));
        }
        addLoops(cases);
        return cases.stream();
    }

    private static void addEqualities(List<FusionCase> cases, Position position) {
        for (int compare : new int[] {Opcodes.I32_EQ, Opcodes.I32_NE}) {
            boolean equal = compare == Opcodes.I32_EQ;
            String op = equal != position.negates() ? "br_if_eq" : "br_if_ne";
            cases.add(FusionCase.of(op, "local.get 0; local.get 1; " + wasmName(compare) + "; " + position,
                    I32_I32_TO_I32, position.wrap(Asm.code(), c -> c.get(0).get(1).op(compare)).end(),
                    EdgeInputs.i32Pairs()));
        }
    }

    private static void addSignedComparisons(List<FusionCase> cases, Position position) {
        int[][] compares = {
            {Opcodes.I32_LT_S, Op.BR_IF_LT_S_K, Op.BR_IF_GE_S_K},
            {Opcodes.I32_GE_S, Op.BR_IF_GE_S_K, Op.BR_IF_LT_S_K},
            {Opcodes.I32_GT_S, Op.BR_IF_GT_S_K, Op.BR_IF_LE_S_K},
            {Opcodes.I32_LE_S, Op.BR_IF_LE_S_K, Op.BR_IF_GT_S_K},
        };
        for (int[] compare : compares) {
            String op = Op.name(position.negates() ? compare[2] : compare[1]);
            for (int k : COMPARANDS) {
                cases.add(FusionCase.of(op, "local.get 0; i32.const " + k + "; " + wasmName(compare[0]) + "; " + position,
                        I32_TO_I32, position.wrap(Asm.code(), c -> c.get(0).i32(k).op(compare[0])).end(),
                        EdgeInputs.i32()));
            }
        }
    }

    /** Unsigned and equality comparisons with a constant fuse the comparison, not the branch. */
    private static void addOtherComparisons(List<FusionCase> cases, Position position) {
        int[][] compares = {
            {Opcodes.I32_LT_U, Op.I32_LT_U_K}, {Opcodes.I32_GE_U, Op.I32_GE_U_K},
            {Opcodes.I32_GT_U, Op.I32_GT_U_K}, {Opcodes.I32_LE_U, Op.I32_LE_U_K},
            {Opcodes.I32_EQ, Op.I32_EQ_K}, {Opcodes.I32_NE, Op.I32_NE_K},
        };
        for (int[] compare : compares) {
            for (int k : COMPARANDS) {
                cases.add(FusionCase.of(Op.name(compare[1]),
                        "local.get 0; i32.const " + k + "; " + wasmName(compare[0]) + "; " + position, I32_TO_I32,
                        position.wrap(Asm.code(), c -> c.get(0).i32(k).op(compare[0])).end(), EdgeInputs.i32()));
            }
        }
    }

    /** Counting loops: (start, end) pairs a few steps apart, across the signed and unsigned wrap points. */
    private static final List<long[]> LOOP_BOUNDS = EdgeInputs.of(
            new int[] {0, 1}, new int[] {0, 5}, new int[] {-3, 2}, new int[] {Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 2},
            new int[] {-2, 1}, new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE + 3}, new int[] {7, 8});

    private static void addLoops(List<FusionCase> cases) {
        // do { acc = acc * 31 + i; i++ } while (i != end), with i in param 0, end in param 1, acc in local 2
        Asm counting = Asm.code()
                .loop()
                .get(2).i32(31).op(Opcodes.I32_MUL).get(0).op(Opcodes.I32_ADD).set(2)
                .get(0).i32(1).op(Opcodes.I32_ADD).tee(0).get(1).op(Opcodes.I32_NE).brIf(0)
                .end()
                .get(2).end();
        cases.add(FusionCase.of("br_if_back_ne", "loop ... local.tee 0; local.get 1; i32.ne; br_if 0", I32_I32_TO_I32,
                new ValueType[] {I32}, counting, LOOP_BOUNDS));
        // do { i++; n++ } while (i != k), with i in param 0: returns (i, n)
        for (int k : new int[] {0, -1, 5, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            Asm toConstant = Asm.code()
                    .loop()
                    .get(1).i32(1).op(Opcodes.I32_ADD).set(1)
                    .get(0).i32(1).op(Opcodes.I32_ADD).tee(0).i32(k).op(Opcodes.I32_NE).brIf(0)
                    .end()
                    .get(0).get(1).end();
            FusionCase.addIfExists(cases, FusionCase.of("br_if_back_ne_k",
                    "loop ... local.tee 0; i32.const " + k + "; i32.ne; br_if 0",
                    type(params(I32), I32, I32), new ValueType[] {I32}, toConstant,
                    EdgeInputs.of(new int[] {k - 1}, new int[] {k - 2}, new int[] {k - 7})));
        }
        // the counter carried as the loop's parameter, with a second copy below it: the back-edge
        // moves a value, so the condition is lowered negated, as a branch around the move
        Asm moving = Asm.code()
                .get(0)
                .blockIndexed(Opcodes.LOOP, FusionCase.TYPE_I32_TO_I32)
                .i32(1).op(Opcodes.I32_ADD).tee(0).get(0).get(0).get(1).op(Opcodes.I32_NE).brIf(0)
                .op(Opcodes.I32_ADD)
                .end()
                .end();
        cases.add(FusionCase.of("br_if_eq", "loop (param i32) ... local.get 0; local.get 1; i32.ne; br_if 0 (moving)",
                I32_I32_TO_I32, moving, LOOP_BOUNDS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fusesAndBranchesWhereThePlainLoweringBranches(FusionCase fusion) {
        fusion.check();
    }

    // ---- spec values, asserted outright (in these positions 1 when the condition holds, 2 when not) ----

    private static FusionComparison branchOn(String op, Position position, int compare, int k) {
        return FusionCase.of(op, "local.get 0; i32.const " + k + "; " + wasmName(compare) + "; " + position, I32_TO_I32,
                position.wrap(Asm.code(), c -> c.get(0).i32(k).op(compare)).end(), List.of()).check();
    }

    private static void assertBranches(FusionComparison c, int[] holds, int[] fails) {
        for (int x : holds) {
            assertThat(c.assertSameOutcome(UNDER_TEST, x).results()).as("for %d", x).containsExactly(1);
        }
        for (int x : fails) {
            assertThat(c.assertSameOutcome(UNDER_TEST, x).results()).as("for %d", x).containsExactly(2);
        }
    }

    @Test
    void signedComparisonsWithAConstantBranchInTheSignedOrder() {
        int min = Integer.MIN_VALUE;
        int max = Integer.MAX_VALUE;
        // x < 0
        assertBranches(branchOn("br_if_lt_s_k", Position.BR_IF, Opcodes.I32_LT_S, 0), new int[] {min, -1},
                new int[] {0, 1, max});
        // x >= -1, in an if: lowered as "branch to else when x < -1"
        assertBranches(branchOn("br_if_lt_s_k", Position.IF_ELSE, Opcodes.I32_GE_S, -1), new int[] {-1, 0, max},
                new int[] {min, -2});
        // x > MAX_VALUE never holds, x <= MAX_VALUE always does
        assertBranches(branchOn("br_if_le_s_k", Position.IF_ELSE, Opcodes.I32_GT_S, max), new int[0],
                new int[] {min, -1, 0, max});
        assertBranches(branchOn("br_if_le_s_k", Position.BR_IF, Opcodes.I32_LE_S, max), new int[] {min, -1, 0, max},
                new int[0]);
    }

    @Test
    void unsignedComparisonsWithAConstantCompareInTheUnsignedOrder() {
        int min = Integer.MIN_VALUE;
        int max = Integer.MAX_VALUE;
        // x <u 0x80000000: the non-negative ints
        assertBranches(branchOn("i32_lt_u_k", Position.BR_IF, Opcodes.I32_LT_U, min), new int[] {0, 1, max},
                new int[] {min, -1});
        // x >u 0xFFFFFFFF never holds; x >=u 0 always does
        assertBranches(branchOn("i32_gt_u_k", Position.IF_ELSE, Opcodes.I32_GT_U, -1), new int[0],
                new int[] {0, max, min, -1});
        assertBranches(branchOn("i32_ge_u_k", Position.BR_IF, Opcodes.I32_GE_U, 0), new int[] {0, max, min, -1},
                new int[0]);
        // x <=u 1: only 0 and 1, never -1
        assertBranches(branchOn("i32_le_u_k", Position.IF_ELSE, Opcodes.I32_LE_U, 1), new int[] {0, 1},
                new int[] {2, -1, min});
    }

    @Test
    void aCountedLoopRunsAcrossTheSignedWrap() {
        FusionCase loop = cases().filter(c -> c.op().equals("br_if_back_ne")).findFirst().orElseThrow();
        FusionComparison c = loop.check();
        int start = Integer.MAX_VALUE - 1;
        int end = Integer.MIN_VALUE + 2;
        // four iterations: MAX-1, MAX, MIN, MIN+1, each doing acc = acc * 31 + i in wrapping i32
        int acc = 0;
        for (int i = start; i != end; i++) {
            acc = acc * 31 + i;
        }
        assertThat(c.assertSameOutcome(UNDER_TEST, start, end).results()).containsExactly(Integer.toUnsignedLong(acc));
    }
}
