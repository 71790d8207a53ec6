package io.wasmspring.engine.validation;

import static io.wasmspring.engine.ValueType.EXTERNREF;
import static io.wasmspring.engine.ValueType.F32;
import static io.wasmspring.engine.ValueType.F64;
import static io.wasmspring.engine.ValueType.FUNCREF;
import static io.wasmspring.engine.ValueType.I32;
import static io.wasmspring.engine.ValueType.I64;
import static io.wasmspring.engine.structure.Opcodes.GLOBAL_GET;
import static io.wasmspring.engine.structure.Opcodes.I32_ADD;
import static io.wasmspring.engine.structure.Opcodes.NOP;
import static io.wasmspring.engine.structure.Opcodes.REF_FUNC;
import static io.wasmspring.engine.validation.Code.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasmspring.engine.InvalidModuleException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constant expressions as global initializers (the same validator checks segment offsets and items). */
class ConstantExpressionValidatorTest {

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
    void constantsOfEachType() {
        TestModule m = TestModule.module();
        m.global(I32, false, code().i32(-1));
        m.global(I64, true, code().i64(Long.MIN_VALUE));
        m.global(F32, false, code().f32());
        m.global(F64, false, code().f64());
        m.global(FUNCREF, false, code().refNull(FUNCREF));
        m.global(EXTERNREF, true, code().refNull(EXTERNREF));
        valid(m);
    }

    @Test
    void resultTypeMustMatch() {
        TestModule m = TestModule.module();
        m.global(I32, false, code().i64(0));
        String message = invalid(m, "type mismatch");
        assertThat(message).contains("global 0").contains("[i32]").contains("[i64]");
        TestModule ref = TestModule.module();
        ref.global(EXTERNREF, false, code().refNull(FUNCREF));
        invalid(ref, "type mismatch");
    }

    @Test
    void exactlyOneValue() {
        TestModule empty = TestModule.module();
        empty.global(I32, false, code());
        invalid(empty, "type mismatch");
        TestModule two = TestModule.module();
        two.global(I32, false, code().i32(0).i32(1));
        invalid(two, "type mismatch");
    }

    @Test
    void onlyConstantInstructions() {
        TestModule m = TestModule.module();
        m.global(I32, false, code().i32(1).i32(2).op(I32_ADD));
        String message = invalid(m, "constant expression required");
        assertThat(message).contains("i32.add");
        TestModule nop = TestModule.module();
        nop.global(I32, false, code().op(NOP).i32(1));
        invalid(nop, "constant expression required");
    }

    @Test
    void globalGetOfImportedImmutableGlobal() {
        TestModule m = TestModule.module();
        int imported = m.importGlobal(I32, false);
        m.global(I32, false, code().op(GLOBAL_GET, imported));
        valid(m);
    }

    @Test
    void globalGetOfMutableGlobalIsNotConstant() {
        TestModule m = TestModule.module();
        int imported = m.importGlobal(I32, true);
        m.global(I32, false, code().op(GLOBAL_GET, imported));
        invalid(m, "constant expression required");
    }

    @Test
    void globalGetOfDefinedGlobalIsUnknownIn20() {
        TestModule m = TestModule.module();
        int first = m.global(I32, false, code().i32(0));
        m.global(I32, false, code().op(GLOBAL_GET, first));
        invalid(m, "unknown global 0");
        TestModule data = TestModule.module().memory(1, -1);
        data.global(I32, false, code().i32(0));
        data.activeData(0, code().op(GLOBAL_GET, 0));
        invalid(data, "unknown global 0");
    }

    @Test
    void refFuncNeedsExistingFunction() {
        TestModule m = TestModule.module();
        m.global(FUNCREF, false, code().op(REF_FUNC, 0));
        invalid(m, "unknown function 0");
        TestModule ok = TestModule.module();
        ok.function(List.of(), List.of(), code().end());
        ok.global(FUNCREF, false, code().op(REF_FUNC, 0));
        valid(ok);
    }
}
