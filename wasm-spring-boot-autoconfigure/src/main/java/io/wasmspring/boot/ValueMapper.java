package io.wasmspring.boot;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Java values to an export's wasm parameters and its results back to the type the caller asks
 * for. Numbers pass as the engine converts them; a {@code String} (UTF-8) or {@code byte[]} is
 * copied into guest memory and passed as two i32 parameters {@code (offset, length)}. A string
 * result is read from memory: a pair of i32 results {@code (offset, length)}, an i64 packing
 * {@code offset << 32 | length}, or a single i32 offset of a NUL-terminated string; the buffer
 * it was read from is then handed to {@link ResultBuffers} (kept, or freed when the module is
 * configured to free results).
 */
final class ValueMapper {

    private ValueMapper() {
    }

    /** Puts a {@code String} or {@code byte[]} argument into guest memory; returns its offset. */
    @FunctionalInterface
    interface Copier {
        int copyIn(byte[] bytes);
    }

    /** Gives back the guest buffer a string or byte[] result was read from, once it is copied out. */
    @FunctionalInterface
    interface ResultBuffers {
        /** Nothing is given back: the module keeps its result buffers. */
        ResultBuffers KEEP = (offset, size) -> {
        };

        void release(int offset, int size);
    }

    /**
     * The wasm arguments of {@code function} for the Java {@code args}. Every argument is checked
     * against the export's parameters before the first one is copied in, so that a caller mistake
     * leaves guest memory untouched.
     */
    static Object[] arguments(ExportedFunction function, Object[] args, Copier copier) {
        List<ValueType> params = function.type().params();
        Object[] given = args != null ? args : new Object[0];
        byte[][] bytes = new byte[given.length][];
        int p = 0;
        for (int i = 0; i < given.length; i++) {
            Object arg = given[i];
            bytes[i] = arg instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : arg instanceof byte[] b ? b : null;
            if (bytes[i] != null) {
                if (p + 1 >= params.size() || params.get(p) != ValueType.I32 || params.get(p + 1) != ValueType.I32) {
                    throw new WasmException("export \"" + function.name() + "\" " + function.type() + ": argument " + i
                            + " is a " + arg.getClass().getSimpleName()
                            + ", which is passed as two i32 parameters (offset, length), but parameters " + p + " and "
                            + (p + 1) + " are not both i32");
                }
                p += 2;
            } else {
                p++;
            }
        }
        if (p != params.size()) {
            throw new WasmException("export \"" + function.name() + "\" " + function.type() + " takes " + params.size()
                    + " wasm parameter(s), but the " + given.length + " argument(s) given make " + p);
        }
        Object[] values = new Object[p];
        int v = 0;
        for (int i = 0; i < given.length; i++) {
            if (bytes[i] != null) {
                values[v++] = copier.copyIn(bytes[i]);
                values[v++] = bytes[i].length;
            } else {
                values[v++] = given[i];
            }
        }
        return values;
    }

    /** The results of {@code function} as {@code type}. */
    static Object result(ExportedFunction function, Object[] results, Class<?> type, Instance instance,
            ResultBuffers buffers) {
        Class<?> wanted = boxed(type);
        if (wanted == Void.class) {
            return null;
        }
        if (wanted == Object[].class) {
            return results;
        }
        if (wanted == String.class || wanted == byte[].class) {
            byte[] bytes = bytesResult(function, results, instance.memory(), buffers);
            return wanted == String.class ? new String(bytes, StandardCharsets.UTF_8) : bytes;
        }
        if (results.length == 0) {
            if (type.isPrimitive() || wanted != Object.class) {
                throw new WasmException("export \"" + function.name() + "\" " + function.type()
                        + " returns nothing, but a " + type.getSimpleName() + " was asked for");
            }
            return null;
        }
        if (wanted == Object.class) {
            return results.length == 1 ? results[0] : results;
        }
        if (results.length != 1) {
            throw new WasmException("export \"" + function.name() + "\" " + function.type() + " returns "
                    + results.length + " values; ask for Object[] to get them all");
        }
        return convert(function, results[0], wanted);
    }

    private static Object convert(ExportedFunction function, Object value, Class<?> wanted) {
        if (wanted.isInstance(value)) {
            return value;
        }
        if (wanted == Boolean.class && value instanceof Integer i) {
            return i != 0;
        }
        if (value instanceof Number n) {
            if (wanted == Long.class && value instanceof Integer) {
                return n.longValue();
            }
            if (wanted == Double.class) {
                return n.doubleValue();
            }
            if (wanted == Integer.class && value instanceof Long && n.longValue() == n.intValue()) {
                return n.intValue();
            }
            if (wanted == Short.class && value instanceof Integer) {
                return n.shortValue();
            }
            if (wanted == Byte.class && value instanceof Integer) {
                return n.byteValue();
            }
            if (wanted == Float.class && value instanceof Double) {
                return n.floatValue();
            }
        }
        throw new WasmException("export \"" + function.name() + "\" " + function.type() + " returns a "
                + value.getClass().getSimpleName() + ", which cannot be given as " + wanted.getSimpleName());
    }

    /** The bytes a string or byte[] result points at, copied out; then its buffer goes to {@code buffers}. */
    private static byte[] bytesResult(ExportedFunction function, Object[] results, Memory memory, ResultBuffers buffers) {
        if (memory == null) {
            throw new WasmException("export \"" + function.name() + "\" cannot return a string: the module has no memory");
        }
        List<ValueType> types = function.type().results();
        int offset;
        int length;
        int allocated;
        if (types.equals(List.of(ValueType.I32, ValueType.I32))) {
            offset = (Integer) results[0];
            length = (Integer) results[1];
            allocated = length;
        } else if (types.equals(List.of(ValueType.I64))) {
            long packed = (Long) results[0];
            offset = (int) (packed >>> 32);
            length = (int) packed;
            allocated = length;
        } else if (types.equals(List.of(ValueType.I32))) {
            offset = (Integer) results[0];
            long start = Integer.toUnsignedLong(offset);
            long end = start;
            while (end < memory.size() && memory.readByte(end) != 0) {
                end++;
            }
            length = (int) (end - start);
            allocated = length + 1; // with its NUL
        } else {
            throw new WasmException("export \"" + function.name() + "\" " + function.type()
                    + " cannot return a string: expected (result i32 i32) as (offset, length), (result i64) as"
                    + " offset << 32 | length, or (result i32) as the offset of a NUL-terminated string");
        }
        // A length past 2 GiB reads as negative: the memory refuses it as out of bounds, a trap.
        byte[] bytes = memory.readBytes(Integer.toUnsignedLong(offset), length);
        buffers.release(offset, allocated);
        return bytes;
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }
}
