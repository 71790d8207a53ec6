package io.wasmspring.engine.validation;

import static io.wasmspring.engine.ValueType.F32;
import static io.wasmspring.engine.ValueType.F64;
import static io.wasmspring.engine.ValueType.I32;
import static io.wasmspring.engine.ValueType.I64;
import static io.wasmspring.engine.ValueType.V128;
import static io.wasmspring.engine.structure.Opcodes.*;
import static io.wasmspring.engine.validation.Code.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The 0xFD (SIMD) instructions: their signatures, immediates and v128 as a value type. */
class SimdValidationTest {

    private static final List<ValueType> NONE = List.of();

    /** {@code v128.const} of sixteen zero bytes. */
    private static Code v128(Code code) {
        return code.op(V128_CONST).raw(new int[16]);
    }

    private static TestModule function(List<ValueType> params, List<ValueType> results, Code body) {
        TestModule m = TestModule.module();
        m.function(params, results, body);
        return m;
    }

    private static TestModule withMemory(List<ValueType> results, Code body) {
        TestModule m = TestModule.module().memory(1, 1);
        m.function(NONE, results, body);
        return m;
    }

    private static void valid(TestModule m) {
        assertThatCode(m::validate).doesNotThrowAnyException();
    }

    private static String invalid(TestModule m, String expectedStart) {
        Throwable thrown = catchThrowable(m::validate);
        assertThat(thrown).isInstanceOf(InvalidModuleException.class);
        assertThat(thrown.getMessage()).startsWith(expectedStart);
        return thrown.getMessage();
    }

    @Nested
    class Signatures {

        @Test
        void everyAssignedOpcodeHasOneAndNoUnassignedOpcodeHas() {
            int assigned = 0;
            for (int sub = 0; sub < 256; sub++) {
                int opcode = SIMD_BASE | sub;
                boolean named = !Opcodes.name(opcode).startsWith("simd ");
                assertThat(InstructionSignatures.of(opcode)).as(Opcodes.name(opcode)).matches(s -> (s != null) == named);
                if (named) {
                    assigned++;
                }
            }
            assertThat(assigned).isEqualTo(236);
            assertThat(InstructionSignatures.of(SIMD_BASE | 0x100)).isNull();
        }

        @Test
        void binaryArithmetic() {
            valid(function(NONE, List.of(V128), v128(v128(code())).op(I8X16_ADD).end()));
            valid(function(NONE, List.of(V128), v128(v128(code())).op(F64X2_PMAX).end()));
            valid(function(NONE, List.of(V128), v128(v128(code())).op(I32X4_DOT_I16X8_S).end()));
            String message = invalid(function(NONE, List.of(V128), v128(code()).i32(1).op(I16X8_ADD).end()), "type mismatch");
            assertThat(message).contains("i16x8.add expects [v128 v128] but the stack has [v128 i32]");
        }

        @Test
        void unaryAndConversions() {
            valid(function(NONE, List.of(V128), v128(code()).op(F32X4_DEMOTE_F64X2_ZERO).end()));
            valid(function(NONE, List.of(V128), v128(code()).op(I32X4_TRUNC_SAT_F64X2_U_ZERO).end()));
            valid(function(NONE, List.of(V128), v128(code()).op(I16X8_EXTEND_HIGH_I8X16_U).end()));
            invalid(function(NONE, List.of(V128), code().f32().op(F32X4_SQRT).end()), "type mismatch");
        }

        @Test
        void testsAndBitmasksProduceI32() {
            valid(function(NONE, List.of(I32), v128(code()).op(V128_ANY_TRUE).end()));
            valid(function(NONE, List.of(I32), v128(code()).op(I64X2_ALL_TRUE).end()));
            valid(function(NONE, List.of(I32), v128(code()).op(I8X16_BITMASK).end()));
            invalid(function(NONE, List.of(V128), v128(code()).op(I32X4_BITMASK).end()), "type mismatch");
        }

        @Test
        void shiftsTakeAnI32Count() {
            valid(function(NONE, List.of(V128), v128(code()).i32(3).op(I64X2_SHR_S).end()));
            invalid(function(NONE, List.of(V128), v128(code()).i64(3).op(I8X16_SHL).end()), "type mismatch");
        }

