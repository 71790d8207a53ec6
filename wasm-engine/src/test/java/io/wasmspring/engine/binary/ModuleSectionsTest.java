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

import io.wasmspring.engine.ExternalKind;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The preamble, section framing and order, and the declaration sections (types to start). */
class ModuleSectionsTest {

    private static void assertMalformed(byte[] module, String message) {
        assertThatThrownBy(() -> BinaryDecoder.decode(module))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageStartingWith(message);
    }

    @Nested
    class Preamble {

        @Test
        void emptyModuleDecodesToEmptyStructure() {
            ModuleStructure m = BinaryDecoder.decode(module());
            assertThat(m.types).isEmpty();
            assertThat(m.codes).isEmpty();
            assertThat(m.startFunction).isEqualTo(-1);
            assertThat(m.dataCount).isEqualTo(-1);
        }

        @Test
        void shortInputIsAnUnexpectedEnd() {
            assertMalformed(bytes(), "unexpected end");
            assertMalformed(bytes(0x00, 0x61, 0x73), "unexpected end");
            assertMalformed(bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00), "unexpected end");
        }

        @Test
        void wrongMagicIsRejected() {
            assertMalformed(bytes(0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00), "magic header not detected");
        }

        @Test
        void wrongVersionIsRejectedAtItsOffset() {
            assertThatThrownBy(() -> BinaryDecoder.decode(bytes(0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00)))
                    .isInstanceOf(MalformedModuleException.class)
                    .hasMessageStartingWith("unknown binary version")
                    .satisfies(e -> assertThat(((MalformedModuleException) e).offset()).isEqualTo(4));
        }
    }

    @Nested
    class Framing {

        @Test
        void customSectionsMayAppearAnywhereAndAreKept() {
            ModuleStructure m = BinaryDecoder.decode(module(
                    section(0, name("first"), bytes(1, 2, 3)),
                    voidType(),
                    section(0, name("second")),
                    functions(1),
                    section(10, vec(1, body(0x0B))),
                    section(0, name("last"), bytes(9))));
            assertThat(m.customSections).extracting(c -> c.name()).containsExactly("first", "second", "last");
            assertThat(m.customSections.get(0).payload()).containsExactly(1, 2, 3);
            assertThat(m.customSections.get(1).payload()).isEmpty();
        }

        @Test
        void customSectionNameMustFitInTheSection() {
            // Size 1 holds only the name's length byte; the name itself runs past the section.
            assertMalformed(module(bytes(0x00, 0x01, 0x03, 'a', 'b', 'c')), "unexpected end");
        }

        @Test
        void sectionsMustAppearInOrder() {
            assertMalformed(module(functions(0), voidType()), "unexpected content after last section");
        }

        @Test
        void sectionsMustNotRepeat() {
            assertMalformed(module(voidType(), voidType()), "unexpected content after last section");
        }

        @Test
        void dataCountSectionComesBetweenElementAndCode() {
            byte[] dataCount = section(12, u32(0));
            byte[] code = section(10, vec(0));
            assertThat(BinaryDecoder.decode(module(section(9, vec(0)), dataCount, code)).dataCount).isZero();
            assertMalformed(module(code, dataCount), "unexpected content after last section");
        }

        @Test
        void unknownSectionIdIsRejected() {
            assertMalformed(module(bytes(13, 0)), "malformed section id");
        }

        @Test
        void sectionLongerThanInputIsOutOfBounds() {
            assertMalformed(module(bytes(1, 10, 0)), "length out of bounds");
        }

        @Test
        void contentShorterThanTheSectionSizeIsASizeMismatch() {
            // Type section of size 3 whose vector of one type takes only... 3 bytes plus a stray byte.
            assertMalformed(module(bytes(1, 5, 1, 0x60, 0, 0, 0xFF)), "section size mismatch");
        }

        @Test
        void contentLongerThanTheSectionSizeIsASizeMismatch() {
            assertMalformed(module(bytes(1, 3, 1, 0x60, 0, 0)), "section size mismatch");
        }

        @Test
        void sectionSizeUsesTheLeb128SizeRules() {
            assertMalformed(module(bytes(1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)), "integer representation too long");
            assertMalformed(module(bytes(1, 0x80, 0x80, 0x80, 0x80, 0x70)), "integer too large");
        }
    }

    @Nested
    class TypeSection {

        @Test
        void functionTypesWithEveryValueType() {
            ModuleStructure m = BinaryDecoder.decode(module(section(1, vec(2,
                    bytes(0x60, 4, 0x7F, 0x7E, 0x7D, 0x7C, 3, 0x7B, 0x70, 0x6F),
                    bytes(0x60, 0, 0)))));
            assertThat(m.types).containsExactly(
                    new FunctionType(List.of(ValueType.I32, ValueType.I64, ValueType.F32, ValueType.F64),
                            List.of(ValueType.V128, ValueType.FUNCREF, ValueType.EXTERNREF)),
                    new FunctionType(List.of(), List.of()));
        }

        @Test
        void functionTypeMustStartWith0x60() {
            assertMalformed(module(section(1, vec(1, bytes(0x61, 0, 0)))), "malformed functype");
        }

        @Test
        void unknownValueTypeIsRejected() {
            assertMalformed(module(section(1, vec(1, bytes(0x60, 1, 0x7A, 0)))), "malformed value type");
        }

        @Test
        void missingTypeIsAnUnexpectedEnd() {
            assertMalformed(module(section(1, vec(2, bytes(0x60, 0, 0)))), "unexpected end");
        }
    }

    @Nested
    class ImportSection {

        @Test
        void everyKindOfImport() {
            ModuleStructure m = BinaryDecoder.decode(module(section(2, vec(4,
                    concat(name("env"), name("f"), bytes(0x00, 5)),
                    concat(name("env"), name("t"), bytes(0x01, 0x6F, 0x01, 1, 10)),
                    concat(name("env"), name("m"), bytes(0x02, 0x00, 2)),
                    concat(name("env"), name("g"), bytes(0x03, 0x7E, 0x01))))));
            assertThat(m.imports).containsExactly(
                    new Import("env", "f", ExternalKind.FUNCTION, 5, null),
                    new Import("env", "t", ExternalKind.TABLE, -1, new TableType(ValueType.EXTERNREF, new Limits(1, 10))),
                    new Import("env", "m", ExternalKind.MEMORY, -1, new MemoryType(Limits.of(2))),
                    new Import("env", "g", ExternalKind.GLOBAL, -1, new GlobalType(ValueType.I64, true)));
            assertThat(m.importedFunctionCount()).isEqualTo(1);
        }

        @Test
        void namesAreUtf8() {
            ModuleStructure m = BinaryDecoder.decode(module(section(2, vec(1,
                    concat(name("\u00e9t\u00e9"), name("\uD83D\uDE00"), bytes(0x00, 0))))));
            assertThat(m.imports.get(0).module()).isEqualTo("\u00e9t\u00e9");
            assertThat(m.imports.get(0).name()).isEqualTo("\uD83D\uDE00");
        }

        @Test
        void unknownImportKindIsRejected() {
            assertMalformed(module(section(2, vec(1, concat(name("a"), name("b"), bytes(0x04, 0))))), "malformed import kind");
        }

        @Test
        void nameLongerThanInputIsOutOfBounds() {
            assertMalformed(module(section(2, vec(1, bytes(0x7F)))), "length out of bounds");
        }
    }

    @Nested
    class TablesMemoriesGlobals {

        @Test
        void tableTypesAndLimits() {
            ModuleStructure m = BinaryDecoder.decode(module(section(4, vec(2,
                    bytes(0x70, 0x00, 0),
                    concat(bytes(0x6F, 0x01), u32(1), u32(0xFFFF_FFFFL))))));
            assertThat(m.tables).containsExactly(
                    new TableType(ValueType.FUNCREF, Limits.of(0)),
                    new TableType(ValueType.EXTERNREF, new Limits(1, 0xFFFF_FFFFL)));
        }

        @Test
        void tableElementMustBeAReferenceType() {
            assertMalformed(module(section(4, vec(1, bytes(0x7F, 0x00, 0)))), "malformed reference type");
        }

        @Test
        void memoryLimits() {
            ModuleStructure m = BinaryDecoder.decode(module(section(5, vec(1, bytes(0x01, 1, 2)))));
            assertThat(m.memories).containsExactly(new MemoryType(new Limits(1, 2)));
        }

        @Test
        void limitsFlagsOtherThanZeroOrOneAreRejected() {
            // 0x02/0x03 would be shared memories (threads), not part of 2.0.
            assertMalformed(module(section(5, vec(1, bytes(0x02, 1)))), "integer too large");
            assertMalformed(module(section(5, vec(1, bytes(0x03, 1, 1)))), "integer too large");
            assertMalformed(module(section(5, vec(1, bytes(0x81, 0x00, 1)))), "integer representation too long");
        }

        @Test
        void globalsKeepTheirInitializerRange() {
            byte[] binary = module(section(6, vec(2,
                    bytes(0x7F, 0x00, 0x41, 0x2A, 0x0B),
                    bytes(0x7D, 0x01, 0x43, 0, 0, 0x80, 0x3F, 0x0B))));
            ModuleStructure m = BinaryDecoder.decode(binary);
            assertThat(m.globals).hasSize(2);
            assertThat(m.globals.get(0).type()).isEqualTo(new GlobalType(ValueType.I32, false));
            assertThat(m.globals.get(1).type()).isEqualTo(new GlobalType(ValueType.F32, true));
            var init = m.globals.get(0).init();
            assertThat(init.bytes()).isSameAs(binary);
            assertThat(java.util.Arrays.copyOfRange(binary, init.start(), init.end())).containsExactly(0x41, 0x2A, 0x0B);
        }

        @Test
        void badMutabilityIsRejected() {
            assertMalformed(module(section(6, vec(1, bytes(0x7F, 0x02, 0x41, 0, 0x0B)))), "malformed mutability");
        }

        @Test
        void initializerWithoutEndIsRejected() {
            assertMalformed(module(section(6, vec(1, bytes(0x7F, 0x00, 0x41, 0)))), "unexpected end");
        }

        @Test
        void initializerIsNotValidatedHere() {
            // Not constant and of the wrong type: well formed, so it is the validator's to reject.
            ModuleStructure m = BinaryDecoder.decode(module(section(6, vec(1, bytes(0x7F, 0x00, 0x20, 0, 0x6A, 0x0B)))));
            assertThat(m.globals).hasSize(1);
        }
    }

    @Nested
    class ExportsAndStart {

        @Test
        void exportsOfEveryKind() {
            ModuleStructure m = BinaryDecoder.decode(module(section(7, vec(4,
                    concat(name("f"), bytes(0, 3)), concat(name("t"), bytes(1, 0)),
                    concat(name("m"), bytes(2, 0)), concat(name("g"), bytes(3, 7))))));
            assertThat(m.exports).extracting(e -> e.name() + ":" + e.kind() + ":" + e.index())
                    .containsExactly("f:func:3", "t:table:0", "m:memory:0", "g:global:7");
        }

        @Test
        void unknownExportKindIsRejected() {
            assertMalformed(module(section(7, vec(1, concat(name("x"), bytes(4, 0))))), "malformed export kind");
        }

        @Test
        void startFunction() {
            ModuleStructure m = BinaryDecoder.decode(module(voidType(), functions(1), section(8, u32(0)),
                    section(10, vec(1, body(0x0B)))));
            assertThat(m.startFunction).isZero();
        }

        @Test
        void indicesAreNotCheckedByTheDecoder() {
            ModuleStructure m = BinaryDecoder.decode(module(section(8, u32(99))));
            assertThat(m.startFunction).isEqualTo(99);
        }
    }
}
