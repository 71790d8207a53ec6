package io.wasmspring.engine;

/**
 * A global variable. Numbers are held as raw bits in {@link #value} (i32 in the low 32 bits,
 * floats as their IEEE bits, v128 in {@code value} low and {@code high}); references in {@link #ref}.
 */
public final class Global {

    private final GlobalType type;
    private long value;
    private long high;
    private Object ref;

    public Global(GlobalType type) {
        this.type = type;
    }

    /** A numeric global with the given raw bits. */
    public static Global ofBits(GlobalType type, long bits) {
        Global g = new Global(type);
        g.value = bits;
        return g;
    }

    public GlobalType type() {
        return type;
    }

    /** Raw bits of a numeric global (low 64 bits of a v128). */
    public long bits() {
        return value;
    }

    public void setBits(long bits) {
        this.value = bits;
    }

    /** High 64 bits of a v128 global. */
    public long highBits() {
        return high;
    }

    public void setHighBits(long bits) {
        this.high = bits;
    }

    /** The reference held by a funcref or externref global, or {@code null}. */
    public Object ref() {
        return ref;
    }

    public void setRef(Object ref) {
        this.ref = ref;
    }

    public int getInt() {
        return (int) value;
    }

    public long getLong() {
        return value;
    }

    public float getFloat() {
        return Float.intBitsToFloat((int) value);
    }

    public double getDouble() {
        return Double.longBitsToDouble(value);
    }
}
