package io.wasmspring.boot;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Java values to an export's wasm parameters and its results back to the type the caller asks
 * for. Numbers pass as the engine converts them; a {@code String} (UTF-8) or {@code byte[]} is
 * copied into guest memory and passed as two i32 parameters {@code (offset, length)}. A string
 * result is read from memory: a pair of i32 results {@code (offset, length)}, an i64 packing
 * {@code offset << 32 | length}, or a single i32 offset of a NUL-terminated string.
 */
final class ValueMapper {

    private ValueMapper() {
    }

    /** Arguments ready for {@link ExportedFunction#call}, with the guest memory they occupy. */
    record Arguments(Object[] values, List<int[]> allocations) {
    }

    static Arguments arguments(ExportedFunction function, Object[] args, Instance instance, GuestAllocator allocator) {
        List<ValueType> params = function.type().params();
        List<Object> values = new ArrayList<>(params.size());
        List<int[]> allocations = new ArrayList<>(0);
        Object[] given = args != null ? args : new Object[0];
        int p = 0;
        for (int i = 0; i < given.length; i++) {
            Object arg = given[i];
            byte[] bytes = arg instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : arg instanceof byte[] b ? b : null;
            if (bytes != null) {
                if (p + 1 >= params.size() || params.get(p) != ValueType.I32 || params.get(p + 1) != ValueType.I32) {
                    throw new WasmException("export \"" + function.name() + "\" " + function.type() + ": argument " + i
                            + " is a " + arg.getClass().getSimpleName()
                            + ", which is passed as two i32 parameters (offset, length), but parameters " + p + " and "
                            + (p + 1) + " are not both i32");
                }
                int offset = allocator.copyIn(instance, bytes);
                allocations.add(new int[] {offset, bytes.length});
                values.add(offset);
                values.add(bytes.length);
                p += 2;
            } else {
                values.add(arg);
                p++;
            }
        }
        if (p != params.size()) {
            throw new WasmException("export \"" + function.name() + "\" " + function.type() + " takes " + params.size()
                    + " wasm parameter(s), but the " + given.length + " argument(s) given make " + p);
        }
        return new Arguments(values.toArray(), allocations);
    }

    /** The results of {@code function} as {@code type}. */
    static Object result(ExportedFunction function, Object[] results, Class<?> type, Instance instance) {
        Class<?> wanted = boxed(type);
        if (wanted == Void.class) {
            return null;
        }
        if (wanted == Object[].class) {
            return results;
        }
        if (wanted == String.class || wanted == byte[].class) {
            byte[] bytes = bytesResult(function, results, instance.memory());
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
            if (wanted == Integer.class && value instanceof Long) {
                return Math.toIntExact(n.longValue());
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

    private static byte[] bytesResult(ExportedFunction function, Object[] results, Memory memory) {
        if (memory == null) {
            throw new WasmException("export \"" + function.name() + "\" cannot return a string: the module has no memory");
        }
        List<ValueType> types = function.type().results();
        if (types.equals(List.of(ValueType.I32, ValueType.I32))) {
            return memory.readBytes(Integer.toUnsignedLong((Integer) results[0]), (Integer) results[1]);
        }
        if (types.equals(List.of(ValueType.I64))) {
            long packed = (Long) results[0];
            return memory.readBytes(packed >>> 32, (int) packed);
        }
        if (types.equals(List.of(ValueType.I32))) {
            long start = Integer.toUnsignedLong((Integer) results[0]);
            long end = start;
            while (end < memory.size() && memory.readByte(end) != 0) {
                end++;
            }
            return memory.readBytes(start, (int) (end - start));
        }
        throw new WasmException("export \"" + function.name() + "\" " + function.type()
                + " cannot return a string: expected (result i32 i32) as (offset, length), (result i64) as"
                + " offset << 32 | length, or (result i32) as the offset of a NUL-terminated string");
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
