package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the guest's arguments out of linear memory: strings, and the iovec arrays of the I/O calls. */
final class GuestMemory {

    private GuestMemory() {
    }

    /** Unsigned i32 argument {@code i}. */
    static int u32(long[] args, int i) {
        return (int) args[i];
    }

    /** A UTF-8 string of {@code len} bytes at {@code ptr}; {@code ilseq} when it is not valid UTF-8. */
    static String string(Memory memory, int ptr, int len) {
        ByteBuffer bytes = slice(memory, ptr, len);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new ErrnoException(Errno.ILSEQ);
        }
    }

    /** A view of {@code len} bytes of memory at {@code ptr} (writes go straight to memory); {@code fault} if out of bounds. */
    static ByteBuffer slice(Memory memory, int ptr, int len) {
        long start = Integer.toUnsignedLong(ptr);
        long length = Integer.toUnsignedLong(len);
        byte[] buffer = memory.buffer();
        if (start + length > buffer.length) {
            throw new ErrnoException(Errno.FAULT);
        }
        return ByteBuffer.wrap(buffer, (int) start, (int) length);
    }

    /** The buffers an {@code iovec}/{@code ciovec} array describes: {@code count} pairs of (buf u32, buf_len u32). */
    static List<ByteBuffer> iovecs(Memory memory, int iovs, int count) {
        if (count < 0 || Integer.toUnsignedLong(iovs) + 8L * count > memory.size()) {
            throw new ErrnoException(Errno.FAULT);
        }
        List<ByteBuffer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int buf = memory.readInt(Integer.toUnsignedLong(iovs) + 8L * i);
            int len = memory.readInt(Integer.toUnsignedLong(iovs) + 8L * i + 4);
            out.add(slice(memory, buf, len));
        }
        return out;
    }

    /** The total bytes left in {@code buffers}. */
    static long remaining(List<ByteBuffer> buffers) {
        long n = 0;
        for (ByteBuffer b : buffers) {
            n += b.remaining();
        }
        return n;
    }
}
