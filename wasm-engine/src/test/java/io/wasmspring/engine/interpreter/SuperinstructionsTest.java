package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Trap;
import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;

/** Instruction pairs fused at lowering, and the branch targets that must keep them apart. */
class SuperinstructionsTest {

    @Test
    void constantAdditionAndSubtractionFuse() {
        TestModule m = new TestModule();
        int add = m.func(type(params(I32), I32), Asm.code().get(0).i32(5).op(Opcodes.I32_ADD).end());
        int sub = m.func(type(params(I32), I32), Asm.code().get(0).i32(5).op(Opcodes.I32_SUB).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(add, 0xFFFF_FFFEL)).isEqualTo(3);
        assertThat(inst.call1(sub, 2)).isEqualTo(0xFFFF_FFFDL);
        // local.get then add/sub of a constant: one instruction
        assertThat(inst.compiled()[0].disassemble()).contains("local_add_const 0 5").doesNotContain("const32");
        assertThat(inst.compiled()[1].disassemble()).contains("local_add_const 0 -5");
    }

    @Test
    void constantAdditionToAComputedValueFuses() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32, I32), I32), Asm.code().get(0).get(1).op(Opcodes.I32_MUL).i32(5)
                .op(Opcodes.I32_ADD).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 3, 4)).isEqualTo(17);
        assertThat(inst.compiled()[0].disassemble()).contains("i32_add_const 5").doesNotContain("const32");
    }

    @Test
    void twoLocalGetsFuse() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32, I32), I32), Asm.code().get(0).get(1).op(Opcodes.I32_SUB).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 10, 3)).isEqualTo(7);
        assertThat(inst.compiled()[0].disassemble()).contains("local_get2 0 1");
    }

    @Test
    void localAddressedLoadsAndStoresFuse() {
        TestModule m = new TestModule().memory(1, -1);
        int store = m.func(type(params(I32, I32)), Asm.code().get(0).get(1).mem(Opcodes.I32_STORE, 4).end());
        int load = m.func(type(params(I32), I32), Asm.code().get(0).mem(Opcodes.I32_LOAD, 4).end());
        TestModule.Instance inst = m.instantiate();
        inst.call(store, 8, 0xCAFE_BABEL);
        assertThat(inst.memory().readInt(12)).isEqualTo(0xCAFE_BABE);
        assertThat(inst.call1(load, 8)).isEqualTo(0xCAFE_BABEL);
        assertThatThrownBy(() -> inst.call(load, 65530)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThatThrownBy(() -> inst.call(store, 65530, 1)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThat(inst.compiled()[0].disassemble()).contains("i32_store_locals 0 1 4");
        assertThat(inst.compiled()[1].disassemble()).contains("i32_load_local 0 4");
    }

    @Test
    void eqzBeforeABranchInvertsTheBranch() {
        TestModule m = new TestModule();
        int f = m.func(type(params(I32), I32), Asm.code()
                .block().get(0).op(Opcodes.I32_EQZ).brIf(0).i32(1).op(Opcodes.RETURN).end().i32(2).end());
        int g = m.func(type(params(I32), I32), Asm.code()
                .get(0).op(Opcodes.I32_EQZ).if_(I32).i32(10).else_().i32(20).end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 0)).isEqualTo(2);
        assertThat(inst.call1(f, 7)).isEqualTo(1);
        assertThat(inst.call1(g, 0)).isEqualTo(10);
        assertThat(inst.call1(g, 7)).isEqualTo(20);
        assertThat(inst.compiled()[0].disassemble()).doesNotContain("i32_eqz").contains("br_unless");
        assertThat(inst.compiled()[1].disassemble()).doesNotContain("i32_eqz").contains("br_if");
    }

    @Test
    void nothingFusesAcrossALoopStart() {
        TestModule m = new TestModule();
        int loopType = m.typeIndex(type(params(I32), I32));
        // x = n; loop (param i32) (result i32): n--, repeat while n != 0, keeping x
        int f = m.func(type(params(I32), I32), Asm.code()
                .get(0)
                .blockIndexed(Opcodes.LOOP, loopType)
                .get(0).i32(1).op(Opcodes.I32_SUB).tee(0)
                .brIf(0)
                .end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 5)).isEqualTo(5);
        assertThat(inst.compiled()[0].disassemble()).doesNotContain("local_get2");
    }

    @Test
    void nothingFusesAcrossABlockEnd() {
        TestModule m = new TestModule();
        // block (result i32) (i32.const 7) (br_if 0 (local.get 0)) (drop) (i32.const 9) end; i32.add 1 after the end
        int f = m.func(type(params(I32), I32), Asm.code()
                .block(I32).i32(7).get(0).brIf(0).drop().i32(9).end()
                .i32(1).op(Opcodes.I32_ADD).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 1)).isEqualTo(8);
        assertThat(inst.call1(f, 0)).isEqualTo(10);
    }

    @Test
    void plainLoweringGivesTheSameResults() {
        boolean saved = FunctionLowering.fuseInstructions;
        try {
            FunctionLowering.fuseInstructions = false;
            TestModule m = new TestModule();
            int f = m.func(type(params(I32, I32), I32), Asm.code().get(0).get(1).op(Opcodes.I32_SUB).i32(1)
                    .op(Opcodes.I32_ADD).end());
            TestModule.Instance inst = m.instantiate();
            assertThat(inst.call1(f, 10, 3)).isEqualTo(8);
            assertThat(inst.compiled()[0].disassemble()).doesNotContain("local_get2").doesNotContain("i32_add_const");
        } finally {
            FunctionLowering.fuseInstructions = saved;
        }
    }
}
