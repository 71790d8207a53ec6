package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.F32;
import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.I64;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Trap;
import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;

/** Loads, stores, bounds, memory.size/grow and the bulk memory instructions. */
class MemoryInstructionsTest {

    @Test
    void storesAndLoadsAreLittleEndianWithSignAndZeroExtension() {
        TestModule m = new TestModule().memory(1, -1);
        int store = m.func(type(params(I32, I64)), Asm.code().get(0).get(1).mem(Opcodes.I64_STORE, 0).end());
        int load8s = m.func(type(params(I32), I32), Asm.code().get(0).mem(Opcodes.I32_LOAD8_S, 0).end());
        int load16u = m.func(type(params(I32), I32), Asm.code().get(0).mem(Opcodes.I32_LOAD16_U, 0).end());
        int load32s = m.func(type(params(I32), I64), Asm.code().get(0).mem(Opcodes.I64_LOAD32_S, 0).end());
        int load32u = m.func(type(params(I32), I64), Asm.code().get(0).mem(Opcodes.I64_LOAD32_U, 0).end());
        int loadOffset = m.func(type(params(I32), I32), Asm.code().get(0).mem(Opcodes.I32_LOAD, 4).end());
        TestModule.Instance inst = m.instantiate();
        inst.call(store, 8, 0x8877_6655_F4F3_F2F1L);
        assertThat(inst.memory().readByte(8)).isEqualTo((byte) 0xF1);
        assertThat(inst.call1(load8s, 8)).isEqualTo(0xFFFF_FFF1L);
        assertThat(inst.call1(load16u, 8)).isEqualTo(0xF2F1L);
        assertThat(inst.call1(load32s, 8)).isEqualTo(0xFFFF_FFFF_F4F3_F2F1L);
        assertThat(inst.call1(load32u, 8)).isEqualTo(0xF4F3_F2F1L);
        assertThat(inst.call1(loadOffset, 8)).isEqualTo(0x8877_6655L);
    }

    @Test
    void floatLoadsAndStoresKeepNaNBits() {
        TestModule m = new TestModule().memory(1, -1);
        int roundTrip = m.func(type(params(F32), F32), Asm.code()
                .i32(0).get(0).mem(Opcodes.F32_STORE, 0).i32(0).mem(Opcodes.F32_LOAD, 0).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(roundTrip, 0x7FA0_0001L)).isEqualTo(0x7FA0_0001L);
    }

    @Test
    void accessesOutOfBoundsTrap() {
        TestModule m = new TestModule().memory(1, -1);
        int load = m.func(type(params(I32), I32), Asm.code().get(0).mem(Opcodes.I32_LOAD, 0).end());
        int loadHighOffset = m.func(type(params(I32), I32), Asm.code().get(0).mem(Opcodes.I32_LOAD8_U, 0xFFFF_FFFF).end());
        int store = m.func(type(params(I32)), Asm.code().get(0).i64(1).mem(Opcodes.I64_STORE, 0).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(load, 65532)).isZero();
        assertThatThrownBy(() -> inst.call(load, 65533)).isInstanceOf(Trap.class).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThatThrownBy(() -> inst.call(load, 0xFFFF_FFFFL)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThatThrownBy(() -> inst.call(loadHighOffset, 1)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThatThrownBy(() -> inst.call(store, 65529)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThat(inst.memory().readLong(65528)).isZero();
    }

    @Test
    void growMakesNewPagesAccessibleToTheRunningCode() {
        TestModule m = new TestModule().memory(1, 3);
        // grow by n, then store at the first byte of the new page and read the size
        int f = m.func(type(params(I32), I32), new io.wasmspring.engine.ValueType[] {I32}, Asm.code()
                .get(0).op(Opcodes.MEMORY_GROW).u32(0).set(1)
                .i32(65536).i32(7).mem(Opcodes.I32_STORE8, 0)
                .op(Opcodes.MEMORY_SIZE).u32(0).i32(100).op(Opcodes.I32_MUL).get(1).op(Opcodes.I32_ADD)
                .end());
        int grow = m.func(type(params(I32), I32), Asm.code().get(0).op(Opcodes.MEMORY_GROW).u32(0).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 1)).isEqualTo(201);
        assertThat(inst.memory().readByte(65536)).isEqualTo((byte) 7);
        assertThat(inst.call1(grow, 5)).isEqualTo(0xFFFF_FFFFL);
        assertThat(inst.call1(grow, 0xFFFF_FFFFL)).isEqualTo(0xFFFF_FFFFL);
        assertThat(inst.call1(grow, 1)).isEqualTo(2);
    }

    @Test
    void bulkOperationsCheckBoundsBeforeWriting() {
        TestModule m = new TestModule().memory(1, -1);
        int data = m.passiveData(new byte[] {1, 2, 3, 4});
        int fill = m.func(type(params(I32, I32, I32)), Asm.code().get(0).get(1).get(2)
                .op(Opcodes.MEMORY_FILL).u32(0).end());
        int copy = m.func(type(params(I32, I32, I32)), Asm.code().get(0).get(1).get(2)
                .op(Opcodes.MEMORY_COPY).u32(0).u32(0).end());
        int init = m.func(type(params(I32, I32, I32)), Asm.code().get(0).get(1).get(2)
                .op(Opcodes.MEMORY_INIT).u32(data).u32(0).end());
        int drop = m.func(type(params()), Asm.code().op(Opcodes.DATA_DROP).u32(data).end());
        TestModule.Instance inst = m.instantiate();

        inst.call(init, 10, 1, 3);
        assertThat(inst.memory().readBytes(10, 4)).containsExactly(2, 3, 4, 0);
        inst.call(copy, 11, 10, 3);
        assertThat(inst.memory().readBytes(10, 4)).containsExactly(2, 2, 3, 4);
        inst.call(fill, 65530, 9, 6);
        assertThat(inst.memory().readByte(65535)).isEqualTo((byte) 9);

        assertThatThrownBy(() -> inst.call(fill, 65530, 5, 7)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThat(inst.memory().readByte(65530)).isEqualTo((byte) 9);
        assertThatThrownBy(() -> inst.call(copy, 0, 65535, 2)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThatThrownBy(() -> inst.call(init, 0, 2, 3)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        inst.call(fill, 65536, 0, 0);
        assertThatThrownBy(() -> inst.call(fill, 65537, 0, 0)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);

        inst.call(drop);
        inst.call(init, 0, 0, 0);
        assertThatThrownBy(() -> inst.call(init, 0, 0, 1)).hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
    }
}
