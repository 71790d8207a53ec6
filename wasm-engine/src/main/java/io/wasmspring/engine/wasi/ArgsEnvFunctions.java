package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code args_get}, {@code args_sizes_get}, {@code environ_get}, {@code environ_sizes_get}. */
final class ArgsEnvFunctions {

    private final List<byte[]> args = new ArrayList<>();
    private final List<byte[]> environ = new ArrayList<>();

    ArgsEnvFunctions(WasiConfig config) {
        for (String a : config.args()) {
            args.add(a.getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> e : config.env().entrySet()) {
            environ.add((e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
        }
    }

    void register(FunctionRegistry r) {
        r.add("args_get", "ii", (m, a) -> writeStrings(m, args, (int) a[0], (int) a[1]));
        r.add("args_sizes_get", "ii", (m, a) -> writeSizes(m, args, (int) a[0], (int) a[1]));
        r.add("environ_get", "ii", (m, a) -> writeStrings(m, environ, (int) a[0], (int) a[1]));
        r.add("environ_sizes_get", "ii", (m, a) -> writeSizes(m, environ, (int) a[0], (int) a[1]));
    }

    /** Writes one pointer per string at {@code pointers} and the NUL-terminated strings at {@code buffer}. */
    private static int writeStrings(Memory memory, List<byte[]> strings, int pointers, int buffer) {
        long ptr = Integer.toUnsignedLong(pointers);
        long buf = Integer.toUnsignedLong(buffer);
        for (byte[] s : strings) {
            memory.writeInt(ptr, (int) buf);
            memory.writeBytes(buf, s);
            memory.writeByte(buf + s.length, (byte) 0);
            ptr += 4;
            buf += s.length + 1;
        }
        return Errno.SUCCESS;
    }

    /** Writes the number of strings and the bytes they take with their NULs. */
    private static int writeSizes(Memory memory, List<byte[]> strings, int countPtr, int sizePtr) {
        int size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        memory.writeInt(Integer.toUnsignedLong(countPtr), strings.size());
        memory.writeInt(Integer.toUnsignedLong(sizePtr), size);
        return Errno.SUCCESS;
    }
}
