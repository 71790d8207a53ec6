package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FuelExhaustedException;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where fusion must stop, and what chained fusions compute. A branch target between two
 * instructions keeps them apart (a branch arriving there must run the second alone), while a
 * fused instruction may start at a label. Every function is also run against the plain lowering;
 * the values asserted outright follow from the wasm semantics of the function.
 */
class FusionBoundariesTest {

    private static final FunctionType I32_TO_I32 = type(params(I32), I32);
    private static final FunctionType I32_I32_TO_I32 = type(params(I32, I32), I32);

    /** A module whose type 0 is {@code [i32] -> [i32]} and type 1 {@code [i32 i32] -> [i32]}, for block types. */
    private static TestModule module() {
        TestModule m = new TestModule().memory(1, -1);
        m.typeIndex(I32_TO_I32);
        m.typeIndex(I32_I32_TO_I32);
        return m;
    }

    private static final int TYPE_I32_TO_I32 = 0;
    private static final int TYPE_I32_I32_TO_I32 = 1;

    /** Builds {@code body} as function 0 and lowers it both ways. */
    private static FusionComparison compare(FunctionType type, ValueType[] locals, Asm body) {
        TestModule m = module();
        m.func(type, locals, body);
        return FusionComparison.of(m);
    }

    private static FusionComparison compare(FunctionType type, Asm body) {
        return compare(type, new ValueType[0], body);
    }

    private static long result(FusionComparison c, long... args) {
        FusionComparison.Outcome outcome = c.assertSameOutcome(0, args);
        assertThat(outcome.trap()).isNull();
        return outcome.results()[0];
    }

    // ---- labels between the pieces ----

    @Test
    void aLoopStartBetweenALocalGetAndAConstantAddKeepsThemApart() {
        // v = p0; do { v += 5 } while (v < p1)
        FusionComparison c = compare(I32_I32_TO_I32, Asm.code()
                .get(0)
                .blockIndexed(Opcodes.LOOP, TYPE_I32_TO_I32)
                .i32(5).op(Opcodes.I32_ADD).tee(0).get(0).get(1).op(Opcodes.I32_LT_S).brIf(0)
                .end()
                .end());
        c.assertDoesNotFuseInto(0, "local_add_const");
        assertThat(FusionComparison.hasInstruction(c.fusedListing(0), "i32_add_const")).isTrue();
        assertThat(result(c, 0, 20)).isEqualTo(20);
        assertThat(result(c, -7, 3)).isEqualTo(3);
        assertThat(result(c, 100, 0)).isEqualTo(105);
    }

    @Test
    void aBlockEndBetweenAConstantAndTheAddKeepsThemApart() {
        // p0 + (block: 5 when p1 != 0, else 7)
        FusionComparison c = compare(I32_I32_TO_I32, Asm.code()
                .get(0)
                .block(I32).i32(5).get(1).brIf(0).drop().i32(7).end()
                .op(Opcodes.I32_ADD)
                .end());
        c.assertDoesNotFuseInto(0, "i32_add_const");
        c.assertDoesNotFuseInto(0, "local_add_const");
        assertThat(result(c, 10, 1)).isEqualTo(15);
        assertThat(result(c, 10, 0)).isEqualTo(17);
        assertThat(result(c, -1, -1)).isEqualTo(4);
    }

    @Test
    void anIfKeepsAConstantBeforeItFromTheArithmeticInEitherArm() {
        // p0 + 3 when p1 != 0, else p0 - 3, with both operands passed into the if
        FusionComparison c = compare(I32_I32_TO_I32, Asm.code()
                .get(0).i32(3).get(1)
                .blockIndexed(Opcodes.IF, TYPE_I32_I32_TO_I32).op(Opcodes.I32_ADD).else_().op(Opcodes.I32_SUB).end()
                .end());
        c.assertDoesNotFuseInto(0, "i32_add_const");
        c.assertDoesNotFuseInto(0, "local_add_const");
        assertThat(result(c, 10, 1)).isEqualTo(13);
        assertThat(result(c, 10, 0)).isEqualTo(7);
        assertThat(result(c, Integer.MAX_VALUE, 1)).isEqualTo(Integer.toUnsignedLong(Integer.MIN_VALUE + 2));
        assertThat(result(c, Integer.MIN_VALUE, 0)).isEqualTo(Integer.MAX_VALUE - 2);
    }

    @Test
    void theElseArmMayFuseFromItsOwnStart() {
        // if p1 then p0 + 1 else p0 << 3: each arm fuses within itself
        FusionComparison c = compare(I32_I32_TO_I32, Asm.code()
                .get(1).if_(I32).get(0).i32(1).op(Opcodes.I32_ADD)
                .else_().get(0).i32(3).op(Opcodes.I32_SHL).end()
                .end());
        assertThat(FusionComparison.hasInstruction(c.fusedListing(0), "local_add_const")).isTrue();
        assertThat(FusionComparison.hasInstruction(c.fusedListing(0), "i32_shl_k")).isTrue();
        assertThat(result(c, 6, 1)).isEqualTo(7);
        assertThat(result(c, 6, 0)).isEqualTo(48);
    }

