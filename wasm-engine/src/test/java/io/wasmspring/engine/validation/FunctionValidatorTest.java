package io.wasmspring.engine.validation;

import static io.wasmspring.engine.ValueType.EXTERNREF;
import static io.wasmspring.engine.ValueType.F32;
import static io.wasmspring.engine.ValueType.F64;
import static io.wasmspring.engine.ValueType.FUNCREF;
import static io.wasmspring.engine.ValueType.I32;
import static io.wasmspring.engine.ValueType.I64;
import static io.wasmspring.engine.structure.Opcodes.*;
import static io.wasmspring.engine.validation.Code.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.ExternalKind;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.SegmentMode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Function bodies: the validation algorithm over instructions, with its error messages. */
class FunctionValidatorTest {

    private static final List<ValueType> NONE = List.of();

    /** A module with one function {@code params -> results} whose body is {@code body}. */
    private static TestModule function(List<ValueType> params, List<ValueType> results, Code body) {
        TestModule m = TestModule.module();
        m.function(params, results, body);
        return m;
    }

    private static void valid(TestModule m) {
        assertThatCode(m::validate).doesNotThrowAnyException();
    }

    private static String invalid(TestModule m, String expectedStart) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(m::validate);
        assertThat(thrown).isInstanceOf(InvalidModuleException.class);
        assertThat(thrown.getMessage()).startsWith(expectedStart);
        return thrown.getMessage();
    }

    @Nested
    class Numeric {

        @Test
        void binaryOperatorOnMatchingOperands() {
            valid(function(NONE, List.of(I32), code().i32(1).i32(2).op(I32_ADD).end()));
        }

        @Test
        void binaryOperatorOnWrongOperandNamesBothStackAndExpectation() {
            TestModule m = TestModule.module();
            int f = m.function(NONE, List.of(I32), code().i32(1).f32().op(I32_ADD).end());
            m.name(f, "fac");
            String message = invalid(m, "type mismatch");
            assertThat(message).isEqualTo(
                    "type mismatch: i32.add expects [i32 i32] but the stack has [i32 f32] (function 0 \"fac\", offset 0x7)");
        }

        @Test
        void missingOperand() {
            String message = invalid(function(NONE, List.of(I32), code().i32(1).op(I32_ADD).end()), "type mismatch");
            assertThat(message).contains("i32.add expects [i32 i32] but the stack has [i32]").contains("function 0, offset 0x2");
        }

        @Test
        void comparisonProducesI32() {
            valid(function(NONE, List.of(I32), code().i64(1).i64(2).op(I64_LT_S).end()));
            invalid(function(NONE, List.of(I64), code().i64(1).i64(2).op(I64_LT_S).end()), "type mismatch");
        }

        @Test
        void conversions() {
            valid(function(NONE, List.of(F64), code().i64(7).op(F64_CONVERT_I64_U).end()));
            valid(function(NONE, List.of(I64), code().f32().op(I64_TRUNC_SAT_F32_S).end()));
            valid(function(NONE, List.of(I32), code().i32(1).op(I32_EXTEND8_S).end()));
            invalid(function(NONE, List.of(I32), code().f64().op(I32_TRUNC_SAT_F32_U).end()), "type mismatch: i32.trunc_sat_f32_u");
            invalid(function(NONE, List.of(I64), code().i64(1).op(I64_EXTEND_I32_S).end()), "type mismatch");
        }

        @Test
        void simdConstantIsAVector() {
            valid(function(NONE, NONE, code().op(SIMD_BASE | 12).raw(new int[16]).op(DROP).end()));
            invalid(function(NONE, List.of(I32), code().op(SIMD_BASE | 12).raw(new int[16]).end()), "type mismatch");
        }
    }

    @Nested
    class FunctionEnd {

        @Test
        void resultMustBeOnStack() {
            String message = invalid(function(NONE, List.of(I32), code().end()), "type mismatch");
            assertThat(message).contains("end of function expects [i32] but the stack has []");
        }

        @Test
        void extraValuesAreAnError() {
            String message = invalid(function(NONE, List.of(I32), code().i32(1).i32(2).end()), "type mismatch");
            assertThat(message).contains("expects [i32] but the stack has [i32 i32]");
        }

        @Test
        void multipleResults() {
            valid(function(NONE, List.of(I32, F64), code().i32(1).f64().end()));
            invalid(function(NONE, List.of(I32, F64), code().f64().i32(1).end()), "type mismatch");
        }

        @Test
        void missingFinalEndIsMalformed() {
            assertThatThrownBy(() -> function(NONE, NONE, code().op(NOP)).validate())
                    .isInstanceOf(MalformedModuleException.class);
        }

        @Test
        void codeAfterFinalEndIsMalformed() {
            assertThatThrownBy(() -> function(NONE, NONE, code().end().op(NOP)).validate())
                    .isInstanceOf(MalformedModuleException.class);
        }
    }

    @Nested
    class Locals {

        @Test
        void parametersAndDeclaredLocals() {
            TestModule m = TestModule.module();
            int t = m.type(List.of(I32), List.of(F32));
            m.function(t, List.of(F32), code().op(LOCAL_GET, 0).op(DROP).op(LOCAL_GET, 1).end());
            valid(m);
        }

        @Test
        void unknownLocal() {
            String message = invalid(function(List.of(I32), NONE, code().op(LOCAL_GET, 1).op(DROP).end()), "unknown local 1");
            assertThat(message).contains("the function has 1 locals");
        }

        @Test
        void hugeIndexIsUnknownNotOutOfBounds() {
            invalid(function(NONE, NONE, code().op(LOCAL_SET, -1).end()), "unknown local 4294967295");
        }

        @Test
        void setAndTeeCheckTypes() {
            valid(function(List.of(I64), List.of(I64), code().i64(1).op(LOCAL_TEE, 0).end()));
            invalid(function(List.of(I64), NONE, code().i32(1).op(LOCAL_SET, 0).end()), "type mismatch: local.set expects [i64]");
        }
    }

    @Nested
    class Globals {

        @Test
        void getAndSet() {
            TestModule m = TestModule.module();
            int g = m.global(I64, true, code().i64(0));
            m.function(NONE, NONE, code().op(GLOBAL_GET, g).op(GLOBAL_SET, g).end());
            valid(m);
        }

        @Test
        void setOfImmutableGlobal() {
            TestModule m = TestModule.module();
            int g = m.global(I32, false, code().i32(0));
            m.function(NONE, NONE, code().i32(1).op(GLOBAL_SET, g).end());
            invalid(m, "global is immutable");
        }

        @Test
        void unknownGlobal() {
            invalid(function(NONE, NONE, code().op(GLOBAL_GET, 3).op(DROP).end()), "unknown global 3");
        }
    }

    @Nested
    class Blocks {

        @Test
        void blockWithResult() {
            valid(function(NONE, List.of(I32), code().block(BLOCK, I32).i32(1).end().end()));
        }

        @Test
        void blockCannotSeeOuterOperands() {
            String message = invalid(function(NONE, List.of(I32),
                    code().i32(1).block(BLOCK, I32).op(I32_EQZ).end().end()), "type mismatch");
            assertThat(message).contains("i32.eqz expects [i32] but the stack has []");
        }

        @Test
        void multiValueBlockWithParameters() {
            TestModule m = TestModule.module();
            int pair = m.type(List.of(I32, I32), List.of(I32));
            m.function(NONE, List.of(I32), code().i32(1).i32(2).blockType(BLOCK, pair).op(I32_ADD).end().end());
            valid(m);
        }

        @Test
        void blockParametersMustBeOnStack() {
            TestModule m = TestModule.module();
            int pair = m.type(List.of(I32, I32), List.of(I32));
            m.function(NONE, List.of(I32), code().i32(1).blockType(BLOCK, pair).op(I32_ADD).end().end());
            invalid(m, "type mismatch: block expects [i32 i32] but the stack has [i32]");
        }

        @Test
        void unknownBlockType() {
            invalid(function(NONE, NONE, code().blockType(BLOCK, 5).end().end()), "unknown type 5");
        }

        @Test
        void loopBranchTakesParameters() {
            TestModule m = TestModule.module();
            int t = m.type(List.of(I32), List.of(F32));
            // loop (param i32) (result f32): br 0 needs an i32 (the parameter), not an f32.
            m.function(NONE, List.of(F32), code().i32(0).blockType(LOOP, t).op(BR, 0).end().end());
            valid(m);
            TestModule bad = TestModule.module();
            int t2 = bad.type(List.of(I32), List.of(F32));
            bad.function(NONE, List.of(F32), code().i32(0).blockType(LOOP, t2).op(DROP).f32().op(BR, 0).end().end());
            invalid(bad, "type mismatch: br expects [i32] but the stack has [f32]");
        }

        @Test
        void ifElse() {
            valid(function(NONE, List.of(I32), code().i32(1).block(IF, I32).i32(2).op(ELSE).i32(3).end().end()));
            invalid(function(NONE, List.of(I32), code().i32(1).block(IF, I32).i32(2).op(ELSE).f32().end().end()),
                    "type mismatch: end of else expects [i32] but the stack has [f32]");
        }

        @Test
        void ifNeedsCondition() {
            invalid(function(NONE, NONE, code().block(IF, null).end().end()), "type mismatch: if expects [i32]");
        }

        @Test
        void ifWithoutElseMustNotProduceResults() {
            invalid(function(NONE, List.of(I32), code().i32(1).block(IF, I32).i32(2).end().end()),
                    "type mismatch: if without else");
        }

        @Test
        void ifWithoutElsePassingParametersThrough() {
            TestModule m = TestModule.module();
            int t = m.type(List.of(I32), List.of(I32));
            m.function(NONE, List.of(I32), code().i32(5).i32(1).blockType(IF, t).end().end());
            valid(m);
        }

        @Test
        void elseWithoutIf() {
            invalid(function(NONE, NONE, code().block(BLOCK, null).op(ELSE).end().end()), "else without a matching if");
        }
    }

    @Nested
    class Branches {

        @Test
        void brCarriesLabelResults() {
            valid(function(NONE, List.of(I32), code().block(BLOCK, I32).i32(1).op(BR, 0).end().end()));
            invalid(function(NONE, List.of(I32), code().block(BLOCK, I32).i64(1).op(BR, 0).end().end()),
                    "type mismatch: br expects [i32] but the stack has [i64]");
        }

        @Test
        void unknownLabel() {
            invalid(function(NONE, NONE, code().block(BLOCK, null).op(BR, 2).end().end()), "unknown label 2");
        }

        @Test
        void brToFunctionLabelReturns() {
            valid(function(NONE, List.of(I64), code().i64(1).op(BR, 0).end()));
        }

        @Test
        void codeAfterBrIsPolymorphic() {
            valid(function(NONE, List.of(I32), code().i32(1).op(BR, 0).op(I32_ADD).end()));
            valid(function(NONE, List.of(I32), code().op(UNREACHABLE).op(SELECT).end()));
            // Still typed: values pushed after the branch must be consistent.
            invalid(function(NONE, List.of(I32), code().op(UNREACHABLE).i64(1).op(I32_ADD).end()), "type mismatch");
        }

        @Test
        void brIfKeepsValues() {
            valid(function(NONE, List.of(I32), code().block(BLOCK, I32).i32(1).i32(0).op(BR_IF, 0).end().end()));
            invalid(function(NONE, List.of(I32), code().block(BLOCK, I32).i32(1).op(BR_IF, 0).end().end()), "type mismatch");
        }

        @Test
        void brTable() {
            Code ok = code().block(BLOCK, I32).block(BLOCK, I32).i32(7).i32(0)
                    .op(BR_TABLE).u32(2).u32(0).u32(1).u32(0).end().end().op(DROP).i32(1).end()
                    ;
            valid(function(NONE, List.of(I32), ok));
        }

        @Test
        void brTableTargetsMustAgreeInArity() {
            Code bad = code().block(BLOCK, null).block(BLOCK, I32).i32(7).i32(0)
                    .op(BR_TABLE).u32(1).u32(0).u32(1).end().op(DROP).end().end();
            invalid(function(NONE, NONE, bad), "type mismatch: br_table targets must have the same arity");
        }

        @Test
        void brTableTypesChecked() {
            Code bad = code().block(BLOCK, F32).block(BLOCK, I32).i32(7).i32(0)
                    .op(BR_TABLE).u32(1).u32(0).u32(1).end().op(DROP).f32().end().op(DROP).end();
            invalid(function(NONE, NONE, bad), "type mismatch: br_table expects [f32] but the stack has [i32]");
        }

        @Test
        void brTableUnknownLabel() {
            invalid(function(NONE, NONE, code().i32(0).op(BR_TABLE).u32(1).u32(0).u32(9).end()), "unknown label 9");
        }

        @Test
        void brTableInUnreachableCodeAcceptsDifferentTypesOfSameArity() {
            Code body = code().block(BLOCK, F32).block(BLOCK, I32).op(UNREACHABLE)
                    .op(BR_TABLE).u32(1).u32(0).u32(1).end().op(DROP).f32().end().op(DROP).end();
            valid(function(NONE, NONE, body));
        }

        @Test
        void returnChecksFunctionResults() {
            valid(function(NONE, List.of(F64), code().f64().op(RETURN).end()));
            invalid(function(NONE, List.of(F64), code().f32().op(RETURN).end()), "type mismatch: return expects [f64]");
        }
    }

    @Nested
    class Calls {

        @Test
        void callUsesCalleeType() {
            TestModule m = TestModule.module();
            int callee = m.function(List.of(I32, I64), List.of(F32), code().f32().end());
            m.function(NONE, List.of(F32), code().i32(1).i64(2).op(CALL, callee).end());
            valid(m);
        }

        @Test
        void callOfImportedFunction() {
            TestModule m = TestModule.module();
            int t = m.type(List.of(I32), NONE);
            int imported = m.importFunction(t);
            m.function(NONE, NONE, code().i32(1).op(CALL, imported).end());
            valid(m);
        }

        @Test
        void callArgumentsChecked() {
            TestModule m = TestModule.module();
            int callee = m.function(List.of(I32, I64), NONE, code().end());
            m.function(NONE, NONE, code().i64(2).i32(1).op(CALL, callee).end());
            invalid(m, "type mismatch: call expects [i32 i64] but the stack has [i64 i32]");
        }

        @Test
        void unknownFunction() {
            invalid(function(NONE, NONE, code().op(CALL, 7).end()), "unknown function 7");
        }

        @Test
        void callIndirect() {
            TestModule m = TestModule.module();
            m.table(FUNCREF, 1, 1);
            int t = m.type(List.of(I32), List.of(I32));
            m.function(NONE, List.of(I32), code().i32(5).i32(0).op(CALL_INDIRECT).u32(t).u32(0).end());
            valid(m);
        }

        @Test
        void callIndirectNeedsTable() {
            TestModule m = TestModule.module();
            int t = m.type(NONE, NONE);
            m.function(NONE, NONE, code().i32(0).op(CALL_INDIRECT).u32(t).u32(0).end());
            invalid(m, "unknown table 0");
        }

        @Test
        void callIndirectNeedsFuncrefTable() {
            TestModule m = TestModule.module();
            m.table(EXTERNREF, 1, 1);
            int t = m.type(NONE, NONE);
            m.function(NONE, NONE, code().i32(0).op(CALL_INDIRECT).u32(t).u32(0).end());
            invalid(m, "type mismatch: call_indirect needs a funcref table");
        }

        @Test
        void callIndirectUnknownType() {
            TestModule m = TestModule.module();
            m.table(FUNCREF, 1, 1);
            m.function(NONE, NONE, code().i32(0).op(CALL_INDIRECT).u32(9).u32(0).end());
            invalid(m, "unknown type 9");
        }
    }

    @Nested
    class Parametric {

        @Test
        void dropNeedsOperand() {
            invalid(function(NONE, NONE, code().op(DROP).end()), "type mismatch: drop expects an operand");
        }

        @Test
        void untypedSelectOnNumbers() {
            valid(function(NONE, List.of(F64), code().f64().f64().i32(1).op(SELECT).end()));
            invalid(function(NONE, List.of(F64), code().f64().i64(1).i32(1).op(SELECT).end()),
                    "type mismatch: select operands must have one type");
        }

        @Test
        void untypedSelectRejectsReferences() {
            invalid(function(NONE, NONE, code().refNull(FUNCREF).refNull(FUNCREF).i32(1).op(SELECT).op(DROP).end()),
                    "type mismatch: select without a result type");
        }

        @Test
        void typedSelect() {
            valid(function(NONE, List.of(EXTERNREF),
                    code().refNull(EXTERNREF).refNull(EXTERNREF).i32(1).op(SELECT_T).u32(1).raw(EXTERNREF.code()).end()));
            invalid(function(NONE, List.of(I32), code().i32(1).i64(2).i32(1).op(SELECT_T).u32(1).raw(I32.code()).end()),
                    "type mismatch: select_t expects [i32]");
        }

        @Test
        void typedSelectArity() {
            invalid(function(NONE, NONE, code().i32(1).i32(1).i32(1).op(SELECT_T).u32(0).end()), "invalid result arity");
            invalid(function(NONE, NONE, code().op(SELECT_T).u32(2).raw(I32.code(), I32.code()).end()), "invalid result arity");
        }

        @Test
        void selectInUnreachableCodeTakesKnownType() {
            valid(function(NONE, List.of(I64), code().op(UNREACHABLE).i64(1).i32(1).op(SELECT).end()));
            invalid(function(NONE, List.of(I32), code().op(UNREACHABLE).i64(1).i32(1).op(SELECT).end()), "type mismatch");
        }
    }

    @Nested
    class Memory {

        private TestModule withMemory(List<ValueType> results, Code body) {
            TestModule m = TestModule.module();
            m.memory(1, -1);
            m.function(NONE, results, body);
            return m;
        }

        @Test
        void loadAndStore() {
            valid(withMemory(List.of(I64), code().i32(0).mem(I64_LOAD32_U, 2, 8).end()));
            valid(withMemory(NONE, code().i32(0).f64().mem(F64_STORE, 3, 0).end()));
            invalid(withMemory(NONE, code().f64().i32(0).mem(F64_STORE, 3, 0).end()),
                    "type mismatch: f64.store expects [i32 f64] but the stack has [f64 i32]");
        }

        @Test
        void alignmentAtMostNatural() {
            valid(withMemory(List.of(I32), code().i32(0).mem(I32_LOAD16_S, 1, 0).end()));
            String message = invalid(withMemory(List.of(I32), code().i32(0).mem(I32_LOAD16_S, 2, 0).end()),
                    "alignment must not be larger than natural");
            assertThat(message).contains("i32.load16_s");
            invalid(withMemory(NONE, code().i32(0).i64(0).mem(I64_STORE8, 1, 0).end()),
                    "alignment must not be larger than natural");
        }

        @Test
        void accessNeedsMemory() {
            invalid(function(NONE, List.of(I32), code().i32(0).mem(I32_LOAD, 2, 0).end()), "unknown memory 0");
            invalid(function(NONE, List.of(I32), code().op(MEMORY_SIZE).raw(0).end()), "unknown memory 0");
        }

        @Test
        void sizeAndGrow() {
            valid(withMemory(List.of(I32), code().op(MEMORY_SIZE).raw(0).op(MEMORY_GROW).raw(0).end()));
            invalid(withMemory(List.of(I32), code().i64(1).op(MEMORY_GROW).raw(0).end()), "type mismatch: memory.grow");
        }

        @Test
        void bulkMemory() {
            TestModule m = TestModule.module();
            m.memory(1, -1).passiveData().dataCount(1);
            m.function(NONE, NONE, code().i32(0).i32(0).i32(1).op(MEMORY_INIT).u32(0).raw(0)
                    .op(DATA_DROP).u32(0)
                    .i32(0).i32(0).i32(1).op(MEMORY_COPY).raw(0, 0)
                    .i32(0).i32(0).i32(1).op(MEMORY_FILL).raw(0).end());
            valid(m);
        }

        @Test
        void memoryFillOperandTypes() {
            invalid(withMemory(NONE, code().i32(0).i64(0).i32(1).op(MEMORY_FILL).raw(0).end()),
                    "type mismatch: memory.fill expects [i32 i32 i32] but the stack has [i32 i64 i32]");
        }

        @Test
        void unknownDataSegment() {
            TestModule m = TestModule.module();
            m.memory(1, -1).passiveData().dataCount(1);
            m.function(NONE, NONE, code().op(DATA_DROP).u32(1).end());
            invalid(m, "unknown data segment 1");
        }

        @Test
        void dataInstructionsNeedDataCountSection() {
            TestModule m = TestModule.module();
            m.memory(1, -1).passiveData();
            m.function(NONE, NONE, code().op(DATA_DROP).u32(0).end());
            assertThatThrownBy(m::validate).isInstanceOf(MalformedModuleException.class)
                    .hasMessageContaining("data count section required");
        }
    }

    @Nested
    class TablesAndReferences {

        @Test
        void tableInstructions() {
            TestModule m = TestModule.module();
            m.table(EXTERNREF, 1, -1);
            m.elements(SegmentMode.PASSIVE, EXTERNREF, code().refNull(EXTERNREF));
            m.function(List.of(EXTERNREF), List.of(I32), code()
                    .i32(0).op(TABLE_GET, 0).op(DROP)
                    .i32(0).op(LOCAL_GET, 0).op(TABLE_SET, 0)
                    .i32(0).op(LOCAL_GET, 0).i32(1).op(TABLE_FILL, 0)
                    .i32(0).i32(0).i32(1).op(TABLE_COPY).u32(0).u32(0)
                    .i32(0).i32(0).i32(1).op(TABLE_INIT).u32(0).u32(0)
                    .op(ELEM_DROP, 0)
                    .op(LOCAL_GET, 0).i32(1).op(TABLE_GROW, 0).op(DROP)
                    .op(TABLE_SIZE, 0).end());
            valid(m);
        }

        @Test
        void tableSetValueTypeMustMatchElementType() {
            TestModule m = TestModule.module();
            m.table(FUNCREF, 1, -1);
            m.function(NONE, NONE, code().i32(0).refNull(EXTERNREF).op(TABLE_SET, 0).end());
            invalid(m, "type mismatch: table.set expects [funcref] but the stack has [externref]");
        }

        @Test
        void unknownTableAndElementSegment() {
            invalid(function(NONE, List.of(I32), code().op(TABLE_SIZE, 0).end()), "unknown table 0");
            TestModule m = TestModule.module();
            m.table(FUNCREF, 1, -1);
            m.function(NONE, NONE, code().op(ELEM_DROP, 4).end());
            invalid(m, "unknown elem segment 4");
        }

        @Test
        void tableInitAndCopyNeedMatchingTypes() {
            TestModule m = TestModule.module();
            m.table(FUNCREF, 1, -1);
            m.table(EXTERNREF, 1, -1);
            m.elements(SegmentMode.PASSIVE, EXTERNREF, code().refNull(EXTERNREF));
            m.function(NONE, NONE, code().i32(0).i32(0).i32(1).op(TABLE_INIT).u32(0).u32(0).end());
            invalid(m, "type mismatch: table.init");
            TestModule copy = TestModule.module();
            copy.table(FUNCREF, 1, -1);
            copy.table(EXTERNREF, 1, -1);
            copy.function(NONE, NONE, code().i32(0).i32(0).i32(1).op(TABLE_COPY).u32(0).u32(1).end());
            invalid(copy, "type mismatch: table.copy");
        }

        @Test
        void refIsNull() {
            valid(function(NONE, List.of(I32), code().refNull(FUNCREF).op(REF_IS_NULL).end()));
            invalid(function(NONE, List.of(I32), code().i32(0).op(REF_IS_NULL).end()), "type mismatch: ref.is_null");
            valid(function(NONE, List.of(I32), code().op(UNREACHABLE).op(REF_IS_NULL).end()));
        }

        @Test
        void refFuncNeedsDeclaration() {
            TestModule m = TestModule.module();
            int f = m.function(NONE, List.of(FUNCREF), code().op(REF_FUNC, 0).end());
            invalid(m, "undeclared function reference");
            m.export("f", ExternalKind.FUNCTION, f);
            valid(m);
        }

        @Test
        void refFuncDeclaredByElementSegmentOrGlobal() {
            TestModule m = TestModule.module();
            m.function(NONE, List.of(FUNCREF), code().op(REF_FUNC, 1).end());
            m.function(NONE, NONE, code().end());
            m.elements(SegmentMode.DECLARATIVE, FUNCREF, code().op(REF_FUNC, 1));
            valid(m);
            TestModule g = TestModule.module();
            g.function(NONE, List.of(FUNCREF), code().op(REF_FUNC, 0).end());
            g.global(FUNCREF, false, code().op(REF_FUNC, 0));
            valid(g);
        }

        @Test
        void refFuncUnknownFunction() {
            invalid(function(NONE, List.of(FUNCREF), code().op(REF_FUNC, 3).end()), "unknown function 3");
        }
    }

    @Test
    void functionsAfterImportsAreNumberedInTheFunctionIndexSpace() {
        TestModule m = TestModule.module();
        int t = m.type(NONE, NONE);
        m.importFunction(t);
        m.importFunction(t);
        int f = m.function(t, code().op(I32_ADD).end());
        m.name(f, "third");
        String message = invalid(m, "type mismatch");
        assertThat(message).contains("(function 2 \"third\", offset 0x0)");
    }

    @Test
    void unknownOpcodeIsMalformed() {
        assertThatThrownBy(() -> function(NONE, NONE, code().raw(0xFF).end()).validate())
                .isInstanceOf(MalformedModuleException.class);
    }
}
