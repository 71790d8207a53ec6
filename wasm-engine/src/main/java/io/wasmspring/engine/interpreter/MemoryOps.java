package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.runtime.InstanceState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Memory instructions (spec 4.4.7): little-endian views of the memory's {@code byte[]}, the
 * effective-address bounds check, grow, and the bulk operations, which check their whole range
 * before writing anything.
 */
final class MemoryOps {

    private MemoryOps() {
    }

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final byte[] NO_MEMORY = new byte[0];

    /** The current bytes of the instance's memory 0 (an empty array when it has none). */
    static byte[] buffer(InstanceState instance) {
        Memory[] memories = instance.memories;
        return memories != null && memories.length > 0 ? memories[0].buffer() : NO_MEMORY;
    }

    /**
     * The effective address of an access of {@code size} bytes: u32 base plus u32 offset, computed
     * without overflow, trapping when any byte falls outside the memory.
     */
    static int address(byte[] memory, long base, int offset, int size) {
        long ea = (base & 0xFFFF_FFFFL) + (offset & 0xFFFF_FFFFL);
        if (ea > memory.length - size) {
            throw outOfBounds();
        }
        return (int) ea;
    }

    static Trap outOfBounds() {
        return new Trap(Trap.OUT_OF_BOUNDS_MEMORY);
    }

    static int size(InstanceState instance) {
        return instance.memories[0].pages();
    }

    /** memory.grow: the old size in pages, or -1; {@code delta} is unsigned. */
    static int grow(InstanceState instance, int delta) {
        return delta < 0 ? -1 : instance.memories[0].grow(delta);
    }

    private static void checkRange(long start, long length, int size) {
        if (start + length > size) {
            throw outOfBounds();
        }
    }

    /** memory.fill: {@code n} bytes at {@code d} set to {@code value}. */
    static void fill(byte[] memory, long d, long value, long n) {
        d &= 0xFFFF_FFFFL;
        n &= 0xFFFF_FFFFL;
        checkRange(d, n, memory.length);
        Arrays.fill(memory, (int) d, (int) (d + n), (byte) value);
    }

    /** memory.copy: overlapping ranges copy as if through a temporary buffer. */
    static void copy(byte[] memory, long d, long s, long n) {
        d &= 0xFFFF_FFFFL;
        s &= 0xFFFF_FFFFL;
        n &= 0xFFFF_FFFFL;
        checkRange(d, n, memory.length);
        checkRange(s, n, memory.length);
        System.arraycopy(memory, (int) s, memory, (int) d, (int) n);
    }

    /** memory.init: bytes {@code [s, s+n)} of a data segment (empty once dropped) to {@code d}. */
    static void init(InstanceState instance, byte[] memory, int segment, long d, long s, long n) {
        byte[] data = instance.datas[segment];
        d &= 0xFFFF_FFFFL;
        s &= 0xFFFF_FFFFL;
        n &= 0xFFFF_FFFFL;
        checkRange(s, n, data.length);
        checkRange(d, n, memory.length);
        System.arraycopy(data, (int) s, memory, (int) d, (int) n);
    }

    static void dropData(InstanceState instance, int segment) {
        instance.datas[segment] = NO_MEMORY;
    }
}