    @Test
    void aLoopStartBetweenALocalSetAndALocalGetKeepsThemApart() {
        FusionComparison c = compare(I32_TO_I32, new ValueType[] {I32}, Asm.code()
                .get(0).get(0).op(Opcodes.I32_ADD).set(1)
                .loop(I32).get(1).end()
                .end());
        c.assertDoesNotFuseInto(0, "local_set_get");
        assertThat(result(c, 42)).isEqualTo(84);
    }

    @Test
    void aBlockEndBetweenALocalGetAndALocalSetKeepsThemApart() {
        FusionComparison c = compare(I32_TO_I32, new ValueType[] {I32}, Asm.code()
                .block(I32).get(0).end().set(1).get(1)
                .end());
        c.assertDoesNotFuseInto(0, "local_copy");
        assertThat(result(c, 42)).isEqualTo(42);
    }

    @Test
    void aLoopStartBetweenTwoCopiesKeepsThemApart() {
        FusionComparison c = compare(I32_TO_I32, new ValueType[] {I32, I32}, Asm.code()
                .get(0).set(1)
                .loop().get(1).set(2).end()
                .get(2).end());
        c.assertDoesNotFuseInto(0, "local_copy2");
        assertThat(c.fusedListing(0)).containsSubsequence("local_copy 0 1", "local_copy 1 2");
        assertThat(result(c, -9)).isEqualTo(Integer.toUnsignedLong(-9));
    }

    @Test
    void aBlockEndBetweenAComparisonAndAnIfKeepsThemApart() {
        // (p0 < 0) computed in a block, then tested by an if: 1 for negative p0, else 2
        FusionComparison c = compare(I32_TO_I32, Asm.code()
                .block(I32).get(0).i32(0).op(Opcodes.I32_LT_S).end()
                .if_(I32).i32(1).else_().i32(2).end()
                .end());
        c.assertDoesNotFuseInto(0, "br_if_ge_s_k");
        assertThat(FusionComparison.hasInstruction(c.fusedListing(0), "i32_lt_s_k")).isTrue();
        assertThat(result(c, -1)).isEqualTo(1);
        assertThat(result(c, Integer.MIN_VALUE)).isEqualTo(1);
        assertThat(result(c, 0)).isEqualTo(2);
        assertThat(result(c, Integer.MAX_VALUE)).isEqualTo(2);
    }

    @Test
    void aBlockEndBetweenAnInequalityAndALoopBranchKeepsThemApart() {
        // do { p0++ } while (block { p0 != p1 }); return p0
        FusionComparison c = compare(I32_I32_TO_I32, Asm.code()
                .loop()
                .get(0).i32(1).op(Opcodes.I32_ADD).set(0)
                .block(I32).get(0).get(1).op(Opcodes.I32_NE).end()
                .brIf(0)
                .end()
                .get(0).end());
        c.assertDoesNotFuseInto(0, "br_if_back_ne");
        assertThat(FusionComparison.hasInstruction(c.fusedListing(0), "br_if_back")).isTrue();
        assertThat(result(c, 0, 10)).isEqualTo(10);
        assertThat(result(c, Integer.MAX_VALUE, Integer.MIN_VALUE + 1))
                .isEqualTo(Integer.toUnsignedLong(Integer.MIN_VALUE + 1));
    }

    @Test
    void aBlockEndBetweenTheAddressSumAndTheLoadKeepsThemApart() {
        FusionComparison c = compare(I32_TO_I32, Asm.code()
                .get(0).i32(4).op(Opcodes.I32_ADD)
                .blockIndexed(Opcodes.BLOCK, TYPE_I32_TO_I32).end()
                .mem(Opcodes.I32_LOAD, 0)
                .end());
        c.assertDoesNotFuseInto(0, "i32_load_local_add");
        assertThat(FusionComparison.hasInstruction(c.fusedListing(0), "local_add_const")).isTrue();
        assertThat(result(c, 8)).isEqualTo(Integer.toUnsignedLong(c.fused.memory().readInt(12)));
        assertThat(c.assertSameOutcome(0, -4).results())
                .containsExactly(Integer.toUnsignedLong(c.fused.memory().readInt(0)));
        assertThat(c.assertSameOutcome(0, 65533).trap()).isNotNull();
    }

    // ---- limits ----

