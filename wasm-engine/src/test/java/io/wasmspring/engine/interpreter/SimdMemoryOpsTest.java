package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.SimdValues.BASE;
import static io.wasmspring.engine.interpreter.SimdValues.i16;
import static io.wasmspring.engine.interpreter.SimdValues.i32;
import static io.wasmspring.engine.interpreter.SimdValues.i64;
import static io.wasmspring.engine.interpreter.SimdValues.i8;
import static io.wasmspring.engine.interpreter.SimdValues.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Trap;
import io.wasmspring.engine.interpreter.SimdValues.Stack;
import org.junit.jupiter.api.Test;

/** SIMD loads and stores on a byte[] memory, bounds checks included: {@link SimdMemoryOps}. */
class SimdMemoryOpsTest {

    /** 64 bytes holding 0, 1, 2, ... 63, then bytes 0x80.. from 32 on. */
    private static byte[] memory() {
        byte[] mem = new byte[64];
        for (int i = 0; i < mem.length; i++) {
            mem[i] = (byte) (i < 32 ? i : 0x80 + i - 32);
        }
        return mem;
    }

    private static long[] load(byte[] mem, long address, int offset, LoadOp op) {
        Stack st = new Stack(scalar(address));
        st.sp = op.apply(st.s, st.sp, mem, offset);
        return st.top(2, BASE + 2);
    }

    @FunctionalInterface
    interface LoadOp {
        int apply(long[] s, int sp, byte[] mem, int offset);
    }

    @Test
    void v128LoadIsLittleEndian() {
        long[] v = load(memory(), 1, 2, SimdMemoryOps::v128Load);
        assertThat(v).isEqualTo(i8(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18));
    }

    @Test
    void v128LoadAtTheLastFullPositionAndBeyond() {
        byte[] mem = memory();
        assertThat(load(mem, 48, 0, SimdMemoryOps::v128Load)[1]).isEqualTo(0x9F9E_9D9C_9B9A_9998L);
        assertThatThrownBy(() -> load(mem, 49, 0, SimdMemoryOps::v128Load)).isInstanceOf(Trap.class)
                .hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThatThrownBy(() -> load(mem, 40, 9, SimdMemoryOps::v128Load)).isInstanceOf(Trap.class);
        // u32 address plus u32 offset must not wrap around.
        assertThatThrownBy(() -> load(mem, 0xFFFF_FFFFL, 1, SimdMemoryOps::v128Load)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> load(mem, -16L, 16, SimdMemoryOps::v128Load)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> load(mem, 0, -1, SimdMemoryOps::v128Load)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> load(new byte[0], 0, 0, SimdMemoryOps::v128Load)).isInstanceOf(Trap.class);
    }

    @Test
    void extendingLoads() {
        byte[] mem = memory();
        assertThat(load(mem, 30, 0, (s, sp, m, o) -> SimdMemoryOps.loadExtend(s, sp, m, o, 8, true)))
                .isEqualTo(i16(30, 31, 0xFF80, 0xFF81, 0xFF82, 0xFF83, 0xFF84, 0xFF85));
        assertThat(load(mem, 30, 0, (s, sp, m, o) -> SimdMemoryOps.loadExtend(s, sp, m, o, 8, false)))
                .isEqualTo(i16(30, 31, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85));
        assertThat(load(mem, 32, 0, (s, sp, m, o) -> SimdMemoryOps.loadExtend(s, sp, m, o, 16, true)))
                .isEqualTo(i32(0xFFFF8180, 0xFFFF8382, 0xFFFF8584, 0xFFFF8786));
        assertThat(load(mem, 32, 0, (s, sp, m, o) -> SimdMemoryOps.loadExtend(s, sp, m, o, 16, false)))
                .isEqualTo(i32(0x8180, 0x8382, 0x8584, 0x8786));
        assertThat(load(mem, 28, 4, (s, sp, m, o) -> SimdMemoryOps.loadExtend(s, sp, m, o, 32, true)))
                .isEqualTo(i64(0xFFFF_FFFF_8382_8180L, 0xFFFF_FFFF_8786_8584L));
        assertThat(load(mem, 32, 0, (s, sp, m, o) -> SimdMemoryOps.loadExtend(s, sp, m, o, 32, false)))
                .isEqualTo(i64(0x8382_8180L, 0x8786_8584L));
        assertThatThrownBy(() -> load(mem, 57, 0, (s, sp, m, o) -> SimdMemoryOps.loadExtend(s, sp, m, o, 8, true)))
                .isInstanceOf(Trap.class);
    }

