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
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.CodeReader;
import io.wasmspring.engine.structure.FunctionBody;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;

/** The code section: locals, body sizes, and agreement with the function section. */
class CodeSectionTest {

    private static void assertMalformed(byte[] module, String message) {
        assertThatThrownBy(() -> BinaryDecoder.decode(module))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageStartingWith(message);
    }

    /** A module with one function whose code entry (size included) is {@code entry}. */
    private static byte[] withEntry(byte[] entry) {
        return module(voidType(), functions(1), section(10, vec(1, entry)));
    }

    private static byte[] entry(byte[] content) {
        return concat(u32(content.length), content);
    }

    @Test
    void localsAreExpandedFromTheirRuns() {
        ModuleStructure m = BinaryDecoder.decode(withEntry(entry(bytes(3, 2, 0x7F, 0, 0x7E, 1, 0x7B, 0x0B))));
        FunctionBody body = m.codes.get(0);
        assertThat(body.locals()).containsExactly(ValueType.I32, ValueType.I32, ValueType.V128);
    }

    @Test
    void bodyRangeCoversTheInstructionsThroughTheFinalEnd() {
        ModuleStructure m = BinaryDecoder.decode(withEntry(entry(bytes(1, 1, 0x7F, 0x20, 0, 0x1A, 0x0B))));
        FunctionBody body = m.codes.get(0);
        CodeReader reader = body.reader();
        assertThat(reader.readOpcode()).isEqualTo(Opcodes.LOCAL_GET);
        assertThat(reader.readU32()).isZero();
        assertThat(reader.readOpcode()).isEqualTo(Opcodes.DROP);
        assertThat(reader.readOpcode()).isEqualTo(Opcodes.END);
        assertThat(reader.atEnd()).isTrue();
    }

    @Test
    void moreThanU32LocalsIsTooMany() {
        assertMalformed(withEntry(entry(bytes(2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x02, 0x7E, 0x0B))), "too many locals");
    }

    @Test
    void localsBeyondTheEngineLimitAreRejectedWithoutAllocating() {
        assertMalformed(withEntry(entry(concat(bytes(1), u32(CodeSection.MAX_LOCALS + 1L), bytes(0x7F, 0x0B)))),
                "too many locals");
        ModuleStructure m = BinaryDecoder.decode(withEntry(entry(concat(bytes(1), u32(CodeSection.MAX_LOCALS), bytes(0x7F, 0x0B)))));
        assertThat(m.codes.get(0).locals()).hasSize(CodeSection.MAX_LOCALS);
    }

    @Test
    void localsOfAllFunctionsTogetherAreLimited() {
        byte[] entry = entry(concat(bytes(1), u32(600), bytes(0x7F, 0x0B)));
        byte[] binary = module(voidType(), functions(3), section(10, vec(3, entry, entry, entry)));
        assertThat(BinaryDecoder.decode(binary, 1800).codes).hasSize(3);
        assertThatThrownBy(() -> BinaryDecoder.decode(binary, 1799))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageStartingWith("too many locals");
    }

    @Test
    void localTypeMustBeAValueType() {
        assertMalformed(withEntry(entry(bytes(1, 1, 0x40, 0x0B))), "malformed value type");
    }

    @Test
    void functionAndCodeCountsMustAgree() {
        assertMalformed(module(voidType(), functions(2), section(10, vec(1, body(0x0B)))),
                "function and code section have inconsistent lengths");
        assertMalformed(module(voidType(), functions(1)), "function and code section have inconsistent lengths");
        assertMalformed(module(section(10, vec(1, body(0x0B)))), "function and code section have inconsistent lengths");
    }

    @Test
    void bodyEndingBeforeItsSizeIsASizeMismatch() {
        // Size 4 but the final end comes after 2 bytes: the rest are trailing bytes.
        assertMalformed(withEntry(entry(bytes(0, 0x0B, 0x01, 0x01))), "section size mismatch");
    }

    @Test
    void bodyRunningPastItsSizeIsASizeMismatch() {
        byte[] code = concat(bytes(1), bytes(3, 0, 0x01, 0x01), bytes(0x0B));
        assertMalformed(module(voidType(), functions(1), section(10, code)), "section size mismatch");
    }

    @Test
    void bodyWithoutFinalEndIsAnUnexpectedEnd() {
        assertMalformed(withEntry(entry(bytes(0, 0x41, 0x01, 0x1A))), "unexpected end");
    }

    @Test
    void bodySizeBeyondTheInputIsOutOfBounds() {
        assertMalformed(module(voidType(), functions(1), section(10, vec(1, bytes(0x7F, 0, 0x0B)))), "length out of bounds");
    }
}
