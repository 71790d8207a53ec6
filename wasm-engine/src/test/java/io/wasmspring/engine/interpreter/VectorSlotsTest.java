package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;

/** v128 values take two slots: locals, select, drop, blocks and calls move both. */
class VectorSlotsTest {

    private static final ValueType V128 = ValueType.V128;

    @Test
    void v128ValuesMoveThroughLocalsSelectBlocksAndCalls() {
        TestModule m = new TestModule();
        FunctionType pick = type(params(V128, V128, I32), V128);
        // pick(a, b, c): tee a into a local, select between a and b, pass through a block
        int f = m.func(pick, new ValueType[] {V128, I32}, Asm.code()
                .get(0).tee(3).get(1).get(2)
                .op(Opcodes.SELECT_T).u32(1).op(V128.code())
                .block(V128).end()
                .get(3).op(Opcodes.DROP)
                .end());
        int caller = m.func(type(params(V128, V128), V128), Asm.code()
                .get(1).get(0).i32(0).call(f).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call(f, 1, 2, 3, 4, 1)).containsExactly(1, 2);
        assertThat(inst.call(f, 1, 2, 3, 4, 0)).containsExactly(3, 4);
        assertThat(inst.call(caller, 1, 2, 3, 4)).containsExactly(1, 2);
        assertThat(inst.compiled()[0].disassemble()).contains("local_tee_v128").contains("select_v128")
                .contains("local_get_v128");
    }

    @Test
    void v128GlobalsUseBothHalves() {
        TestModule m = new TestModule();
        int g = m.global(V128, 5);
        int swap = m.func(type(params(V128), V128), Asm.code()
                .globalGet(g).get(0).globalSet(g).end());
        TestModule.Instance inst = m.instantiate();
        inst.state().globals[g].setHighBits(6);
        assertThat(inst.call(swap, 7, 8)).containsExactly(5, 6);
        assertThat(inst.state().globals[g].bits()).isEqualTo(7);
        assertThat(inst.state().globals[g].highBits()).isEqualTo(8);
    }
}
