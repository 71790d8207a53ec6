package io.wasmspring.engine;

import io.wasmspring.engine.runtime.FunctionInstance;

/**
 * A global variable. Numbers are held as raw bits (i32 in the low 32 bits, floats as their IEEE
 * bits, v128 in the low and {@link #highBits() high} halves); references as objects.
 *
 * <p>The public setters and typed getters check the global's type, and the setters its
 * mutability, as the wasm code that uses the global would see them. The {@code ...Unchecked}
 * setters are for the engine, which writes only what validation has already proved legal
 * (initial values and {@code global.set}), and must stay cheap.
 */
public final class Global {

    private final GlobalType type;
    /** Read and written directly by the interpreter (a VarHandle in {@code Interpreter}): keep the name. */
    private long value;
    private long high;
    private Object ref;

    public Global(GlobalType type) {
        this.type = type;
    }

    /** A numeric global with the given raw bits (the low half of a v128); a reference global starts null. */
    public static Global ofBits(GlobalType type, long bits) {
        Global g = new Global(type);
        g.value = bits;
        return g;
    }

    /** A reference global holding {@code ref}: {@code null}, a function for funcref, any object for externref. */
    public static Global ofRef(GlobalType type, Object ref) {
        if (!type.valueType().isReference()) {
            throw new WasmException("a " + type.valueType() + " global holds a number, not a reference; use ofBits");
        }
        Global g = new Global(type);
        g.ref = referenceFor(type.valueType(), ref);
        return g;
    }

    public GlobalType type() {
        return type;
    }

    /** Raw bits of a numeric global (low 64 bits of a v128). */
    public long bits() {
        return value;
    }

    /**
     * Sets the raw bits of a mutable numeric global (the low 64 bits of a v128).
     *
     * @throws WasmException when the global is immutable or holds a reference
     */
    public void setBits(long bits) {
        checkWritable();
        if (type.valueType().isReference()) {
            throw new WasmException("cannot set bits of a " + type + " global; use setRef");
        }
        this.value = bits;
    }

    /** High 64 bits of a v128 global. */
    public long highBits() {
        return high;
    }

    /**
     * Sets the high 64 bits of a mutable v128 global.
     *
     * @throws WasmException when the global is immutable or not a v128
     */
    public void setHighBits(long bits) {
        checkWritable();
        checkType(ValueType.V128);
        this.high = bits;
    }

    /**
     * The reference held by a funcref or externref global, or {@code null}. A function
     * reference is the engine's function object; a {@code null} for numeric globals.
     */
    public Object ref() {
        return ref;
    }

    /**
     * Sets a mutable reference global: {@code null} or a function ({@link ExportedFunction}) for
     * funcref, any object for externref.
     *
     * @throws WasmException when the global is immutable, numeric, or {@code ref} is not a function for funcref
     */
    public void setRef(Object ref) {
        checkWritable();
        if (!type.valueType().isReference()) {
            throw new WasmException("cannot set a reference into a " + type + " global; use setBits");
        }
        this.ref = referenceFor(type.valueType(), ref);
    }

    /** For the engine: sets the bits with no check (validation has proved the write legal). */
    public void setBitsUnchecked(long bits) {
        this.value = bits;
    }

    /** For the engine: sets the high v128 bits with no check. */
    public void setHighBitsUnchecked(long bits) {
        this.high = bits;
    }

    /** For the engine: sets the reference, an engine function object or a host object, with no check. */
    public void setRefUnchecked(Object ref) {
        this.ref = ref;
    }

    /** The value of an i32 global. */
    public int getInt() {
        checkType(ValueType.I32);
        return (int) value;
    }

    /** The value of an i64 global. */
    public long getLong() {
        checkType(ValueType.I64);
        return value;
    }

    /** The value of an f32 global. */
    public float getFloat() {
        checkType(ValueType.F32);
        return Float.intBitsToFloat((int) value);
    }

    /** The value of an f64 global. */
    public double getDouble() {
        checkType(ValueType.F64);
        return Double.longBitsToDouble(value);
    }

    private void checkWritable() {
        if (!type.mutable()) {
            throw new WasmException("global " + type + " is immutable");
        }
    }

    private void checkType(ValueType expected) {
        if (type.valueType() != expected) {
            throw new WasmException("global " + type + " is not of type " + expected);
        }
    }

    /** What a global of {@code valueType} stores for {@code ref}: a function handle unwrapped for funcref. */
    private static Object referenceFor(ValueType valueType, Object ref) {
        if (valueType != ValueType.FUNCREF || ref == null || ref instanceof FunctionInstance) {
            return ref;
        }
        if (ref instanceof ExportedFunction function) {
            return function.functionInstance();
        }
        throw new WasmException("a funcref global holds a function (an ExportedFunction) or null, not "
                + ref.getClass().getName() + " " + ref);
    }
}
