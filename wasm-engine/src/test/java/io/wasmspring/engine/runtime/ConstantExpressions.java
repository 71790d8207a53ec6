package io.wasmspring.engine.runtime;

import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.Opcodes;
import java.io.ByteArrayOutputStream;

/** Builds constant expressions as bytes for tests that assemble module structures by hand. */
public final class ConstantExpressions {

    private ConstantExpressions() {
    }

    public static ConstantExpression i32(int value) {
        return expression(out -> {
            out.write(Opcodes.I32_CONST);
            signed(out, value);
        });
    }

    public static ConstantExpression i64(long value) {
        return expression(out -> {
            out.write(Opcodes.I64_CONST);
            signed(out, value);
        });
    }

    public static ConstantExpression f32(float value) {
        return expression(out -> {
            out.write(Opcodes.F32_CONST);
            littleEndian(out, Float.floatToRawIntBits(value), 4);
        });
    }

    public static ConstantExpression f64(double value) {
        return expression(out -> {
            out.write(Opcodes.F64_CONST);
            littleEndian(out, Double.doubleToRawLongBits(value), 8);
        });
    }

    public static ConstantExpression globalGet(int index) {
        return expression(out -> {
            out.write(Opcodes.GLOBAL_GET);
            unsigned(out, index);
        });
    }

    public static ConstantExpression refNull(int typeCode) {
        return expression(out -> {
            out.write(Opcodes.REF_NULL);
            out.write(typeCode);
        });
    }

    /** Any instruction bytes followed by {@code end}. */
    public static ConstantExpression raw(int... bytes) {
        return expression(out -> {
            for (int b : bytes) {
                out.write(b);
            }
        });
    }

    private interface Body {
        void write(ByteArrayOutputStream out);
    }

    private static ConstantExpression expression(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x55); // a leading byte, so that expressions never start at offset 0
        body.write(out);
        out.write(Opcodes.END);
        byte[] bytes = out.toByteArray();
        return new ConstantExpression(bytes, 1, bytes.length);
    }

    private static void signed(ByteArrayOutputStream out, long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }

    private static void unsigned(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
    }

    private static void littleEndian(ByteArrayOutputStream out, long bits, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (bits >>> (8 * i)) & 0xFF);
        }
    }
}