    /**
     * A loop whose back-edge is a fused compare-and-branch still charges the fuel budget, so a
     * loop that would run 2^32 times stops with the documented exception, fused or not.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"br_if_back_ne", "br_if_back_ne_k"})
    void aFusedBackEdgeStillChargesFuel(String op) {
        String test = op.equals("br_if_back_ne") ? "(local.get 1)" : "(i32.const -1)";
        String wat = """
                (module (func (export "f") (param i32 i32)
                  (loop (br_if 0 (i32.ne (local.tee 0 (i32.add (local.get 0) (i32.const 1))) %s)))))
                """.formatted(test);
        ExecutionLimits limits = ExecutionLimits.builder().fuel(100_000).build();
        for (boolean fuse : new boolean[] {true, false}) {
            Module module = FusionComparison.lowered(fuse, () -> Module.parseText(wat));
            String listing = FusionComparison.lowered(fuse, () -> Compiler.compile(module.structure()))[0].disassemble();
            assertThat(FusionComparison.hasInstruction(listing, op)).as(listing).isEqualTo(fuse && FusionCase.exists(op));
            ExportedFunction f = module.instantiate(Imports.empty(), limits).function("f");
            assertThatThrownBy(() -> f.call(0, -1)).as(listing).isInstanceOf(FuelExhaustedException.class);
        }
    }

    // ---- chains ----

    @Test
    void aCountingLoopOfChainedFusionsSumsCorrectly() {
        // i = 0; acc = 0; do { i++; acc += i } while (i != n); return acc
        FusionComparison c = compare(I32_TO_I32, new ValueType[] {I32, I32}, Asm.code()
                .loop()
                .get(1).i32(1).op(Opcodes.I32_ADD).set(1)
                .get(2).get(1).op(Opcodes.I32_ADD).set(2)
                .get(1).get(0).op(Opcodes.I32_NE).brIf(0)
                .end()
                .get(2).end());
        String listing = c.fusedListing(0);
        for (String op : new String[] {"local_add_const_set", "i32_add_ll", "br_if_back_ne"}) {
            assertThat(FusionComparison.hasInstruction(listing, op)).as(op + " in\n" + listing).isTrue();
        }
        // the loop's first instruction is a fused one, starting on the loop label
        assertThat(listing).containsPattern("(?m)^0: local_add_const_set 1 1 1$");
        assertThat(result(c, 1)).isEqualTo(1);
        assertThat(result(c, 100)).isEqualTo(5050);
        assertThat(result(c, 100_000)).isEqualTo(Integer.toUnsignedLong((int) (100_000L * 100_001 / 2)));
    }

    @Test
    void copiesRunInOrderWhenTheSecondReadsWhatTheFirstWrote() {
        // 0 -> 2 then 2 -> 3: local 3 gets p0
        FusionComparison through = compare(I32_TO_I32, new ValueType[] {I32, I32}, Asm.code()
                .get(0).set(1).get(1).set(2).get(2).end());
        assertThat(through.fusedListing(0)).contains("local_copy2 0 1 1 2");
        assertThat(result(through, 77)).isEqualTo(77);
        // swap through a temporary: returns (p1, p0)
        FusionComparison swap = compare(type(params(I32, I32), I32, I32), new ValueType[] {I32}, Asm.code()
                .get(0).set(2).get(1).set(0).get(2).set(1).get(0).get(1).end());
        assertThat(swap.assertSameOutcome(0, 7, 9).results()).containsExactly(9, 7);
    }

    @Test
    void aFibonacciStepOfChainedSetsAndGetsMatchesTheSpec() {
        // (a, b) = (0, 1); repeat n times: t = a + b; a = b; b = t; return a (mod 2^32)
        FusionComparison c = compare(I32_TO_I32, new ValueType[] {I32, I32, I32}, Asm.code()
                .i32(1).set(2)
                .block().get(0).op(Opcodes.I32_EQZ).brIf(0)
                .loop()
                .get(1).get(2).op(Opcodes.I32_ADD).set(3)
                .get(2).set(1).get(3).set(2)
                .get(0).i32(-1).op(Opcodes.I32_ADD).tee(0).brIf(0)
                .end().end()
                .get(1).end());
        // each local.set fuses with the local.get after it: a chain where every step reads what the one before wrote
        assertThat(c.fusedListing(0)).as(c.fusedListing(0))
                .containsSubsequence("local_set_get 3 2", "local_set_get 1 3", "local_set_get 2 0");
        assertThat(FusionComparison.hasInstruction(c.fusedListing(0), "const32_set")).as(c.fusedListing(0)).isTrue();
        for (int n : new int[] {0, 1, 2, 10, 47, 100}) {
            int a = 0;
            int b = 1;
            for (int i = 0; i < n; i++) {
                int t = a + b;
                a = b;
                b = t;
            }
            assertThat(result(c, n)).as("fib(%d) mod 2^32", n).isEqualTo(Integer.toUnsignedLong(a));
        }
    }
}
