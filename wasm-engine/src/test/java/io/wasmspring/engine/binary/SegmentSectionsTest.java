package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.Wasm.body;
import static io.wasmspring.engine.binary.Wasm.bytes;
import static io.wasmspring.engine.binary.Wasm.functions;
import static io.wasmspring.engine.binary.Wasm.module;
import static io.wasmspring.engine.binary.Wasm.section;
import static io.wasmspring.engine.binary.Wasm.u32;
import static io.wasmspring.engine.binary.Wasm.vec;
import static io.wasmspring.engine.binary.Wasm.voidType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.DataSegment;
import io.wasmspring.engine.structure.ElementSegment;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.SegmentMode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Element segments (all eight encodings), data segments and the data count section. */
class SegmentSectionsTest {

    private static final int[] OFFSET = {0x41, 0x05, 0x0B}; // i32.const 5; end

    private static void assertMalformed(byte[] module, String message) {
        assertThatThrownBy(() -> BinaryDecoder.decode(module))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageStartingWith(message);
    }

    private static ElementSegment element(int... encoding) {
        return BinaryDecoder.decode(module(section(9, vec(1, bytes(encoding))))).elements.get(0);
    }

    private static int[] code(ConstantExpression e) {
        byte[] b = Arrays.copyOfRange(e.bytes(), e.start(), e.end());
        int[] result = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            result[i] = b[i] & 0xFF;
        }
        return result;
    }

    @Test
    void flags0ActiveTableZeroWithFunctionIndices() {
        ElementSegment e = element(0x00, 0x41, 0x05, 0x0B, 2, 3, 0x80, 0x01);
        assertThat(e.mode()).isEqualTo(SegmentMode.ACTIVE);
        assertThat(e.tableIndex()).isZero();
        assertThat(e.type()).isEqualTo(ValueType.FUNCREF);
        assertThat(code(e.offset())).containsExactly(OFFSET);
        assertThat(e.items()).hasSize(2);
        assertThat(code(e.items().get(0))).containsExactly(0xD2, 3, 0x0B);
        assertThat(code(e.items().get(1))).containsExactly(0xD2, 0x80, 0x01, 0x0B);
    }

    @Test
    void flags1PassiveWithElementKind() {
        ElementSegment e = element(0x01, 0x00, 1, 7);
        assertThat(e.mode()).isEqualTo(SegmentMode.PASSIVE);
        assertThat(e.offset()).isNull();
        assertThat(code(e.items().get(0))).containsExactly(0xD2, 7, 0x0B);
    }

    @Test
    void flags2ActiveWithExplicitTable() {
        ElementSegment e = element(0x02, 3, 0x41, 0x05, 0x0B, 0x00, 0);
        assertThat(e.mode()).isEqualTo(SegmentMode.ACTIVE);
        assertThat(e.tableIndex()).isEqualTo(3);
        assertThat(e.items()).isEmpty();
    }

    @Test
    void flags3Declarative() {
        ElementSegment e = element(0x03, 0x00, 1, 0);
        assertThat(e.mode()).isEqualTo(SegmentMode.DECLARATIVE);
        assertThat(e.items()).hasSize(1);
    }

    @Test
    void flags4ActiveWithExpressions() {
        ElementSegment e = element(0x04, 0x41, 0x05, 0x0B, 2, 0xD2, 1, 0x0B, 0xD0, 0x70, 0x0B);
        assertThat(e.mode()).isEqualTo(SegmentMode.ACTIVE);
        assertThat(e.type()).isEqualTo(ValueType.FUNCREF);
        assertThat(code(e.items().get(1))).containsExactly(0xD0, 0x70, 0x0B);
    }

    @Test
    void flags5PassiveWithReferenceType() {
        ElementSegment e = element(0x05, 0x6F, 1, 0xD0, 0x6F, 0x0B);
        assertThat(e.mode()).isEqualTo(SegmentMode.PASSIVE);
        assertThat(e.type()).isEqualTo(ValueType.EXTERNREF);
    }

    @Test
    void flags6ActiveWithTableAndExpressions() {
        ElementSegment e = element(0x06, 1, 0x41, 0x05, 0x0B, 0x70, 1, 0xD2, 0, 0x0B);
        assertThat(e.tableIndex()).isEqualTo(1);
        assertThat(e.type()).isEqualTo(ValueType.FUNCREF);
        assertThat(e.items()).hasSize(1);
    }

    @Test
    void flags7DeclarativeWithExpressions() {
        ElementSegment e = element(0x07, 0x70, 1, 0xD2, 0, 0x0B);
        assertThat(e.mode()).isEqualTo(SegmentMode.DECLARATIVE);
    }

    @Test
    void malformedElementEncodings() {
        assertMalformed(module(section(9, vec(1, bytes(0x08)))), "malformed elements segment kind");
        assertMalformed(module(section(9, vec(1, bytes(0x01, 0x01, 0)))), "malformed element kind");
        assertMalformed(module(section(9, vec(1, bytes(0x05, 0x7F, 0)))), "malformed reference type");
        assertMalformed(module(section(9, vec(1, bytes(0x05, 0x70, 1, 0xF3, 0x0B)))), "illegal opcode");
    }

    @Test
    void dataSegmentsOfEveryForm() {
        ModuleStructure m = BinaryDecoder.decode(module(section(11, vec(3,
                bytes(0x00, 0x41, 0x05, 0x0B, 2, 'h', 'i'),
                bytes(0x01, 1, 'x'),
                bytes(0x02, 1, 0x41, 0x05, 0x0B, 0)))));
        DataSegment active = m.datas.get(0);
        assertThat(active.mode()).isEqualTo(SegmentMode.ACTIVE);
        assertThat(active.memoryIndex()).isZero();
        assertThat(code(active.offset())).containsExactly(OFFSET);
        assertThat(active.data()).containsExactly('h', 'i');
        assertThat(m.datas.get(1).mode()).isEqualTo(SegmentMode.PASSIVE);
        assertThat(m.datas.get(1).offset()).isNull();
        assertThat(m.datas.get(2).memoryIndex()).isEqualTo(1);
        assertThat(m.datas.get(2).data()).isEmpty();
    }

    @Test
    void malformedDataSegments() {
        assertMalformed(module(section(11, vec(1, bytes(0x03)))), "malformed data segment kind");
        assertMalformed(module(section(11, vec(1, bytes(0x01, 5, 'a')))), "unexpected end");
    }

    @Test
    void dataCountMatchingTheDataSection() {
        ModuleStructure m = BinaryDecoder.decode(module(section(12, u32(1)), section(11, vec(1, bytes(0x01, 0)))));
        assertThat(m.dataCount).isEqualTo(1);
        assertThat(m.datas).hasSize(1);
    }

    @Test
    void dataCountDisagreeingWithTheDataSection() {
        assertMalformed(module(section(12, u32(2)), section(11, vec(1, bytes(0x01, 0)))),
                "data count and data section have inconsistent lengths");
        assertMalformed(module(section(12, u32(1))), "data count and data section have inconsistent lengths");
        assertMalformed(module(section(12, u32(0xFFFF_FFFFL))), "data count and data section have inconsistent lengths");
    }

    @Test
    void memoryInitAndDataDropNeedTheDataCountSection() {
        byte[] memoryInit = body(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0, 0x00, 0x0B);
        byte[] dataDrop = body(0xFC, 0x09, 0, 0x0B);
        assertMalformed(module(voidType(), functions(1), section(10, vec(1, memoryInit))), "data count section required");
        assertMalformed(module(voidType(), functions(1), section(10, vec(1, dataDrop))), "data count section required");
        ModuleStructure m = BinaryDecoder.decode(module(voidType(), functions(1), section(12, u32(0)),
                section(10, vec(1, dataDrop))));
        assertThat(m.codes).hasSize(1);
    }
}
