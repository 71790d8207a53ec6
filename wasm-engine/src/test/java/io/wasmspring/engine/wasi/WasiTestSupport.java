package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import java.nio.charset.StandardCharsets;

/**
 * Calls WASI handlers directly against a one-page memory, without an instance or the interpreter.
 * Scratch data goes at {@link #SCRATCH}; results are read back at the pointers the test chose.
 */
final class WasiTestSupport {

    static final int SCRATCH = 1024;
    static final int OUT = 256;

    final WasiPreview1 wasi;
    final Memory memory = new Memory(new MemoryType(new Limits(1, 1)));
    private int next = SCRATCH;

    WasiTestSupport(WasiConfig config) {
        this.wasi = new WasiPreview1(config);
    }

    /** Calls {@code name} and returns its errno. */
    int call(String name, long... args) {
        long[] result = wasi.function(name).invoke(memory, args);
        return (int) result[0];
    }

    /** Copies {@code s} (UTF-8, no NUL) into scratch memory; returns its address. */
    int string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    int bytes(byte[] data) {
        int at = next;
        memory.writeBytes(at, data);
        next += (data.length + 7) & ~7;
        next += 8;
        return at;
    }

    /** Writes one iovec pointing at {@code buf}/{@code len}; returns the iovec's address. */
    int iovec(int buf, int len) {
        int at = next;
        memory.writeInt(at, buf);
        memory.writeInt(at + 4, len);
        next += 8; // consecutive calls build one iovec array
        return at;
    }

    /** Reserves {@code size} zeroed bytes; returns their address. */
    int alloc(int size) {
        int at = next;
        next += (size + 7) & ~7;
        return at;
    }

    /** Length of {@code s} in UTF-8 bytes. */
    static int len(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    String readString(int ptr, int len) {
        return new String(memory.readBytes(ptr, len), StandardCharsets.UTF_8);
    }

    /** {@code path_open} of {@code path} under {@code dirFd}; returns the errno, the new fd at {@link #OUT}. */
    int open(int dirFd, int lookup, String path, int oflags, long rightsBase, long rightsInheriting, int fdflags) {
        int p = string(path);
        return call("path_open", dirFd, lookup, p, len(path), oflags, rightsBase, rightsInheriting, fdflags, OUT);
    }

    int openedFd() {
        return memory.readInt(OUT);
    }

    /** Calls a path function of the shape (fd, path, len). */
    int pathCall(String name, int fd, String path) {
        int p = string(path);
        return call(name, fd, p, len(path));
    }
}
