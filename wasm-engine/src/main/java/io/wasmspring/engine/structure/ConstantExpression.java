package io.wasmspring.engine.structure;

/**
 * A constant expression (global initializer, segment offset, element item), kept as the byte range
 * {@code [start, end)} of {@code bytes}, including its final {@code end} opcode (0x0B).
 */
public record ConstantExpression(byte[] bytes, int start, int end) {

    /** The expression {@code ref.func index}, for element segments written as function indices. */
    public static ConstantExpression refFunc(int index) {
        byte[] code = new byte[7];
        int n = 0;
        code[n++] = (byte) Opcodes.REF_FUNC;
        int v = index;
        do {
            int b = v & 0x7F;
            v >>>= 7;
            code[n++] = (byte) (v == 0 ? b : b | 0x80);
        } while (v != 0);
        code[n++] = (byte) Opcodes.END;
        return new ConstantExpression(code, 0, n);
    }

    /** A reader positioned at the expression's first instruction. */
    public CodeReader reader() {
        return new CodeReader(bytes, start, end);
    }
}
