package io.wasmspring.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.ModuleStructure;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantEvaluatorTest {

    private final InstanceState state = new InstanceState(new ModuleStructure(), new Store());

    @Test
    void i32ConstantKeepsItsBitsInTheLow32Bits() {
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.i32(-1), state).bits()).isEqualTo(0xFFFFFFFFL);
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.i32(42), state).bits()).isEqualTo(42L);
    }

    @Test
    void i64AndFloatConstantsAreRawBits() {
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.i64(Long.MIN_VALUE), state).bits()).isEqualTo(Long.MIN_VALUE);
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.f32(1.5f), state).bits())
                .isEqualTo(Integer.toUnsignedLong(Float.floatToRawIntBits(1.5f)));
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.f64(-2.25), state).bits())
                .isEqualTo(Double.doubleToRawLongBits(-2.25));
    }

    @Test
    void nanPayloadIsNotCanonicalized() {
        float nan = Float.intBitsToFloat(0x7FA00001);
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.f32(nan), state).bits()).isEqualTo(0x7FA00001L);
    }

    @Test
    void refNullIsNullAndRefFuncIsTheFunctionInstance() {
        FunctionInstance f = new HostFunctionInstance("m", "f", FunctionType.of(List.of(), List.of()), (c, a) -> null);
        state.functions = new FunctionInstance[] {f};
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.refNull(0x70), state).ref()).isNull();
        assertThat(ConstantEvaluator.evaluate(ConstantExpression.refFunc(0), state).ref()).isSameAs(f);
    }

    @Test
    void globalGetReadsNumericAndReferenceGlobals() {
        Global number = Global.ofBits(new GlobalType(ValueType.I64, false), 77);
        Global ref = Global.ofRef(new GlobalType(ValueType.EXTERNREF, false), "host object");
        state.globals = new Global[] {number, ref};
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.globalGet(0), state).bits()).isEqualTo(77L);
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.globalGet(1), state).ref()).isEqualTo("host object");
    }

    @Test
    void extendedConstantArithmetic() {
        // i32.const 7, i32.const 5, i32.sub -> 2 ; i64.const 3, i64.const 4, i64.mul -> 12
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.raw(0x41, 7, 0x41, 5, 0x6B), state).bits()).isEqualTo(2L);
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.raw(0x42, 3, 0x42, 4, 0x7E), state).bits()).isEqualTo(12L);
        assertThat(ConstantEvaluator.evaluate(ConstantExpressions.raw(0x41, 0x7F, 0x41, 0x7F, 0x6A), state).bits())
                .isEqualTo(0xFFFFFFFEL);
    }

    @Test
    void writeStoresBitsOrReferenceByTheGlobalsType() {
        Global number = new Global(new GlobalType(ValueType.F64, true));
        ConstantEvaluator.write(number, new ConstantEvaluator.Value(123, 0, null));
        assertThat(number.bits()).isEqualTo(123L);
        Global ref = new Global(new GlobalType(ValueType.FUNCREF, true));
        ConstantEvaluator.write(ref, new ConstantEvaluator.Value(0, 0, "f"));
        assertThat(ref.ref()).isEqualTo("f");
    }

    @Test
    void nonConstantInstructionIsRejected() {
        assertThatThrownBy(() -> ConstantEvaluator.evaluate(ConstantExpressions.raw(0x20, 0), state))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("constant expression required")
                .hasMessageContaining("0x20");
    }

    @Test
    void unknownGlobalIsReportedNotThrownAsIndexError() {
        state.globals = new Global[0];
        assertThatThrownBy(() -> ConstantEvaluator.evaluate(ConstantExpressions.globalGet(3), state))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("unknown global 3");
    }

    @Test
    void unknownFunctionIsReported() {
        state.functions = new FunctionInstance[0];
        assertThatThrownBy(() -> ConstantEvaluator.evaluate(ConstantExpression.refFunc(9), state))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageContaining("unknown function 9");
    }
}
