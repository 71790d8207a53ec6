package io.wasmspring.engine.host;

import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import java.lang.invoke.MethodHandle;

/**
 * The conversions a typed host function's method handle is assembled from: raw slots to Java
 * parameters and Java results back to raw slots. Each is a small static method so that the
 * adapted handle converts without boxing.
 */
final class RawValues {

    static final long[] NO_VALUES = new long[0];
    private static final long U32 = 0xFFFF_FFFFL;

    private RawValues() {
    }

    // ---- raw slot -> Java parameter ----

    static int i32(long[] args, int slot) {
        return (int) args[slot];
    }

    static long i64(long[] args, int slot) {
        return args[slot];
    }

    static float f32(long[] args, int slot) {
        return Float.intBitsToFloat((int) args[slot]);
    }

    static double f64(long[] args, int slot) {
        return Double.longBitsToDouble(args[slot]);
    }

    /** An i32 read as a C-style boolean: anything but 0 is true. */
    static boolean bool(long[] args, int slot) {
        return (int) args[slot] != 0;
    }

    /** The UTF-8 string at the unsigned {@code (offset, length)} pair in slots {@code slot}, {@code slot + 1}. */
    static String string(Instance caller, long[] args, int slot, String what) {
        Memory memory = memoryOf(caller, what);
        long offset = args[slot] & U32;
        long length = args[slot + 1] & U32;
        try {
            return memory.readString(offset, length);
        } catch (Trap outOfBounds) {
            throw outside(what, offset, length, memory);
        }
    }

    /** A copy of the bytes at the unsigned {@code (offset, length)} pair in slots {@code slot}, {@code slot + 1}. */
    static byte[] bytes(Instance caller, long[] args, int slot, String what) {
        Memory memory = memoryOf(caller, what);
        long offset = args[slot] & U32;
        long length = args[slot + 1] & U32;
        if (length > Integer.MAX_VALUE) {
            throw outside(what, offset, length, memory);
        }
        try {
            return memory.readBytes(offset, (int) length);
        } catch (Trap outOfBounds) {
            throw outside(what, offset, length, memory);
        }
    }

    static Memory memory(Instance caller, long[] args, String what) {
        return memoryOf(caller, what);
    }

    static Instance instance(Instance caller, long[] args, String what) {
        if (caller == null) {
            throw noCaller(what);
        }
        return caller;
    }

    private static Memory memoryOf(Instance caller, String what) {
        if (caller == null) {
            throw noCaller(what);
        }
        Memory memory = caller.memory();
        if (memory == null) {
            throw new WasmException(what + " needs the caller's memory, but the calling instance has no memory");
        }
        return memory;
    }

    private static WasmException noCaller(String what) {
        return new WasmException(what + " needs the calling instance, but the function was called without one");
    }

    private static Trap outside(String what, long offset, long length, Memory memory) {
        return new Trap(Trap.OUT_OF_BOUNDS_MEMORY + ": " + what + " is " + length + " bytes at offset " + offset
                + ", outside the caller's memory of " + memory.size() + " bytes");
    }

    // ---- Java result -> raw slots ----

    static long[] ofI32(int value) {
        return new long[] {value & U32};
    }

    static long[] ofI64(long value) {
        return new long[] {value};
    }

    static long[] ofF32(float value) {
        return new long[] {Float.floatToRawIntBits(value) & U32};
    }

    static long[] ofF64(double value) {
        return new long[] {Double.doubleToRawLongBits(value)};
    }

    static long[] ofBool(boolean value) {
        return new long[] {value ? 1 : 0};
    }

    static long[] ofBoxedI32(Integer value, String what) {
        return ofI32(notNull(value, what));
    }

    static long[] ofBoxedI64(Long value, String what) {
        return ofI64(notNull(value, what));
    }

    static long[] ofBoxedF32(Float value, String what) {
        return ofF32(notNull(value, what));
    }

    static long[] ofBoxedF64(Double value, String what) {
        return ofF64(notNull(value, what));
    }

    static long[] ofBoxedBool(Boolean value, String what) {
        return ofBool(notNull(value, what));
    }

    /** One slot per record component, each read by a getter of type {@code (Object)long}. */
    static long[] ofRecord(Object record, MethodHandle[] slotGetters, String what) throws Throwable {
        if (record == null) {
            throw new WasmException(what + " returned null instead of its results");
        }
        long[] out = new long[slotGetters.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) slotGetters[i].invokeExact(record);
        }
        return out;
    }

    // ---- one record component -> one raw slot ----

    static long slotI32(int value) {
        return value & U32;
    }

    static long slotI64(long value) {
        return value;
    }

    static long slotF32(float value) {
        return Float.floatToRawIntBits(value) & U32;
    }

    static long slotF64(double value) {
        return Double.doubleToRawLongBits(value);
    }

    static long slotBool(boolean value) {
        return value ? 1 : 0;
    }

    private static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new WasmException(what + " returned null where a wasm value is expected");
        }
        return value;
    }
}
