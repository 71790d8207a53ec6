package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.Wasm.body;
import static io.wasmspring.engine.binary.Wasm.bytes;
import static io.wasmspring.engine.binary.Wasm.concat;
import static io.wasmspring.engine.binary.Wasm.functions;
import static io.wasmspring.engine.binary.Wasm.module;
import static io.wasmspring.engine.binary.Wasm.section;
import static io.wasmspring.engine.binary.Wasm.u32;
import static io.wasmspring.engine.binary.Wasm.vec;
import static io.wasmspring.engine.binary.Wasm.voidType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.structure.ModuleStructure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lengths and counts that claim more than the input holds must fail fast without allocating for them. */
class HostileInputTest {

    private static final byte[] HUGE = u32(0xFFFF_FFFFL);

    private static void assertMalformed(byte[] module) {
        assertThatThrownBy(() -> BinaryDecoder.decode(module)).isInstanceOf(MalformedModuleException.class);
    }

    @Test
    void hugeCountsAndLengthsEverywhere() {
        List<byte[]> modules = List.of(
                module(concat(bytes(1), HUGE)),                                    // section size
                module(section(1, HUGE)),                                          // type count
                module(section(1, vec(1, concat(bytes(0x60), HUGE)))),             // parameter count
                module(section(2, vec(1, HUGE))),                                  // name length
                module(section(3, HUGE)),                                          // function count
                module(section(9, vec(1, concat(bytes(0x01, 0x00), HUGE)))),       // element item count
                module(section(11, vec(1, concat(bytes(0x01), HUGE)))),            // data length
                module(voidType(), functions(1), section(10, vec(1, HUGE))),       // body size
                module(voidType(), functions(1), section(10, vec(1, concat(u32(7), bytes(1), HUGE, bytes(0x7F, 0x0B))))),
                module(voidType(), functions(1), section(10, vec(1, concat(u32(6), HUGE, bytes(0x0B))))), // local runs
                module(section(0, HUGE)));                                          // custom name length
        for (byte[] m : modules) {
            assertMalformed(m);
        }
    }

    @Test
    void manyEmptyFunctionsDecodeQuickly() {
        int n = 200_000;
        byte[][] bodies = new byte[n][];
        for (int i = 0; i < n; i++) {
            bodies[i] = body(0x0B);
        }
        byte[] binary = module(voidType(), functions(n), section(10, vec(n, bodies)));
        long start = System.nanoTime();
        ModuleStructure m = BinaryDecoder.decode(binary);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(m.codes).hasSize(n);
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void largeBodyDecodesInLinearTime() {
        // One function of about 3 MB of i32.const/drop pairs.
        int pairs = 1_000_000;
        byte[] code = new byte[pairs * 3 + 1];
        for (int i = 0; i < pairs; i++) {
            code[3 * i] = 0x41;
            code[3 * i + 1] = 0x05;
            code[3 * i + 2] = 0x1A;
        }
        code[code.length - 1] = 0x0B;
        byte[] content = concat(bytes(0), code);
        byte[] binary = module(voidType(), functions(1), section(10, vec(1, concat(u32(content.length), content))));
        long start = System.nanoTime();
        ModuleStructure m = BinaryDecoder.decode(binary);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(m.codes.get(0).codeEnd() - m.codes.get(0).codeStart()).isEqualTo(code.length);
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void errorOffsetPointsAtTheOffendingByte() {
        byte[] binary = module(voidType(), functions(1), section(10, vec(1, body(0x01, 0x06, 0x0B))));
        int expected = binary.length - 2; // the 0x06 before the final end
        assertThatThrownBy(() -> BinaryDecoder.decode(binary))
                .isInstanceOfSatisfying(MalformedModuleException.class, e -> assertThat(e.offset()).isEqualTo(expected))
                .hasMessageContaining("illegal opcode 06");
    }
}
