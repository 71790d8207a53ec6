package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.Wasm.body;
import static io.wasmspring.engine.binary.Wasm.bytes;
import static io.wasmspring.engine.binary.Wasm.concat;
import static io.wasmspring.engine.binary.Wasm.functions;
import static io.wasmspring.engine.binary.Wasm.module;
import static io.wasmspring.engine.binary.Wasm.name;
import static io.wasmspring.engine.binary.Wasm.section;
import static io.wasmspring.engine.binary.Wasm.u32;
import static io.wasmspring.engine.binary.Wasm.vec;
import static io.wasmspring.engine.binary.Wasm.voidType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.NameSection;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** UTF-8 names and the {@code name} custom section. */
class NamesTest {

    private static byte[] subsection(int id, byte[]... content) {
        return section(id, content);
    }

    private static byte[] withNameSection(byte[] payload) {
        return module(voidType(), functions(2), section(10, vec(2, body(0x0B), body(0x0B))),
                section(0, name("name"), payload));
    }

    @Test
    void moduleFunctionAndLocalNames() {
        byte[] payload = concat(
                subsection(0, name("mod")),
                subsection(1, vec(2, concat(u32(0), name("first")), concat(u32(1), name("second")))),
                subsection(2, vec(1, concat(u32(1), vec(2, concat(u32(0), name("x")), concat(u32(3), name("y")))))),
                subsection(7, bytes(1, 2, 3)));
        ModuleStructure m = BinaryDecoder.decode(withNameSection(payload));
        assertThat(m.names.moduleName()).isEqualTo("mod");
        assertThat(m.names.functionNames()).isEqualTo(Map.of(0, "first", 1, "second"));
        assertThat(m.names.localNames()).isEqualTo(Map.of(1, Map.of(0, "x", 3, "y")));
        assertThat(m.functionName(1)).isEqualTo("second");
        assertThat(m.customSections).extracting(c -> c.name()).containsExactly("name");
    }

    @Test
    void brokenNameSectionIsIgnoredButKept() {
        byte[] payload = concat(subsection(1, vec(3, concat(u32(0), name("only one")))));
        ModuleStructure m = BinaryDecoder.decode(withNameSection(payload));
        assertThat(m.names).isSameAs(NameSection.EMPTY);
        assertThat(m.customSections).hasSize(1);
    }

    @Test
    void nameSectionWithBadUtf8IsIgnored() {
        byte[] payload = subsection(0, bytes(2, 0xC0, 0x80));
        assertThat(BinaryDecoder.decode(withNameSection(payload)).names).isSameAs(NameSection.EMPTY);
    }

    @Test
    void nameSubsectionSizeMustMatch() {
        byte[] payload = concat(bytes(0, 5), name("ab"), bytes(0, 0));
        assertThat(BinaryDecoder.decode(withNameSection(payload)).names).isSameAs(NameSection.EMPTY);
    }

    @Test
    void validMultiByteNames() {
        String text = "\u0080\u07FF\u0800\uFFFF\uD800\uDC00\uDBFF\uDFFF";
        ModuleStructure m = BinaryDecoder.decode(module(section(0, name(text))));
        assertThat(m.customSections.get(0).name()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "80", "BF", "C0 80", "C1 BF", "C2", "C2 41", "E0 80 80", "E0 9F BF", "ED A0 80", "ED BF BF",
            "F0 80 80 80", "F0 8F BF BF", "F4 90 80 80", "F5 80 80 80", "FE", "FF", "E1 80", "F1 80 80"})
    void malformedUtf8IsRejected(String hex) {
        String[] parts = hex.split(" ");
        byte[] raw = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            raw[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        byte[] module = module(section(0, u32(raw.length), raw));
        assertThatThrownBy(() -> BinaryDecoder.decode(module))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageStartingWith("malformed UTF-8 encoding");
    }
}
