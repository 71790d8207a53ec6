package io.wasmspring.engine.host;

import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import java.nio.charset.StandardCharsets;

/**
 * An instance's memory 0 together with its allocator: writes host data into freshly allocated
 * guest blocks and reads guest data back by pointer, by {@code (pointer, length)} or by a packed
 * {@code pointer << 32 | length}. Pointers and lengths are unsigned 32-bit values held in
 * {@code int}s. Used by one thread at a time, like its instance.
 */
public final class GuestMemory {

    private final Instance instance;
    private final Memory memory;
    private GuestAllocator allocator;

    private GuestMemory(Instance instance, GuestAllocator allocator) {
        this.instance = instance;
        this.memory = instance.memory();
        if (memory == null) {
            throw new WasmException("the instance has no memory to pass data through: " + instance);
        }
        this.allocator = allocator;
    }

    /** The instance's memory with the allocator it exports ({@link GuestAllocator#of(Instance)}), found when first needed. */
    public static GuestMemory of(Instance instance) {
        return of(instance, null);
    }

    /** The instance's memory with a given allocator ({@code null}: the one it exports). */
    public static GuestMemory of(Instance instance, GuestAllocator allocator) {
        if (instance == null) {
            throw new WasmException("GuestMemory.of: no instance given");
        }
        return new GuestMemory(instance, allocator);
    }

    public Memory memory() {
        return memory;
    }

    public Instance instance() {
        return instance;
    }

    /** The allocator, looked up among the instance's exports on first use when none was given. */
    public GuestAllocator allocator() {
        if (allocator == null) {
            allocator = GuestAllocator.of(instance);
        }
        return allocator;
    }

    // ---- host -> guest ----

    /** Allocates {@code size} bytes (at least 1, so that even empty data has a pointer of its own). */
    public GuestBuffer allocate(int size) {
        if (size < 0) {
            throw new WasmException("cannot allocate a negative size (" + size + ") in the guest");
        }
        int allocated = Math.max(size, 1);
        GuestAllocator allocator = allocator();
        return new GuestBuffer(allocator, allocator.allocate(allocated), size, allocated);
    }

    /** Copies {@code data} into a new guest block. */
    public GuestBuffer writeBytes(byte[] data) {
        GuestBuffer buffer = allocate(data.length);
        fillOrFree(buffer, data, false);
        return buffer;
    }

    /** {@code value} as UTF-8 in a new guest block, for an export taking {@code (pointer, length)}. */
    public GuestBuffer writeString(String value) {
        return writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code value} as NUL-terminated UTF-8 in a new guest block; {@link GuestBuffer#length()} excludes the NUL. */
    public GuestBuffer writeCString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        GuestAllocator allocator = allocator();
        GuestBuffer buffer = new GuestBuffer(allocator, allocator.allocate(utf8.length + 1), utf8.length, utf8.length + 1);
        fillOrFree(buffer, utf8, true);
        return buffer;
    }

    private void fillOrFree(GuestBuffer buffer, byte[] data, boolean terminate) {
        try {
            long at = Integer.toUnsignedLong(buffer.pointer());
            memory.writeBytes(at, data);
            if (terminate) {
                memory.writeByte(at + data.length, (byte) 0);
            }
        } catch (RuntimeException e) {
            // the allocator handed out a block outside the memory: do not leak it on top
            try {
                buffer.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Frees a block the guest allocated (a result it handed over), {@code size} as it was allocated. */
    public void free(int pointer, int size) {
        allocator().free(pointer, size);
    }

    // ---- guest -> host ----

    public byte[] readBytes(int pointer, int length) {
        long size = Integer.toUnsignedLong(length);
        if (size > Integer.MAX_VALUE) {
            throw new Trap(Trap.OUT_OF_BOUNDS_MEMORY + ": " + size + " bytes at offset "
                    + Integer.toUnsignedString(pointer) + " in a memory of " + memory.size() + " bytes");
        }
        return memory.readBytes(Integer.toUnsignedLong(pointer), (int) size);
    }

    public String readString(int pointer, int length) {
        return memory.readString(Integer.toUnsignedLong(pointer), Integer.toUnsignedLong(length));
    }

    public String readCString(int pointer) {
        return memory.readCString(Integer.toUnsignedLong(pointer));
    }

    /** The string at a packed {@code pointer << 32 | length}. */
    public String readPackedString(long packed) {
        return readString(packedPointer(packed), packedLength(packed));
    }

    /** The bytes at a packed {@code pointer << 32 | length}. */
    public byte[] readPackedBytes(long packed) {
        return readBytes(packedPointer(packed), packedLength(packed));
    }

    // ---- the packed form ----

    /** The pointer half (high 32 bits) of {@code pointer << 32 | length}. */
    public static int packedPointer(long packed) {
        return (int) (packed >>> 32);
    }

    /** The length half (low 32 bits) of {@code pointer << 32 | length}. */
    public static int packedLength(long packed) {
        return (int) packed;
    }

    /** {@code pointer << 32 | length}, both unsigned. */
    public static long pack(int pointer, int length) {
        return Integer.toUnsignedLong(pointer) << 32 | Integer.toUnsignedLong(length);
    }

    @Override
    public String toString() {
        return "GuestMemory(" + memory.size() + " bytes, " + (allocator != null ? allocator : "allocator not looked up yet") + ")";
    }
}