        @Test
        void bitselectTakesThreeVectors() {
            valid(function(NONE, List.of(V128), v128(v128(v128(code()))).op(V128_BITSELECT).end()));
            invalid(function(NONE, List.of(V128), v128(v128(code())).op(V128_BITSELECT).end()), "type mismatch");
        }

        @Test
        void splatTakesTheLaneType() {
            valid(function(NONE, List.of(V128), code().i32(1).op(I8X16_SPLAT).end()));
            valid(function(NONE, List.of(V128), code().i64(1).op(I64X2_SPLAT).end()));
            valid(function(NONE, List.of(V128), code().f32().op(F32X4_SPLAT).end()));
            valid(function(NONE, List.of(V128), code().f64().op(F64X2_SPLAT).end()));
            invalid(function(NONE, List.of(V128), code().i32(1).op(F64X2_SPLAT).end()), "type mismatch");
        }

        @Test
        void unassignedOpcodeIsIllegal() {
            TestModule m = function(NONE, List.of(V128), v128(v128(code())).op(SIMD_BASE | 0x9A).end());
            assertThatThrownBy(m::validate).isInstanceOf(MalformedModuleException.class).hasMessageContaining("illegal opcode");
        }
    }

    @Nested
    class Lanes {

        @Test
        void extractLaneProducesTheLaneType() {
            valid(function(NONE, List.of(I32), v128(code()).op(I8X16_EXTRACT_LANE_S).raw(15).end()));
            valid(function(NONE, List.of(I32), v128(code()).op(I16X8_EXTRACT_LANE_U).raw(7).end()));
            valid(function(NONE, List.of(I64), v128(code()).op(I64X2_EXTRACT_LANE).raw(1).end()));
            valid(function(NONE, List.of(F32), v128(code()).op(F32X4_EXTRACT_LANE).raw(3).end()));
            valid(function(NONE, List.of(F64), v128(code()).op(F64X2_EXTRACT_LANE).raw(0).end()));
            invalid(function(NONE, List.of(I64), v128(code()).op(I32X4_EXTRACT_LANE).raw(0).end()), "type mismatch");
        }

        @Test
        void laneIndexMustBeBelowTheLaneCount() {
            String message = invalid(function(NONE, List.of(I32), v128(code()).op(I32X4_EXTRACT_LANE).raw(4).end()),
                    "invalid lane index");
            assertThat(message).contains("i32x4.extract_lane has 4 lanes but names lane 4");
            invalid(function(NONE, List.of(I32), v128(code()).op(I8X16_EXTRACT_LANE_U).raw(16).end()), "invalid lane index");
            invalid(function(NONE, List.of(F64), v128(code()).op(F64X2_EXTRACT_LANE).raw(2).end()), "invalid lane index");
            invalid(function(NONE, List.of(V128), v128(code()).i64(1).op(I64X2_REPLACE_LANE).raw(255).end()),
                    "invalid lane index");
        }

        @Test
        void replaceLaneTakesVectorAndLaneValue() {
            valid(function(NONE, List.of(V128), v128(code()).i32(9).op(I16X8_REPLACE_LANE).raw(7).end()));
            valid(function(NONE, List.of(V128), v128(code()).f64().op(F64X2_REPLACE_LANE).raw(1).end()));
            invalid(function(NONE, List.of(V128), v128(code()).f32().op(I32X4_REPLACE_LANE).raw(0).end()), "type mismatch");
        }

        @Test
        void shuffleLanesIndexBothOperands() {
            Code ok = v128(v128(code())).op(I8X16_SHUFFLE);
            for (int i = 0; i < 16; i++) {
                ok.raw(31 - i);
            }
            valid(function(NONE, List.of(V128), ok.end()));
            Code bad = v128(v128(code())).op(I8X16_SHUFFLE);
            for (int i = 0; i < 16; i++) {
                bad.raw(i == 9 ? 32 : i);
            }
            invalid(function(NONE, List.of(V128), bad.end()), "invalid lane index");
        }
    }

    @Nested
    class Memory {

