package io.wasmspring.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A linear memory: a little-endian byte array that grows in 64 KiB pages. Shared by the
 * interpreter (which reads {@link #buffer()} directly) and by host code through the accessors.
 * Like its instance, a memory is used by one thread at a time.
 */
public final class Memory {

    /** The most pages a JVM byte array can hold (Java arrays stop just short of 2 GiB). */
    public static final int MAX_PAGES = 32767;

    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryType type;
    private final int maxPages;
    private byte[] buffer;

    /** A memory of {@code type}'s minimum size, growable up to its maximum (and {@link #MAX_PAGES}). */
    public Memory(MemoryType type) {
        this(type, MAX_PAGES);
    }

    /** Same, with a further cap on the pages this memory may ever have. */
    public Memory(MemoryType type, int pageCap) {
        this.type = type;
        long declaredMax = type.limits().hasMax() ? type.limits().max() : Long.MAX_VALUE;
        this.maxPages = (int) Math.min(Math.min(declaredMax, MAX_PAGES), pageCap);
        if (type.limits().min() > maxPages) {
            throw new LinkException("memory of " + type.limits().min() + " pages exceeds the limit of " + maxPages + " pages");
        }
        this.buffer = new byte[(int) type.limits().min() * MemoryType.PAGE_SIZE];
    }

    /** The memory's type as declared, with its current size as the minimum. */
    public MemoryType type() {
        return new MemoryType(new Limits(pages(), type.limits().max()));
    }

    /** Current size in pages. */
    public int pages() {
        return buffer.length / MemoryType.PAGE_SIZE;
    }

    /** The most pages this memory may grow to. */
    public int maxPages() {
        return maxPages;
    }

    /** Current size in bytes. */
    public int size() {
        return buffer.length;
    }

    /**
     * The backing array, for the interpreter and zero-copy host access. It is replaced when the
     * memory grows, so do not keep it across calls into wasm.
     */
    public byte[] buffer() {
        return buffer;
    }

    /** Grows by {@code delta} pages; returns the old size in pages, or -1 (memory unchanged) past the maximum. */
    public int grow(int delta) {
        int old = pages();
        if (delta < 0 || (long) old + delta > maxPages) {
            return -1;
        }
        if (delta > 0) {
            byte[] larger;
            try {
                larger = new byte[(old + delta) * MemoryType.PAGE_SIZE];
            } catch (OutOfMemoryError e) {
                return -1;
            }
            System.arraycopy(buffer, 0, larger, 0, buffer.length);
            buffer = larger;
        }
        return old;
    }

    private int check(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new Trap(Trap.OUT_OF_BOUNDS_MEMORY + ": " + length + " bytes at offset " + offset
                    + " in a memory of " + buffer.length + " bytes");
        }
        return (int) offset;
    }

    public byte readByte(long offset) {
        return buffer[check(offset, 1)];
    }

    public short readShort(long offset) {
        return (short) SHORT.get(buffer, check(offset, 2));
    }

    public int readInt(long offset) {
        return (int) INT.get(buffer, check(offset, 4));
    }

    public long readLong(long offset) {
        return (long) LONG.get(buffer, check(offset, 8));
    }

    public float readFloat(long offset) {
        return Float.intBitsToFloat(readInt(offset));
    }

    public double readDouble(long offset) {
        return Double.longBitsToDouble(readLong(offset));
    }

    public byte[] readBytes(long offset, int length) {
        byte[] out = new byte[length];
        System.arraycopy(buffer, check(offset, length), out, 0, length);
        return out;
    }

    public void writeByte(long offset, byte value) {
        buffer[check(offset, 1)] = value;
    }

    public void writeShort(long offset, short value) {
        SHORT.set(buffer, check(offset, 2), value);
    }

    public void writeInt(long offset, int value) {
        INT.set(buffer, check(offset, 4), value);
    }

    public void writeLong(long offset, long value) {
        LONG.set(buffer, check(offset, 8), value);
    }

    public void writeFloat(long offset, float value) {
        writeInt(offset, Float.floatToRawIntBits(value));
    }

    public void writeDouble(long offset, double value) {
        writeLong(offset, Double.doubleToRawLongBits(value));
    }

    public void writeBytes(long offset, byte[] data) {
        System.arraycopy(data, 0, buffer, check(offset, data.length), data.length);
    }
}
