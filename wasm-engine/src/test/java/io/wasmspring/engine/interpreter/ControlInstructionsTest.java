package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.I64;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;

/** Blocks, loops, branches with values, br_table, if/else, return, unreachable code. */
class ControlInstructionsTest {

    private static final ValueType[] NO_LOCALS = new ValueType[0];

    @Test
    void brCarriesItsValueAndDropsWhatLiesBelow() {
        TestModule m = new TestModule();
        int f = m.func(type(params(), I32), Asm.code()
                .block(I32).i32(7).i32(42).br(0).end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f)).isEqualTo(42);
        assertThat(inst.compiled()[0].disassemble()).contains("br_move");
    }

    @Test
    void branchWithoutValueMovesIsAPlainJump() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code()
                .block().get(0).brIf(0).i32(5).set(0).end().get(0).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 0)).isEqualTo(5);
        assertThat(inst.call1(f, 3)).isEqualTo(3);
        assertThat(inst.compiled()[0].disassemble()).contains("br_if").doesNotContain("br_move");
    }

    @Test
    void brIfWithValue() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code()
                .block(I32).i32(99).i32(1).get(0).brIf(0).drop2().i32(2).end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 1)).isEqualTo(1);
        assertThat(inst.call1(f, 0)).isEqualTo(2);
    }

    @Test
    void brTableSelectsByIndexAndUsesTheDefaultForLargeOnes() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code()
                .block().block().block()
                .get(0).brTable(0, 1, 2)
                .end().i32(10).op(Opcodes.RETURN)
                .end().i32(20).op(Opcodes.RETURN)
                .end().i32(30).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 0)).isEqualTo(10);
        assertThat(inst.call1(f, 1)).isEqualTo(20);
        assertThat(inst.call1(f, 2)).isEqualTo(30);
        assertThat(inst.call1(f, 5)).isEqualTo(30);
        assertThat(inst.call1(f, 0xFFFF_FFFFL)).isEqualTo(30);
    }

    @Test
    void brTableWithValuesAndToTheFunction() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code()
                .block(I32).block(I32).i32(1000).i32(5).get(0).brTable(0, 1, 2).end()
                .i32(100).op(Opcodes.I32_ADD).end()
                .i32(1).op(Opcodes.I32_ADD).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 0)).isEqualTo(106);
        assertThat(inst.call1(f, 1)).isEqualTo(6);
        assertThat(inst.call1(f, 2)).isEqualTo(5);
    }

    @Test
    void loopSumsDownToZero() {
        TestModule m = new TestModule();
        // acc = 0; do { acc += n; n--; } while (n != 0); return acc
        int f = m.func(type(params(I32), I32), new ValueType[] {I32}, Asm.code()
                .loop()
                .get(1).get(0).op(Opcodes.I32_ADD).set(1)
                .get(0).i32(1).op(Opcodes.I32_SUB).tee(0)
                .brIf(0)
                .end().get(1).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 100)).isEqualTo(5050);
        assertThat(inst.call1(f, 100_000)).isEqualTo(i32(705_082_704));
        assertThat(inst.compiled()[0].disassemble()).contains("br_if_back");
    }

    @Test
    void loopWithParameterBranchesBackWithItsValue() {
        TestModule m = new TestModule();
        int loopType = m.typeIndex(type(params(I32), I32));
        // loop (param i32) (result i32): count iterations in local 2 while x > 1, x decreasing; junk below the value
        int f = m.func(type(params(I32), I32), new ValueType[] {I32, I32}, Asm.code()
                .get(0)
                .blockIndexed(Opcodes.LOOP, loopType)
                .set(1)
                .get(2).i32(1).op(Opcodes.I32_ADD).set(2)
                .i32(77)
                .get(1).i32(1).op(Opcodes.I32_SUB)
                .get(1).i32(1).op(Opcodes.I32_GT_S)
                .brIf(0)
                .set(1).drop().get(1)
                .end()
                .get(2).i32(10).op(Opcodes.I32_MUL).op(Opcodes.I32_ADD)
                .end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 5)).isEqualTo(50);
        assertThat(inst.compiled()[0].disassemble()).contains("countdown").contains("br_move");
    }

    @Test
    void multiValueBlocksTakeParametersAndReturnSeveralResults() {
        TestModule m = new TestModule();
        int swap = m.typeIndex(type(params(I32, I32), I32, I32));
        int f = m.func(type(params(I32, I32), I32), NO_LOCALS, Asm.code()
                .get(0).get(1)
                .blockIndexed(Opcodes.BLOCK, swap).set(0).set(1).get(0).get(1).end()
                .op(Opcodes.I32_SUB)
                .end());
        int g = m.func(type(params(), I32, I64), Asm.code().i32(-1).i64(-2).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 10, 3)).isEqualTo(i32(-7));
        assertThat(inst.call(g)).containsExactly(0xFFFF_FFFFL, -2L);
    }

    @Test
    void ifElseWithResults() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code()
                .get(0).if_(I32).i32(1).else_().i32(2).end().end());
        int g = m.func(type(params(I32), I32), Asm.code()
                .i32(5).get(0).if_().i32(6).op(Opcodes.DROP).end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 7)).isEqualTo(1);
        assertThat(inst.call1(f, 0)).isEqualTo(2);
        assertThat(inst.call1(g, 0)).isEqualTo(5);
        assertThat(inst.call1(g, 1)).isEqualTo(5);
    }

    @Test
    void ifWithParametersAndNoElsePassesThemThrough() {
        TestModule m = new TestModule();
        int t = m.typeIndex(type(params(I32), I32));
        int f = m.func(type(params(I32, I32), I32), NO_LOCALS, Asm.code()
                .get(0).get(1).blockIndexed(Opcodes.IF, t).i32(100).op(Opcodes.I32_ADD).end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 1, 1)).isEqualTo(101);
        assertThat(inst.call1(f, 1, 0)).isEqualTo(1);
    }

    @Test
    void unreachableCodeIsSkipped() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code()
                .block(I32)
                .get(0).br(0)
                .block(I64).i64(1).end().op(Opcodes.DROP).i32(1).if_().op(Opcodes.UNREACHABLE).else_().end()
                .i32(1).op(Opcodes.I32_ADD)
                .end()
                .get(0).if_(I32).i32(3).op(Opcodes.RETURN).i32(4).else_().i32(8).end()
                .op(Opcodes.I32_ADD)
                .end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 2)).isEqualTo(3);
        assertThat(inst.call1(f, 0)).isEqualTo(8);
    }

    @Test
    void returnFromNestedBlocksMovesTheResult() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code()
                .i32(1).i32(2)
                .block().block().i32(3).get(0).op(Opcodes.RETURN).end().end()
                .op(Opcodes.I32_ADD).end());
        int g = m.func(type(params(I32), I32), Asm.code()
                .i32(1).block().get(0).get(0).brIf(1).op(Opcodes.DROP).end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 9)).isEqualTo(9);
        assertThat(inst.call1(g, 9)).isEqualTo(9);
        assertThat(inst.call1(g, 0)).isEqualTo(1);
    }

    @Test
    void selectPicksByCondition() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I64), Asm.code()
                .i64(10).i64(20).get(0).op(Opcodes.SELECT).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 1)).isEqualTo(10);
        assertThat(inst.call1(f, 0)).isEqualTo(20);
    }

    @Test
    void unreachableTrapsWithTheFunctionNamesInTheTrace() {
        TestModule m = new TestModule();
        int inner = m.func(type(params()), Asm.code().op(Opcodes.UNREACHABLE).end());
        int outer = m.func(type(params()), Asm.code().call(inner).end());
        m.name(inner, "inner");
        TestModule.Instance inst = m.instantiate();
        assertThatThrownBy(() -> inst.call(outer)).isInstanceOfSatisfying(Trap.class, t -> {
            assertThat(t).hasMessage(Trap.UNREACHABLE);
            assertThat(t.wasmStackTrace()).containsExactly("inner", "func[" + outer + "]");
        });
    }

    @Test
    void byteOffsetsOfInstructionsAreKept() {
        TestModule m = new TestModule();
        m.func(type(params()), Asm.code().op(Opcodes.NOP).op(Opcodes.UNREACHABLE).end());
        CompiledFunction cf = m.instantiate().compiled()[0];
        assertThat(cf.byteOffsetAt(1)).isEqualTo(1);
    }

    @Test
    void wrongArgumentCountIsRejected() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code().get(0).end());
        TestModule.Instance inst = m.instantiate();
        assertThatThrownBy(() -> inst.call(f)).hasMessageContaining("takes 1 argument");
    }

    private static long i32(int v) {
        return v & 0xFFFF_FFFFL;
    }
}