        @Test
        void loadsAndStores() {
            valid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD, 4, 0).end()));
            valid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD16X4_U, 3, 0).end()));
            valid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD64_SPLAT, 3, 8).end()));
            valid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD32_ZERO, 2, 0).end()));
            valid(withMemory(NONE, v128(code().i32(0)).mem(V128_STORE, 0, 16).end()));
            invalid(withMemory(NONE, code().i32(0).mem(V128_STORE, 4, 0).end()), "type mismatch");
        }

        @Test
        void alignmentMustNotExceedTheAccessWidth() {
            String message = invalid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD, 5, 0).end()),
                    "alignment must not be larger than natural");
            assertThat(message).contains("v128.load accesses 16 byte(s)");
            invalid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD8X8_S, 4, 0).end()),
                    "alignment must not be larger than natural");
            invalid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD16_SPLAT, 2, 0).end()),
                    "alignment must not be larger than natural");
            invalid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD64_ZERO, 4, 0).end()),
                    "alignment must not be larger than natural");
        }

        @Test
        void laneAccessesCarryMemargAndLane() {
            valid(withMemory(List.of(V128), v128(code().i32(0)).mem(V128_LOAD8_LANE, 0, 0).raw(15).end()));
            valid(withMemory(List.of(V128), v128(code().i32(0)).mem(V128_LOAD64_LANE, 3, 0).raw(1).end()));
            valid(withMemory(NONE, v128(code().i32(0)).mem(V128_STORE32_LANE, 2, 4).raw(3).end()));
            invalid(withMemory(List.of(V128), v128(code().i32(0)).mem(V128_LOAD16_LANE, 2, 0).raw(0).end()),
                    "alignment must not be larger than natural");
            invalid(withMemory(NONE, v128(code().i32(0)).mem(V128_STORE64_LANE, 3, 0).raw(2).end()),
                    "invalid lane index");
            invalid(withMemory(List.of(V128), code().i32(0).mem(V128_LOAD32_LANE, 2, 0).raw(0).end()), "type mismatch");
        }

        @Test
        void needsAMemory() {
            invalid(function(NONE, List.of(V128), code().i32(0).mem(V128_LOAD, 0, 0).end()), "unknown memory");
            invalid(function(NONE, List.of(V128), v128(code().i32(0)).mem(V128_LOAD8_LANE, 0, 0).raw(0).end()),
                    "unknown memory");
        }
    }

    @Nested
    class ValueTypeV128 {

        @Test
        void paramsLocalsAndResults() {
            TestModule m = TestModule.module();
            int type = m.type(List.of(V128), List.of(V128));
            m.function(type, List.of(V128), code().op(LOCAL_GET, 0).op(LOCAL_SET, 1).op(LOCAL_GET, 1).end());
            valid(m);
        }

        @Test
        void untypedSelectAcceptsVectors() {
            valid(function(NONE, List.of(V128), v128(v128(code())).i32(1).op(SELECT).end()));
            invalid(function(NONE, List.of(V128), v128(code()).i64(0).i32(1).op(SELECT).end()), "type mismatch");
        }

        @Test
        void blockTypeV128() {
            valid(function(NONE, List.of(V128), v128(code().block(BLOCK, V128)).end().end()));
            invalid(function(NONE, List.of(V128), code().block(BLOCK, V128).i32(0).end().end()), "type mismatch");
        }

        @Test
        void globalsOfTypeV128() {
            TestModule m = TestModule.module();
            int g = m.global(V128, true, v128(code()).end());
            m.function(NONE, List.of(V128), code().op(GLOBAL_GET, g).op(GLOBAL_SET, g).op(GLOBAL_GET, g).end());
            valid(m);
            TestModule wrong = TestModule.module();
            int h = wrong.global(V128, true, v128(code()).end());
            wrong.function(NONE, NONE, code().i32(0).op(GLOBAL_SET, h).end());
            invalid(wrong, "type mismatch");
        }

        @Test
        void constantExpressionTypesV128() {
            TestModule m = TestModule.module();
            m.global(I32, false, v128(code()).end());
            invalid(m, "type mismatch");
            TestModule wrong = TestModule.module();
            wrong.global(V128, false, code().i32(0).end());
            invalid(wrong, "type mismatch");
        }
    }
}