    @Test
    void splatAndZeroLoads() {
        byte[] mem = memory();
        assertThat(load(mem, 33, 0, (s, sp, m, o) -> SimdMemoryOps.loadSplat(s, sp, m, o, 8)))
                .containsExactly(0x8181_8181_8181_8181L, 0x8181_8181_8181_8181L);
        assertThat(load(mem, 1, 0, (s, sp, m, o) -> SimdMemoryOps.loadSplat(s, sp, m, o, 16)))
                .isEqualTo(i16(0x201, 0x201, 0x201, 0x201, 0x201, 0x201, 0x201, 0x201));
        assertThat(load(mem, 4, 0, (s, sp, m, o) -> SimdMemoryOps.loadSplat(s, sp, m, o, 32)))
                .isEqualTo(i32(0x07060504, 0x07060504, 0x07060504, 0x07060504));
        assertThat(load(mem, 0, 56, (s, sp, m, o) -> SimdMemoryOps.loadSplat(s, sp, m, o, 64)))
                .containsExactly(0x9F9E_9D9C_9B9A_9998L, 0x9F9E_9D9C_9B9A_9998L);
        assertThat(load(mem, 60, 0, (s, sp, m, o) -> SimdMemoryOps.loadZero(s, sp, m, o, 32)))
                .containsExactly(0x9F9E_9D9CL, 0L);
        assertThat(load(mem, 8, 0, (s, sp, m, o) -> SimdMemoryOps.loadZero(s, sp, m, o, 64)))
                .containsExactly(0x0F0E_0D0C_0B0A_0908L, 0L);
        assertThatThrownBy(() -> load(mem, 61, 0, (s, sp, m, o) -> SimdMemoryOps.loadZero(s, sp, m, o, 32)))
                .isInstanceOf(Trap.class);
        assertThatThrownBy(() -> load(mem, 63, 0, (s, sp, m, o) -> SimdMemoryOps.loadSplat(s, sp, m, o, 16)))
                .isInstanceOf(Trap.class);
    }

    @Test
    void loadLaneReplacesOneLane() {
        byte[] mem = memory();
        Stack st = new Stack(scalar(32), i64(-1, -1));
        st.sp = SimdMemoryOps.loadLane(st.s, st.sp, mem, 1, 8, 9);
        assertThat(st.top(2, BASE + 2)).containsExactly(-1L, 0xFFFF_FFFF_FFFF_81FFL);
        st = new Stack(scalar(2), i64(0, 0));
        st.sp = SimdMemoryOps.loadLane(st.s, st.sp, mem, 0, 16, 3);
        assertThat(st.top(2, BASE + 2)).isEqualTo(i16(0, 0, 0, 0x0302, 0, 0, 0, 0));
        st = new Stack(scalar(4), i32(1, 2, 3, 4));
        st.sp = SimdMemoryOps.loadLane(st.s, st.sp, mem, 0, 32, 2);
        assertThat(st.top(2, BASE + 2)).isEqualTo(i32(1, 2, 0x07060504, 4));
        st = new Stack(scalar(8), i64(5, 6));
        st.sp = SimdMemoryOps.loadLane(st.s, st.sp, mem, 0, 64, 1);
        assertThat(st.top(2, BASE + 2)).containsExactly(5L, 0x0F0E_0D0C_0B0A_0908L);
        Stack oob = new Stack(scalar(60), i64(5, 6));
        assertThatThrownBy(() -> SimdMemoryOps.loadLane(oob.s, oob.sp, mem, 0, 64, 0)).isInstanceOf(Trap.class);
    }

    @Test
    void storesWriteLittleEndianAndNothingWhenOutOfBounds() {
        byte[] mem = new byte[32];
        long[] v = i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        Stack st = new Stack(scalar(8), v);
        st.sp = SimdMemoryOps.v128Store(st.s, st.sp, mem, 8);
        assertThat(st.sp).isEqualTo(BASE);
        assertThat(mem[15]).isZero();
        assertThat(mem[16]).isEqualTo((byte) 1);
        assertThat(mem[31]).isEqualTo((byte) 16);

        byte[] untouched = new byte[32];
        Stack oob = new Stack(scalar(17), v);
        assertThatThrownBy(() -> SimdMemoryOps.v128Store(oob.s, oob.sp, untouched, 0)).isInstanceOf(Trap.class)
                .hasMessage(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThat(untouched).containsOnly(0);
    }

    @Test
    void storeLaneWritesOneLane() {
        long[] v = i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        byte[] mem = new byte[16];
        Stack st = new Stack(scalar(0), v);
        st.sp = SimdMemoryOps.storeLane(st.s, st.sp, mem, 3, 8, 15);
        assertThat(st.sp).isEqualTo(BASE);
        assertThat(mem).containsExactly(0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        mem = new byte[16];
        st = new Stack(scalar(14), v);
        SimdMemoryOps.storeLane(st.s, st.sp, mem, 0, 16, 1);
        assertThat(mem[14]).isEqualTo((byte) 3);
        assertThat(mem[15]).isEqualTo((byte) 4);
        mem = new byte[16];
        st = new Stack(scalar(0), v);
        SimdMemoryOps.storeLane(st.s, st.sp, mem, 12, 32, 3);
        assertThat(mem).endsWith(13, 14, 15, 16);
        mem = new byte[16];
        st = new Stack(scalar(8), v);
        SimdMemoryOps.storeLane(st.s, st.sp, mem, 0, 64, 0);
        assertThat(mem).endsWith(1, 2, 3, 4, 5, 6, 7, 8);
        byte[] small = new byte[16];
        Stack oob = new Stack(scalar(15), v);
        assertThatThrownBy(() -> SimdMemoryOps.storeLane(oob.s, oob.sp, small, 0, 16, 0)).isInstanceOf(Trap.class);
        assertThat(small).containsOnly(0);
    }
}
