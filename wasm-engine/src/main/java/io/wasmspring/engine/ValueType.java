package io.wasmspring.engine;

/** The value types of WebAssembly 2.0, with their binary encodings. */
public enum ValueType {
    I32(0x7F, "i32"),
    I64(0x7E, "i64"),
    F32(0x7D, "f32"),
    F64(0x7C, "f64"),
    V128(0x7B, "v128"),
    FUNCREF(0x70, "funcref"),
    EXTERNREF(0x6F, "externref");

    private final int code;
    private final String text;

    ValueType(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The byte that encodes this type in the binary format. */
    public int code() {
        return code;
    }

    /** True for {@code funcref} and {@code externref}. */
    public boolean isReference() {
        return this == FUNCREF || this == EXTERNREF;
    }

    /** Number of {@code long} slots a value of this type takes on the interpreter's stack. */
    public int slots() {
        return this == V128 ? 2 : 1;
    }

    /** The type encoded by {@code code}, or {@code null} when the byte is not a value type. */
    public static ValueType fromCode(int code) {
        switch (code) {
            case 0x7F: return I32;
            case 0x7E: return I64;
            case 0x7D: return F32;
            case 0x7C: return F64;
            case 0x7B: return V128;
            case 0x70: return FUNCREF;
            case 0x6F: return EXTERNREF;
            default: return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
