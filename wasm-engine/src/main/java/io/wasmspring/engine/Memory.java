package io.wasmspring.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A linear memory: a little-endian byte array that grows in 64 KiB pages. Shared by the
 * interpreter (which reads {@link #buffer()} directly) and by host code through the accessors.
 * Like its instance, a memory is used by one thread at a time.
 *
 * <p>Bounds: every accessor checks its whole range before it reads or writes a byte. An offset
 * or length that is negative, or a range that runs past the end (the sum is computed so that it
 * cannot overflow), throws a {@link Trap} whose message starts with
 * {@value Trap#OUT_OF_BOUNDS_MEMORY} and leaves the memory unchanged, just as the same access
 * from wasm code would trap. The methods that copy to or from a Java array also throw
 * {@link IllegalArgumentException} when the range does not fit that array (a negative length
 * included): that is the host's mistake, not the module's.
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
        if (offset < 0 || length < 0 || offset > buffer.length - length) { // no overflow for huge offsets
            throw new Trap(Trap.OUT_OF_BOUNDS_MEMORY + ": " + length + " bytes at offset " + offset
                    + " in a memory of " + buffer.length + " bytes");
        }
        return (int) offset;
    }

    /** A Java array range given by the host must lie inside its array (the memory side traps instead). */
    private static void checkArrayRange(byte[] array, String name, int arrayOffset, int length) {
        if (arrayOffset < 0 || length < 0 || (long) arrayOffset + length > array.length) {
            throw new IllegalArgumentException(length + " bytes at offset " + arrayOffset + " do not fit the "
                    + name + " array of " + array.length + " bytes");
        }
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
        int start = check(offset, length);
        byte[] out = new byte[length];
        System.arraycopy(buffer, start, out, 0, length);
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
        Objects.requireNonNull(data, "data must not be null");
        System.arraycopy(data, 0, buffer, check(offset, data.length), data.length);
    }

    // ---- unsigned reads, byte ranges and strings, for host code ----

    /** The byte at {@code offset}, zero-extended (0..255). */
    public int readUnsignedByte(long offset) {
        return readByte(offset) & 0xFF;
    }

    /** The 16-bit value at {@code offset}, zero-extended (0..65535). */
    public int readUnsignedShort(long offset) {
        return readShort(offset) & 0xFFFF;
    }

    /** The 32-bit value at {@code offset}, zero-extended, as wasm's {@code i64.load32_u} reads it. */
    public long readUnsignedInt(long offset) {
        return Integer.toUnsignedLong(readInt(offset));
    }

    /** Copies {@code length} bytes at {@code offset} into {@code target} from {@code targetOffset}. */
    public void readBytes(long offset, byte[] target, int targetOffset, int length) {
        checkArrayRange(Objects.requireNonNull(target, "target must not be null"), "target", targetOffset, length);
        System.arraycopy(buffer, check(offset, length), target, targetOffset, length);
    }

    /** Writes {@code length} bytes of {@code data} from {@code dataOffset} at {@code offset}. */
    public void writeBytes(long offset, byte[] data, int dataOffset, int length) {
        checkArrayRange(Objects.requireNonNull(data, "data must not be null"), "data", dataOffset, length);
        System.arraycopy(data, dataOffset, buffer, check(offset, length), length);
    }

    /** Sets {@code length} bytes at {@code offset} to {@code value}, as {@code memory.fill} does. */
    public void fill(long offset, long length, byte value) {
        int start = check(offset, length);
        Arrays.fill(buffer, start, start + (int) length, value);
    }

    /**
     * The UTF-8 string of {@code length} bytes at {@code offset} (the {@code (offset, length)}
     * pair modules pass strings as; both unsigned). Malformed UTF-8 becomes U+FFFD.
     */
    public String readString(long offset, long length) {
        return new String(buffer, check(offset, length), (int) length, StandardCharsets.UTF_8);
    }

    /** Writes {@code value} as UTF-8 (no terminator) at {@code offset}; returns the number of bytes written. */
    public int writeString(long offset, String value) {
        Objects.requireNonNull(value, "value must not be null");
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeBytes(offset, utf8);
        return utf8.length;
    }

    /** The NUL-terminated UTF-8 string at {@code offset}; a trap when no NUL byte comes before the end of memory. */
    public String readCString(long offset) {
        int start = check(offset, 0);
        for (int end = start; end < buffer.length; end++) {
            if (buffer[end] == 0) {
                return new String(buffer, start, end - start, StandardCharsets.UTF_8);
            }
        }
        throw new Trap(Trap.OUT_OF_BOUNDS_MEMORY + ": no NUL terminator after the string at offset " + offset
                + " before the end of the memory (" + buffer.length + " bytes)");
    }

    /** Writes {@code value} as UTF-8 followed by a NUL byte at {@code offset}; returns the bytes written, NUL included. */
    public int writeCString(long offset, String value) {
        Objects.requireNonNull(value, "value must not be null");
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int start = check(offset, utf8.length + 1L);
        System.arraycopy(utf8, 0, buffer, start, utf8.length);
        buffer[start + utf8.length] = 0;
        return utf8.length + 1;
    }
}
