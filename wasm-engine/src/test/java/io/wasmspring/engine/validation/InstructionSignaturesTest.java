package io.wasmspring.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.structure.Opcodes;
import org.junit.jupiter.api.Test;

/** The signature tables cover every numeric, conversion and memory access opcode of Wasm 2.0. */
class InstructionSignaturesTest {

    @Test
    void everyNumericOpcodeHasASignature() {
        for (int op = Opcodes.I32_EQZ; op <= Opcodes.I64_EXTEND32_S; op++) {
            assertThat(InstructionSignatures.of(op)).as(Opcodes.name(op)).isNotNull();
        }
        for (int op = Opcodes.I32_TRUNC_SAT_F32_S; op <= Opcodes.I64_TRUNC_SAT_F64_U; op++) {
            assertThat(InstructionSignatures.of(op)).as(Opcodes.name(op)).isNotNull();
        }
    }

    @Test
    void instructionsWithTheirOwnRulesHaveNone() {
        assertThat(InstructionSignatures.of(Opcodes.I32_CONST)).isNull();
        assertThat(InstructionSignatures.of(Opcodes.SELECT)).isNull();
        assertThat(InstructionSignatures.of(Opcodes.MEMORY_INIT)).isNull();
        assertThat(InstructionSignatures.of(Opcodes.SIMD_BASE | 0x9A)).isNull(); // unassigned
    }

    @Test
    void simdInstructionsHaveSignaturesAndImmediateRules() {
        Signature constant = InstructionSignatures.of(Opcodes.V128_CONST);
        assertThat(constant.params()).isEmpty();
        assertThat(constant.results()).containsExactly(OperandType.V128);
        Signature storeLane = InstructionSignatures.of(Opcodes.V128_STORE16_LANE);
        assertThat(storeLane.params()).containsExactly(OperandType.I32, OperandType.V128);
        assertThat(storeLane.results()).isEmpty();
        assertThat(InstructionSignatures.simdNaturalAlignment(Opcodes.V128_STORE16_LANE)).isEqualTo(1);
        assertThat(InstructionSignatures.simdLaneCount(Opcodes.V128_STORE16_LANE)).isEqualTo(8);
        assertThat(InstructionSignatures.simdNaturalAlignment(Opcodes.V128_LOAD)).isEqualTo(4);
        assertThat(InstructionSignatures.simdNaturalAlignment(Opcodes.I8X16_ADD)).isEqualTo(-1);
        assertThat(InstructionSignatures.simdLaneCount(Opcodes.I8X16_ADD)).isZero();
        assertThat(InstructionSignatures.simdLaneCount(Opcodes.I8X16_REPLACE_LANE)).isEqualTo(16);
        Signature extract = InstructionSignatures.of(Opcodes.F64X2_EXTRACT_LANE);
        assertThat(extract.params()).containsExactly(OperandType.V128);
        assertThat(extract.results()).containsExactly(OperandType.F64);
    }

    @Test
    void signaturesFollowTheirNames() {
        Signature add = InstructionSignatures.of(Opcodes.F64_ADD);
        assertThat(add.params()).containsExactly(OperandType.F64, OperandType.F64);
        assertThat(add.results()).containsExactly(OperandType.F64);
        Signature lt = InstructionSignatures.of(Opcodes.I64_LT_U);
        assertThat(lt.params()).containsExactly(OperandType.I64, OperandType.I64);
        assertThat(lt.results()).containsExactly(OperandType.I32);
        Signature convert = InstructionSignatures.of(Opcodes.F32_CONVERT_I64_U);
        assertThat(convert.params()).containsExactly(OperandType.I64);
        assertThat(convert.results()).containsExactly(OperandType.F32);
        Signature store = InstructionSignatures.of(Opcodes.I64_STORE16);
        assertThat(store.params()).containsExactly(OperandType.I32, OperandType.I64);
        assertThat(store.results()).isEmpty();
    }

    @Test
    void loadsAndStoresHaveNaturalAlignment() {
        for (int op = Opcodes.I32_LOAD; op <= Opcodes.I64_STORE32; op++) {
            assertThat(InstructionSignatures.naturalAlignment(op)).as(Opcodes.name(op)).isBetween(0, 3);
        }
        assertThat(InstructionSignatures.naturalAlignment(Opcodes.I64_LOAD)).isEqualTo(3);
        assertThat(InstructionSignatures.naturalAlignment(Opcodes.I32_LOAD16_U)).isEqualTo(1);
        assertThat(InstructionSignatures.naturalAlignment(Opcodes.I64_STORE32)).isEqualTo(2);
        assertThat(InstructionSignatures.naturalAlignment(Opcodes.I32_ADD)).isEqualTo(-1);
    }
}
