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

/** Globals, references and table instructions. */
class TablesAndGlobalsTest {

    @Test
    void globalsReadAndWriteRawBits() {
        TestModule m = new TestModule();
        int g = m.global(I64, 40);
        int f = m.func(type(params(), I64), Asm.code()
                .globalGet(g).i64(2).op(Opcodes.I64_ADD).globalSet(g).globalGet(g).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f)).isEqualTo(42);
        assertThat(inst.call1(f)).isEqualTo(44);
        assertThat(inst.state().globals[g].getLong()).isEqualTo(44);
    }

    @Test
    void referenceGlobalsHoldObjectsAndTheStackHoldsHandles() {
        TestModule m = new TestModule();
        int callee = m.func(type(params()), Asm.code().end());
        m.module.globals.add(new io.wasmspring.engine.structure.GlobalDefinition(
                new io.wasmspring.engine.GlobalType(ValueType.FUNCREF, true), null));
        int g = 0;
        int set = m.func(type(params()), Asm.code().op(Opcodes.REF_FUNC).u32(callee).globalSet(g).end());
        int isNull = m.func(type(params(), I32), Asm.code().globalGet(g).op(Opcodes.REF_IS_NULL).end());
        TestModule.Instance inst = instantiateWithNullGlobal(m);
        assertThat(inst.call1(isNull)).isEqualTo(1);
        inst.call(set);
        assertThat(inst.state().globals[g].ref()).isSameAs(inst.state().functions[callee]);
        assertThat(inst.call1(isNull)).isZero();
    }

    private static TestModule.Instance instantiateWithNullGlobal(TestModule m) {
        // TestModule.global() stores bits; a funcref global is added by hand and starts null
        try {
            java.lang.reflect.Field f = TestModule.class.getDeclaredField("globalValues");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            java.util.List<Object> values = (java.util.List<Object>) f.get(m);
            values.add(0L);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return m.instantiate();
    }

    @Test
    void tableGetSetSizeGrowFill() {
        TestModule m = new TestModule();
        int callee = m.func(type(params(), I32), Asm.code().i32(7).end());
        m.table(2, new Object[] {callee});
        int get = m.func(type(params(I32), I32), Asm.code().get(0).op(Opcodes.TABLE_GET).u32(0)
                .op(Opcodes.REF_IS_NULL).end());
        int copyFirstTo = m.func(type(params(I32)), Asm.code().get(0).i32(0).op(Opcodes.TABLE_GET).u32(0)
                .op(Opcodes.TABLE_SET).u32(0).end());
        int size = m.func(type(params(), I32), Asm.code().op(Opcodes.TABLE_SIZE).u32(0).end());
        int grow = m.func(type(params(I32), I32), Asm.code().op(Opcodes.REF_NULL).op(0x70).get(0)
                .op(Opcodes.TABLE_GROW).u32(0).end());
        int fill = m.func(type(params(I32, I32)), Asm.code().get(0).op(Opcodes.REF_FUNC).u32(callee).get(1)
                .op(Opcodes.TABLE_FILL).u32(0).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(get, 0)).isZero();
        assertThat(inst.call1(get, 1)).isEqualTo(1);
        assertThatThrownBy(() -> inst.call(get, 2)).isInstanceOf(Trap.class).hasMessage(Trap.OUT_OF_BOUNDS_TABLE);
        inst.call(copyFirstTo, 1);
        assertThat(inst.call1(get, 1)).isZero();
        assertThat(inst.call1(grow, 3)).isEqualTo(2);
        assertThat(inst.call1(size)).isEqualTo(5);
        assertThat(inst.call1(grow, 0xFFFF_FFFFL)).isEqualTo(0xFFFF_FFFFL);
        inst.call(fill, 2, 3);
        assertThat(inst.call1(get, 4)).isZero();
        assertThatThrownBy(() -> inst.call(fill, 4, 2)).hasMessage(Trap.OUT_OF_BOUNDS_TABLE);
        inst.call(fill, 5, 0);
    }

    @Test
    void tableCopyAndInitCheckBounds() {
        TestModule m = new TestModule();
        int callee = m.func(type(params(), I32), Asm.code().i32(7).end());
        m.table(3, new Object[] {callee});
        int copy = m.func(type(params(I32, I32, I32)), Asm.code().get(0).get(1).get(2)
                .op(Opcodes.TABLE_COPY).u32(0).u32(0).end());
        int init = m.func(type(params(I32, I32, I32)), Asm.code().get(0).get(1).get(2)
                .op(Opcodes.TABLE_INIT).u32(0).u32(0).end());
        int drop = m.func(type(params()), Asm.code().op(Opcodes.ELEM_DROP).u32(0).end());
        TestModule.Instance inst = m.instantiate();
        inst.state().elements = new Object[][] {{null, inst.state().functions[callee]}};
        inst.call(copy, 2, 0, 1);
        assertThat(inst.state().tables[0].elements()[2]).isSameAs(inst.state().functions[callee]);
        assertThatThrownBy(() -> inst.call(copy, 2, 0, 2)).hasMessage(Trap.OUT_OF_BOUNDS_TABLE);
        inst.call(init, 0, 0, 2);
        assertThat(inst.state().tables[0].elements()[0]).isNull();
        assertThat(inst.state().tables[0].elements()[1]).isSameAs(inst.state().functions[callee]);
        assertThatThrownBy(() -> inst.call(init, 0, 1, 2)).hasMessage(Trap.OUT_OF_BOUNDS_TABLE);
        inst.call(drop);
        inst.call(init, 0, 0, 0);
        assertThatThrownBy(() -> inst.call(init, 0, 0, 1)).hasMessage(Trap.OUT_OF_BOUNDS_TABLE);
    }

    @Test
    void i64GlobalFromI32ArithmeticIsUnaffected() {
        TestModule m = new TestModule();
        int g = m.global(I32, 0xFFFF_FFFFL);
        int f = m.func(type(params(), I32), Asm.code().globalGet(g).i32(1).op(Opcodes.I32_ADD).end());
        assertThat(m.instantiate().call1(f)).isZero();
    }
}
