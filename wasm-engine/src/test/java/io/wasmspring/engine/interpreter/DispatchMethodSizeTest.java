package io.wasmspring.engine.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * HotSpot does not JIT-compile methods over 8000 bytes of bytecode (HugeMethodLimit); an
 * interpreted dispatch loop would make everything an order of magnitude slower. This reads the
 * compiled class and fails when the dispatch method grows past the limit.
 *
 * <p>The limit is not the only cost of size: C2 stops inlining into a compilation once the root
 * method plus what it has inlined passes 8000 bytes (DesiredMethodLimit), so every byte of the
 * loop is a byte less for the helpers its hot cases call; past that budget they stay real calls,
 * and a call in the loop costs far more than itself (see {@code Interpreter.execute}). VarHandle
 * accesses are inlined anyway but count against the budget, hence the shared memory accesses.
 * Keep hot cases free of helper calls where an intrinsic or plain operators do, and rare cases
 * in {@link RareOps}.
 */
class DispatchMethodSizeTest {

    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void dispatchLoopStaysUnderHugeMethodLimit() throws IOException {
        int size = codeLength(Interpreter.class, "execute");
        assertThat(size).as("bytecode size of Interpreter.execute").isPositive().isLessThan(HUGE_METHOD_LIMIT);
    }

    @Test
    void measuresOtherMethodsToo() throws IOException {
        assertThat(codeLength(NumericOps.class, "i32DivS")).isBetween(10, 100);
        assertThat(codeLength(NumericOps.class, "noSuchMethod")).isEqualTo(-1);
    }

    /** Length of the Code attribute of the (first) method named {@code name}, or -1. */
    static int codeLength(Class<?> type, String name) throws IOException {
        try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            DataInputStream in = new DataInputStream(raw);
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int interfaces = in.readUnsignedShort();
            in.skipNBytes(2L * interfaces);
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort();
                String methodName = utf8[in.readUnsignedShort()];
                in.readUnsignedShort();
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (attribute.equals("Code") && methodName.equals(name)) {
                        in.readUnsignedShort(); // max stack
                        in.readUnsignedShort(); // max locals
                        return in.readInt();
                    }
                    in.skipNBytes(length);
                }
            }
            return -1;
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
    }
}
