package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;

/**
 * A stand-in guest for the escape fuzzers: one {@link WasiPreview1} and a memory with fixed
 * regions for two paths, a read buffer, a listing buffer and results, so that any number of
 * calls fit (unlike {@link WasiTestSupport}, whose scratch space only grows).
 */
final class FuzzGuest implements AutoCloseable {

    static final int RESULT = 0x100;
    static final int RESULT2 = 0x108;
    static final int STAT = 0x200;
    static final int IOVEC = 0x300;
    static final int PATH_A = 0x1000;
    static final int PATH_B = 0x8000;
    static final int BUFFER = 0x10000;
    static final int BUFFER_SIZE = 0x4000;
    static final int LISTING = 0x14000;
    static final int LISTING_SIZE = 0x4000;
    private static final int PATH_ROOM = PATH_B - PATH_A;

    final WasiPreview1 wasi;
    final Memory memory = new Memory(new MemoryType(new Limits(2, 2)));

    FuzzGuest(WasiConfig config) {
        this.wasi = new WasiPreview1(config);
    }

    /** Calls {@code name} and returns its errno; whatever else comes out is the caller's to judge. */
    int call(String name, long... args) {
        return (int) wasi.function(name).invoke(memory, args)[0];
    }

    /** Puts {@code path} at {@link #PATH_A} (or {@link #PATH_B}); returns its length, cut to the room there. */
    int put(int at, byte[] path) {
        int n = Math.min(path.length, PATH_ROOM);
        memory.writeBytes(at, path, 0, n);
        return n;
    }

    /** The fd that {@code path_open} wrote. */
    int openedFd() {
        return memory.readInt(RESULT);
    }

    /** Reads up to {@link #BUFFER_SIZE} bytes from {@code fd} into {@link #BUFFER}; returns the errno, the count at {@link #RESULT2}. */
    int read(int fd) {
        memory.writeInt(IOVEC, BUFFER);
        memory.writeInt(IOVEC + 4, BUFFER_SIZE);
        return call("fd_read", fd, IOVEC, 1, RESULT2);
    }

    /** Writes {@code data} to {@code fd}. */
    int write(int fd, byte[] data) {
        memory.writeBytes(BUFFER, data);
        memory.writeInt(IOVEC, BUFFER);
        memory.writeInt(IOVEC + 4, data.length);
        return call("fd_write", fd, IOVEC, 1, RESULT2);
    }

    /** Lists {@code fd} into {@link #LISTING}; returns the errno, the bytes used at {@link #RESULT2}. */
    int readdir(int fd) {
        memory.fill(LISTING, LISTING_SIZE, (byte) 0);
        return call("fd_readdir", fd, LISTING, LISTING_SIZE, 0L, RESULT2);
    }

    int resultInt() {
        return memory.readInt(RESULT2);
    }

    @Override
    public void close() {
        wasi.close();
    }
}
