package io.wasmspring.engine.validation;

import static io.wasmspring.engine.ValueType.EXTERNREF;
import static io.wasmspring.engine.ValueType.FUNCREF;
import static io.wasmspring.engine.ValueType.I32;
import static io.wasmspring.engine.ValueType.I64;
import static io.wasmspring.engine.structure.Opcodes.REF_FUNC;
import static io.wasmspring.engine.validation.Code.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasmspring.engine.ExternalKind;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.SegmentMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Module-level rules: index spaces, limits, segments, exports, start. */
class ModuleValidatorTest {

    private static final List<ValueType> NONE = List.of();

    private static void valid(TestModule m) {
        assertThatCode(m::validate).doesNotThrowAnyException();
    }

    private static String invalid(TestModule m, String expectedStart) {
        Throwable thrown = catchThrowable(m::validate);
        assertThat(thrown).isInstanceOf(InvalidModuleException.class);
        assertThat(thrown.getMessage()).startsWith(expectedStart);
        return thrown.getMessage();
    }

    @Test
    void emptyModuleIsValid() {
        valid(TestModule.module());
    }

    @Test
    void functionTypeIndexMustExist() {
        TestModule m = TestModule.module();
        m.function(3, code().end());
        invalid(m, "unknown type 3");
        TestModule imported = TestModule.module();
        imported.importFunction(0);
        invalid(imported, "unknown type 0");
    }

    @Test
    void atMostOneMemory() {
        valid(TestModule.module().memory(1, 2));
        invalid(TestModule.module().memory(0, -1).memory(0, -1), "multiple memories");
        invalid(TestModule.module().importMemory(0, -1).memory(0, -1), "multiple memories");
    }

    @Test
    void memoryLimits() {
        valid(TestModule.module().memory(0, 65536));
        invalid(TestModule.module().memory(1, 0), "size minimum must not be greater than maximum");
        invalid(TestModule.module().memory(65537, -1), "memory size must be at most 65536 pages (4GiB)");
        invalid(TestModule.module().memory(0, 4294967295L), "memory size must be at most 65536 pages (4GiB)");
        invalid(TestModule.module().importMemory(70000, -1), "memory size must be at most 65536 pages (4GiB)");
    }

    @Test
    void tableLimits() {
        valid(TestModule.module().table(FUNCREF, 0, 0xFFFF_FFFFL).table(EXTERNREF, 1, -1));
        invalid(TestModule.module().table(FUNCREF, 0xFFFF_FFFFL, 0), "size minimum must not be greater than maximum");
        invalid(TestModule.module().table(FUNCREF, 0x1_0000_0000L, -1), "table size must be at most 2^32-1");
    }

    @Test
    void startFunction() {
        TestModule m = TestModule.module();
        int f = m.function(NONE, NONE, code().end());
        valid(m.start(f));
        TestModule bad = TestModule.module();
        int g = bad.function(List.of(I32), NONE, code().end());
        String message = invalid(bad.start(g), "start function");
        assertThat(message).contains("(param i32)");
        invalid(TestModule.module().start(4), "unknown function 4");
    }

    @Test
    void exportNamesUnique() {
        TestModule m = TestModule.module().memory(1, -1);
        m.function(NONE, NONE, code().end());
        m.export("a", ExternalKind.FUNCTION, 0).export("b", ExternalKind.MEMORY, 0);
        valid(m);
        m.export("a", ExternalKind.MEMORY, 0);
        invalid(m, "duplicate export name \"a\"");
    }

    @Test
    void exportIndicesMustExist() {
        invalid(TestModule.module().export("f", ExternalKind.FUNCTION, 0), "unknown function 0");
        invalid(TestModule.module().export("t", ExternalKind.TABLE, 0), "unknown table 0");
        invalid(TestModule.module().export("m", ExternalKind.MEMORY, 1), "unknown memory 1");
        invalid(TestModule.module().export("g", ExternalKind.GLOBAL, 2), "unknown global 2");
    }

    @Test
    void activeElementSegmentNeedsTableOfSameType() {
        TestModule m = TestModule.module();
        m.function(NONE, NONE, code().end());
        m.activeElements(0, code().i32(0), FUNCREF, code().op(REF_FUNC, 0));
        invalid(m, "unknown table 0");
        m.table(FUNCREF, 1, -1);
        valid(m);

        TestModule ext = TestModule.module().table(EXTERNREF, 1, -1);
        ext.activeElements(0, code().i32(0), FUNCREF);
        invalid(ext, "type mismatch");
    }

    @Test
    void elementItemsMustMatchSegmentType() {
        TestModule m = TestModule.module();
        m.elements(SegmentMode.PASSIVE, FUNCREF, code().refNull(EXTERNREF));
        invalid(m, "type mismatch");
        TestModule ok = TestModule.module();
        ok.elements(SegmentMode.PASSIVE, EXTERNREF, code().refNull(EXTERNREF));
        valid(ok);
    }

    @Test
    void elementOffsetIsI32() {
        TestModule m = TestModule.module().table(FUNCREF, 1, -1);
        m.activeElements(0, code().i64(0), FUNCREF);
        invalid(m, "type mismatch");
    }

    @Test
    void dataSegmentNeedsMemory() {
        invalid(TestModule.module().activeData(0, code().i32(0)), "unknown memory 0");
        valid(TestModule.module().memory(1, -1).activeData(0, code().i32(0)));
        invalid(TestModule.module().memory(1, -1).activeData(1, code().i32(0)), "unknown memory 1");
        invalid(TestModule.module().memory(1, -1).activeData(0, code().i64(0)), "type mismatch");
        valid(TestModule.module().passiveData());
    }

    @Test
    void importedTablesAndGlobalsCount() {
        TestModule m = TestModule.module().importTable(FUNCREF, 1);
        int g = m.importGlobal(I64, false);
        m.export("t", ExternalKind.TABLE, 0).export("g", ExternalKind.GLOBAL, g);
        valid(m);
    }
}
