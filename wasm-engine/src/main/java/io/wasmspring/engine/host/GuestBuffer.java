package io.wasmspring.engine.host;

/**
 * A block the host allocated in a guest's memory, holding data to pass to an export as
 * {@code (pointer(), length())}. Close it to free the block (freeing twice does nothing):
 *
 * <pre>{@code
 * try (GuestBuffer name = guest.writeString("Bob")) {
 *     long packed = (long) instance.function("greet").call(name.pointer(), name.length())[0];
 * }
 * }</pre>
 */
public final class GuestBuffer implements AutoCloseable {

    private final GuestAllocator allocator;
    private final int pointer;
    private final int length;
    private final int size;
    private boolean freed;

    GuestBuffer(GuestAllocator allocator, int pointer, int length, int size) {
        this.allocator = allocator;
        this.pointer = pointer;
        this.length = length;
        this.size = size;
    }

    /** Where the data starts in the guest's memory (an unsigned 32-bit offset). */
    public int pointer() {
        return pointer;
    }

    /** How many bytes of data it holds (for a C string, without the NUL). */
    public int length() {
        return length;
    }

    /** How many bytes were allocated. */
    public int size() {
        return size;
    }

    /** {@code pointer << 32 | length}, the packed form some modules take and return. */
    public long packed() {
        return GuestMemory.pack(pointer, length);
    }

    /** Whether the block has been freed. */
    public boolean isFreed() {
        return freed;
    }

    /** Frees the block through the guest's allocator, once. */
    @Override
    public void close() {
        if (!freed) {
            freed = true;
            allocator.free(pointer, size);
        }
    }

    @Override
    public String toString() {
        return "GuestBuffer(pointer " + Integer.toUnsignedString(pointer) + ", length " + length
                + (freed ? ", freed" : "") + ")";
    }
}
