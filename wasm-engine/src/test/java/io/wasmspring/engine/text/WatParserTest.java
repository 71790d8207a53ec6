package io.wasmspring.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.MalformedModuleException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class WatParserTest {

    private static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] module(int... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PREAMBLE);
        out.writeBytes(bytes(sections));
        return out.toByteArray();
    }

    /** The contents of section {@code id} (sizes in these small tests fit one LEB byte). */
    private static byte[] section(byte[] module, int id) {
        int pos = 8;
        while (pos < module.length) {
            int sectionId = module[pos];
            int size = module[pos + 1] & 0xFF;
            if (sectionId == id) {
                byte[] content = new byte[size];
                System.arraycopy(module, pos + 2, content, 0, size);
                return content;
            }
            pos += 2 + size;
        }
        return null;
    }

    /** The module without its custom sections (the name section), for whole-module comparisons. */
    private static byte[] withoutCustomSections(byte[] module) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(module, 0, 8);
        int pos = 8;
        while (pos < module.length) {
            int size = module[pos + 1] & 0xFF;
            if (module[pos] != 0) {
                out.write(module, pos, 2 + size);
            }
            pos += 2 + size;
        }
        return out.toByteArray();
    }

    /** The body of function 0 of the code section, after the local declarations count 0. */
    private static byte[] code(String wat) {
        byte[] code = section(WatParser.parseModule(wat), 10);
        byte[] body = new byte[code[1] - 1];
        System.arraycopy(code, 3, body, 0, body.length);
        return body;
    }

    @Test
    void emptyModule() {
        assertThat(WatParser.parseModule("(module)")).isEqualTo(PREAMBLE);
        assertThat(withoutCustomSections(WatParser.parseModule("(module $m)"))).isEqualTo(PREAMBLE);
        assertThat(WatParser.parseModule("")).isEqualTo(PREAMBLE);
    }

    @Test
    void exportedAddFunction() {
        byte[] expected = module(
                0x01, 0x07, 0x01, 0x60, 0x02, 0x7F, 0x7F, 0x01, 0x7F,
                0x03, 0x02, 0x01, 0x00,
                0x07, 0x07, 0x01, 0x03, 'a', 'd', 'd', 0x00, 0x00,
                0x0A, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6A, 0x0B);
        assertThat(withoutCustomSections(WatParser.parseModule("(module (func (export \"add\") (param $a i32) (param $b i32)"
                + " (result i32) local.get $a local.get $b i32.add))"))).isEqualTo(expected);
        assertThat(withoutCustomSections(WatParser.parseModule("(func $add (param i32 i32) (result i32)"
                + " (i32.add (local.get 0) (local.get 1))) (export \"add\" (func $add))"))).isEqualTo(expected);
        assertThat(WatParser.parseModule("(func (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))"
                + " (export \"add\" (func 0))")).isEqualTo(expected);
    }

    @Test
    void inlineImportOfAFunction() {
        assertThat(withoutCustomSections(WatParser.parseModule("(module (func $log (import \"env\" \"log\") (param i32)))"))).isEqualTo(module(
                0x01, 0x05, 0x01, 0x60, 0x01, 0x7F, 0x00,
                0x02, 0x0B, 0x01, 0x03, 'e', 'n', 'v', 0x03, 'l', 'o', 'g', 0x00, 0x00));
    }

    @Test
    void importsOfEveryKind() {
        byte[] imports = section(WatParser.parseModule("(import \"m\" \"t\" (table 1 2 funcref))"
                + "(import \"m\" \"g\" (global (mut i64)))(memory (import \"m\" \"mem\") 1)"), 2);
        assertThat(imports).isEqualTo(bytes(0x03,
                0x01, 'm', 0x01, 't', 0x01, 0x70, 0x01, 0x01, 0x02,
                0x01, 'm', 0x01, 'g', 0x03, 0x7E, 0x01,
                0x01, 'm', 0x03, 'm', 'e', 'm', 0x02, 0x00, 0x01));
    }

    @Test
    void implicitTypeUsesReuseExistingTypesOrAppendNewOnes() {
        byte[] wasm = WatParser.parseModule("(type $t (func (param i32))) (func (param i32)) (func (result i64))"
                + " (func (type $t))");
        assertThat(section(wasm, 1)).isEqualTo(bytes(0x02, 0x60, 0x01, 0x7F, 0x00, 0x60, 0x00, 0x01, 0x7E));
        assertThat(section(wasm, 3)).isEqualTo(bytes(0x03, 0x00, 0x01, 0x00));
    }

    @Test
    void localsAreGroupedByType() {
        byte[] code = section(WatParser.parseModule("(func (local $x i32) (local i32 i64) (local f32))"), 10);
        assertThat(code).isEqualTo(bytes(0x01, 0x08, 0x03, 0x02, 0x7F, 0x01, 0x7E, 0x01, 0x7D, 0x0B));
    }

    @Test
    void memoryWithInlineData() {
        byte[] wasm = WatParser.parseModule("(memory (export \"m\") (data \"h\" \"i\"))");
        assertThat(section(wasm, 5)).isEqualTo(bytes(0x01, 0x01, 0x01, 0x01));
        assertThat(section(wasm, 12)).isEqualTo(bytes(0x01));
        assertThat(section(wasm, 11)).isEqualTo(bytes(0x01, 0x00, 0x41, 0x00, 0x0B, 0x02, 'h', 'i'));
        assertThat(section(wasm, 7)).isEqualTo(bytes(0x01, 0x01, 'm', 0x02, 0x00));
    }

    @Test
    void tableWithInlineElements() {
        byte[] wasm = WatParser.parseModule("(table funcref (elem $f $f)) (func $f)");
        assertThat(section(wasm, 4)).isEqualTo(bytes(0x01, 0x70, 0x01, 0x02, 0x02));
        assertThat(section(wasm, 9)).isEqualTo(bytes(0x01, 0x00, 0x41, 0x00, 0x0B, 0x02, 0x00, 0x00));
    }

    @Test
    void elementSegmentsInAllForms() {
        String prefix = "(table 1 funcref) (table $t2 1 funcref) (func $f) ";
        assertThat(section(WatParser.parseModule(prefix + "(elem (i32.const 0) $f)"), 9))
                .isEqualTo(bytes(0x01, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x00));
        assertThat(section(WatParser.parseModule(prefix + "(elem func $f)"), 9))
                .isEqualTo(bytes(0x01, 0x01, 0x00, 0x01, 0x00));
        assertThat(section(WatParser.parseModule(prefix + "(elem declare func $f)"), 9))
                .isEqualTo(bytes(0x01, 0x03, 0x00, 0x01, 0x00));
        assertThat(section(WatParser.parseModule(prefix + "(elem (table $t2) (offset (i32.const 0)) func $f)"), 9))
                .isEqualTo(bytes(0x01, 0x02, 0x01, 0x41, 0x00, 0x0B, 0x00, 0x01, 0x00));
        assertThat(section(WatParser.parseModule(prefix + "(elem funcref (ref.null func) (item ref.func $f))"), 9))
                .isEqualTo(bytes(0x01, 0x05, 0x70, 0x02, 0xD0, 0x70, 0x0B, 0xD2, 0x00, 0x0B));
        assertThat(section(WatParser.parseModule(prefix + "(elem (i32.const 0) funcref (ref.func $f))"), 9))
                .isEqualTo(bytes(0x01, 0x04, 0x41, 0x00, 0x0B, 0x01, 0xD2, 0x00, 0x0B));
    }

    @Test
    void dataSegmentsActiveAndPassive() {
        String prefix = "(memory 1) (memory $m 1) ";
        assertThat(section(WatParser.parseModule(prefix + "(data \"a\")"), 11)).isEqualTo(bytes(0x01, 0x01, 0x01, 'a'));
        assertThat(section(WatParser.parseModule(prefix + "(data (memory $m) (offset (i32.const 2)) \"a\")"), 11))
                .isEqualTo(bytes(0x01, 0x02, 0x01, 0x41, 0x02, 0x0B, 0x01, 'a'));
        assertThat(section(WatParser.parseModule(prefix + "(data (i32.const 1) \"\")"), 11))
                .isEqualTo(bytes(0x01, 0x00, 0x41, 0x01, 0x0B, 0x00));
    }

    @Test
    void startAndGlobals() {
        byte[] wasm = WatParser.parseModule("(global $g (export \"g\") (mut i32) (i32.const -1)) (func $main) (start $main)");
        assertThat(section(wasm, 6)).isEqualTo(bytes(0x01, 0x7F, 0x01, 0x41, 0x7F, 0x0B));
        assertThat(section(wasm, 8)).isEqualTo(bytes(0x00));
    }

    @Test
    void blockTypesWithParametersUseATypeIndex() {
        assertThat(code("(func (param i32) (result i32) local.get 0 (block (param i32) (result i32)))"))
                .isEqualTo(bytes(0x20, 0x00, 0x02, 0x00, 0x0B, 0x0B));
        assertThat(code("(func (block (result i32) (i32.const 1)) drop)"))
                .isEqualTo(bytes(0x02, 0x7F, 0x41, 0x01, 0x0B, 0x1A, 0x0B));
        byte[] wasm = WatParser.parseModule("(func (block (result i32 i64) unreachable) unreachable)");
        assertThat(section(wasm, 1)).isEqualTo(bytes(0x02, 0x60, 0x00, 0x00, 0x60, 0x00, 0x02, 0x7F, 0x7E));
    }

    @Test
    void labelsResolveToRelativeDepths() {
        assertThat(code("(func (block $a (block $b (br_table $a $b 0 (i32.const 0)))))"))
                .isEqualTo(bytes(0x02, 0x40, 0x02, 0x40, 0x41, 0x00, 0x0E, 0x02, 0x01, 0x00, 0x00, 0x0B, 0x0B, 0x0B));
        assertThat(code("(func loop $l br $l end $l)"))
                .isEqualTo(bytes(0x03, 0x40, 0x0C, 0x00, 0x0B, 0x0B));
    }

    @Test
    void foldedAndPlainIf() {
        byte[] expected = bytes(0x41, 0x01, 0x04, 0x7F, 0x41, 0x02, 0x05, 0x41, 0x03, 0x0B, 0x1A, 0x0B);
        assertThat(code("(func (drop (if (result i32) (i32.const 1) (then (i32.const 2)) (else (i32.const 3)))))"))
                .isEqualTo(expected);
        assertThat(code("(func i32.const 1 if $x (result i32) i32.const 2 else $x i32.const 3 end $x drop)"))
                .isEqualTo(expected);
    }

    @Test
    void callIndirectSelectAndMemarg() {
        assertThat(code("(table 1 funcref) (type $t (func)) (func (call_indirect (type $t) (i32.const 0)))"))
                .isEqualTo(bytes(0x41, 0x00, 0x11, 0x00, 0x00, 0x0B));
        assertThat(code("(func (result i32) (select (result i32) (i32.const 1) (i32.const 2) (i32.const 0)))"))
                .isEqualTo(bytes(0x41, 0x01, 0x41, 0x02, 0x41, 0x00, 0x1C, 0x01, 0x7F, 0x0B));
        assertThat(code("(memory 1) (func (drop (i64.load offset=8 align=4 (i32.const 0))))"))
                .isEqualTo(bytes(0x41, 0x00, 0x29, 0x02, 0x08, 0x1A, 0x0B));
        assertThat(code("(memory 1) (func (i32.store8 (i32.const 0) (i32.const 0)))"))
                .isEqualTo(bytes(0x41, 0x00, 0x41, 0x00, 0x3A, 0x00, 0x00, 0x0B));
    }

    @Test
    void constantsAndPrefixedInstructions() {
        assertThat(code("(func (drop (f32.const 1.5)) (drop (i64.const -2)) (drop (i32.trunc_sat_f32_s (f32.const 0))))"))
                .isEqualTo(bytes(0x43, 0x00, 0x00, 0xC0, 0x3F, 0x1A, 0x42, 0x7E, 0x1A,
                        0x43, 0x00, 0x00, 0x00, 0x00, 0xFC, 0x00, 0x1A, 0x0B));
        assertThat(code("(table $t 1 externref) (func (table.fill $t (i32.const 0) (ref.null extern) (i32.const 1)))"))
                .isEqualTo(bytes(0x41, 0x00, 0xD0, 0x6F, 0x41, 0x01, 0xFC, 0x11, 0x00, 0x0B));
    }

    @Test
    void bulkMemoryInstructionsNeedTheDataCountSection() {
        byte[] wasm = WatParser.parseModule("(memory 1) (data $d \"x\") (func (memory.init $d (i32.const 0) (i32.const 0)"
                + " (i32.const 1)) (data.drop $d))");
        assertThat(section(wasm, 12)).isEqualTo(bytes(0x01));
        byte[] code = section(wasm, 10);
        assertThat(code).contains(0xFC, 0x08, 0x00, 0x00);
    }

    @Test
    void moduleBinaryAndQuoteForms() {
        assertThat(WatParser.parseModule("(module binary \"\\00asm\" \"\\01\\00\\00\\00\")")).isEqualTo(PREAMBLE);
        assertThat(WatParser.parseModule("(module quote \"(func)\")")).isEqualTo(WatParser.parseModule("(func)"));
    }

    private static void malformed(String wat, String message) {
        assertThatThrownBy(() -> WatParser.parseModule(wat))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageStartingWith(message)
                .hasMessageMatching("(?s).*\\(at \\d+:\\d+\\)$");
    }

    @Test
    void errorsCarryTheSpecWordingAndALocation() {
        malformed("(func (i32.const0))", "unknown operator");
        malformed("(func (call $g))", "unknown function");
        malformed("(func $f) (func $f)", "duplicate func");
        malformed("(func (param $x i32) (local $x i32))", "duplicate local");
        malformed("(func) (import \"\" \"\" (func))", "import after function");
        malformed("(memory 0) (func (import \"\" \"\"))", "import after memory");
        malformed("(type $t (func)) (func (type $t) (param i32))", "inline function type");
        malformed("(func block $a end $b)", "mismatching label");
        malformed("(func (br $nowhere))", "unknown label");
        malformed("(func (drop (i32.const 4294967296)))", "constant out of range");
        malformed("(func) (start 0) (start 0)", "multiple start sections");
        malformed("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))", "alignment");
        malformed("(func (export \"\\80\"))", "malformed UTF-8 encoding");
        malformed("(func (result i32) (param i32))", "unexpected token");
        malformed("(func (block (param $x i32)))", "unexpected token");
        malformed("(func block)", "unexpected token");
        malformed("(func (global.get $g))", "unknown global");
        malformed("(module) (module)", "unexpected token");
    }

    @Test
    void errorLocationPointsAtTheOffendingToken() {
        assertThatThrownBy(() -> WatParser.parseModule("(module\n  (func\n    (nop) (frobnicate)))"))
                .hasMessageContaining("unknown operator frobnicate").hasMessageEndingWith("(at 3:12)");
    }

    @Test
    void typesAreNotValidatedHere() {
        assertThat(WatParser.parseModule("(func (result i32) (i64.const 0))")).isNotEmpty();
        assertThat(WatParser.parseModule("(func (call 7))")).isNotEmpty();
    }

    @Test
    void vectorInstructions() {
        assertThat(code("(func (result v128) (v128.const i32x4 1 2 3 -1))"))
                .isEqualTo(bytes(0xFD, 0x0C, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0B));
        assertThat(code("(func (result v128) (v128.const f64x2 1 -0))"))
                .isEqualTo(bytes(0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x0B));
        assertThat(code("(func (param v128) (result i32) (i8x16.extract_lane_u 15 (local.get 0)))"))
                .isEqualTo(bytes(0x20, 0x00, 0xFD, 0x16, 0x0F, 0x0B));
        assertThat(code("(func (param v128) (result v128) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31"
                + " (local.get 0) (local.get 0)))"))
                .isEqualTo(bytes(0x20, 0x00, 0x20, 0x00, 0xFD, 0x0D, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31, 0x0B));
        assertThat(code("(memory 1) (func (param v128) (result v128) (v128.load16_lane offset=2 3 (i32.const 0) (local.get 0)))"))
                .isEqualTo(bytes(0x41, 0x00, 0x20, 0x00, 0xFD, 0x55, 0x01, 0x02, 0x03, 0x0B));
        assertThat(code("(func (param v128) (result v128) (f64x2.promote_low_f32x4 (local.get 0)))"))
                .isEqualTo(bytes(0x20, 0x00, 0xFD, 0x5F, 0x0B));
        assertThat(code("(func (param v128) (result v128) (i32x4.trunc_sat_f64x2_u_zero (local.get 0)))"))
                .isEqualTo(bytes(0x20, 0x00, 0xFD, 0xFD, 0x01, 0x0B));
    }

    @Test
    void vectorErrors() {
        malformed("(func (v128.const i32x4 1 2 3) drop)", "wrong number of lane literals");
        malformed("(func (v128.const i32x4 1 2 3 4 5) drop)", "wrong number of lane literals");
        malformed("(func (v128.const i16x8 0 0 0 0 0 0 0 65536) drop)", "constant out of range");
        malformed("(func (param v128) (drop (i8x16.shuffle 0 1 2 (local.get 0) (local.get 0))))", "invalid lane length");
        malformed("(func (param v128) (drop (i8x16.extract_lane_s 256 (local.get 0))))", "malformed lane index");
        malformed("(func (param v128) (drop (i8x16.extract_lane_s -1 (local.get 0))))", "unexpected token");
    }

    @Test
    void identifiersBecomeTheNameSection() {
        byte[] wasm = WatParser.parseModule("(module $demo (func $first) (func (param $x i32) (local $y i64)) (func $third))");
        assertThat(section(wasm, 0)).isEqualTo(bytes(0x04, 'n', 'a', 'm', 'e',
                0x00, 0x05, 0x04, 'd', 'e', 'm', 'o',
                0x01, 0x0F, 0x02, 0x00, 0x05, 'f', 'i', 'r', 's', 't', 0x02, 0x05, 't', 'h', 'i', 'r', 'd',
                0x02, 0x09, 0x01, 0x01, 0x02, 0x00, 0x01, 'x', 0x01, 0x01, 'y'));
        assertThat(section(WatParser.parseModule("(func) (memory 1)"), 0)).isNull();
        var names = io.wasmspring.engine.binary.BinaryDecoder.decode(wasm).names;
        assertThat(names.moduleName()).isEqualTo("demo");
        assertThat(names.functionNames()).containsEntry(0, "first").containsEntry(2, "third").hasSize(2);
    }

    @Test
    void legacyBareTableAndMemoryIndices() {
        assertThat(section(WatParser.parseModule("(table 1 funcref) (func $f) (elem 0 (i32.const 0) $f)"), 9))
                .isEqualTo(bytes(0x01, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x00));
        assertThat(section(WatParser.parseModule("(memory 1) (memory $m 1) (data 1 (i32.const 0) \"a\")"), 11))
                .isEqualTo(bytes(0x01, 0x02, 0x01, 0x41, 0x00, 0x0B, 0x01, 'a'));
        assertThat(section(WatParser.parseModule("(memory 1) (memory (data \"a\"))"), 11))
                .isEqualTo(bytes(0x01, 0x02, 0x01, 0x41, 0x00, 0x0B, 0x01, 'a'));
    }

    @Test
    void inlineImportsAndExportsOnTablesAndGlobals() {
        byte[] wasm = WatParser.parseModule("(table $t (export \"t\") (import \"m\" \"t\") 1 funcref)"
                + " (global $g (export \"g\") (import \"m\" \"g\") i32)");
        assertThat(section(wasm, 2)).isEqualTo(bytes(0x02,
                0x01, 'm', 0x01, 't', 0x01, 0x70, 0x00, 0x01,
                0x01, 'm', 0x01, 'g', 0x03, 0x7F, 0x00));
        assertThat(section(wasm, 7)).isEqualTo(bytes(0x02, 0x01, 't', 0x01, 0x00, 0x01, 'g', 0x03, 0x00));
    }

    @Test
    void tableAndReferenceInstructions() {
        assertThat(code("(table $a 1 funcref) (table $b 1 funcref) (elem $e func) (func"
                + " (table.init $b $e (i32.const 0) (i32.const 0) (i32.const 0)) (elem.drop $e)"
                + " (table.copy $a $b (i32.const 0) (i32.const 0) (i32.const 0))"
                + " (drop (ref.is_null (table.get $b (i32.const 0)))))"))
                .isEqualTo(bytes(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0C, 0x00, 0x01,
                        0xFC, 0x0D, 0x00,
                        0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0E, 0x00, 0x01,
                        0x41, 0x00, 0x25, 0x01, 0xD1, 0x1A, 0x0B));
        assertThat(code("(func (param i32) (result i64) (i64.extend8_s (i64.extend_i32_u (local.get 0))))"))
                .isEqualTo(bytes(0x20, 0x00, 0xAD, 0xC2, 0x0B));
    }

    @Test
    void deeplyNestedPlainBlocksNeedNoRecursion() {
        int depth = 50_000;
        // each level encodes as block 0x40 ... end: three bytes
        assertThat(WatParser.parseModule("(func " + "block ".repeat(depth) + "end ".repeat(depth) + ")"))
                .hasSizeGreaterThan(3 * depth);
        int absurd = 1_000_000;
        assertThatThrownBy(() -> WatParser.parseModule("(func " + "(block ".repeat(absurd) + ")".repeat(absurd) + ")"))
                .isInstanceOf(MalformedModuleException.class).hasMessageContaining("nesting too deep");
    }
}
