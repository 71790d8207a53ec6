package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.Wasm.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.structure.ModuleStructure;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Well-formedness of instruction sequences: opcodes, immediates, nesting. */
class InstructionCheckerTest {

    private static void assertAccepted(int... code) {
        ModuleStructure m = BinaryDecoder.decode(function(code));
        assertThat(m.codes).hasSize(1);
    }

    private static void assertMalformed(String message, int... code) {
        assertThatThrownBy(() -> BinaryDecoder.decode(function(code)))
                .isInstanceOf(MalformedModuleException.class)
                .hasMessageStartingWith(message);
    }

    @Nested
    class Control {

        @Test
        void nestedBlocksLoopsAndIfs() {
            assertAccepted(0x02, 0x40, 0x03, 0x7F, 0x41, 0, 0x0B, 0x1A, 0x0B,
                    0x41, 1, 0x04, 0x40, 0x01, 0x05, 0x01, 0x0B, 0x0B);
        }

        @Test
        void blockTypeMayBeATypeIndex() {
            assertAccepted(0x02, 0x00, 0x0B, 0x02, 0x80, 0x01, 0x0B, 0x0B);
        }

        @Test
        void blockTypeMustNotBeANegativeNumberOtherThanAValueType() {
            assertMalformed("malformed block type", 0x02, 0x7A, 0x0B, 0x0B);
            assertMalformed("malformed block type", 0x02, 0xFF, 0x7F, 0x0B, 0x0B);
        }

        @Test
        void elseOutsideAnIfExpectsEnd() {
            assertMalformed("END opcode expected", 0x05, 0x0B);
            assertMalformed("END opcode expected", 0x02, 0x40, 0x05, 0x0B, 0x0B);
        }

        @Test
        void secondElseExpectsEnd() {
            assertMalformed("END opcode expected", 0x41, 0, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B);
        }

        @Test
        void unclosedBlockRunsOutOfInput() {
            assertMalformed("unexpected end", 0x02, 0x40, 0x0B);
        }

        @Test
        void deepNestingGrowsTheFrameStack() {
            int depth = 1000;
            int[] code = new int[depth * 3 + 1];
            for (int i = 0; i < depth; i++) {
                code[2 * i] = 0x02;
                code[2 * i + 1] = 0x40;
            }
            for (int i = 0; i <= depth; i++) {
                code[2 * depth + i] = 0x0B;
            }
            assertAccepted(java.util.Arrays.copyOf(code, depth * 3 + 1));
        }

        @Test
        void branchesAndCalls() {
            assertAccepted(0x02, 0x40, 0x0C, 0, 0x0D, 0, 0x41, 0, 0x0E, 2, 0, 0, 0, 0x0B,
                    0x10, 0x05, 0x41, 0, 0x11, 0x01, 0x02, 0x0F, 0x0B);
        }

        @Test
        void brTableWithHugeCountRunsOutOfInput() {
            assertMalformed("unexpected end", 0x41, 0, 0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B);
        }
    }

    @Nested
    class Immediates {

        @Test
        void unknownOpcodeIsIllegal() {
            assertMalformed("illegal opcode", 0x06, 0x0B);
            assertMalformed("illegal opcode", 0x27, 0x0B);
            assertMalformed("illegal opcode", 0xC5, 0x0B);
            assertMalformed("illegal opcode", 0xFF, 0x0B);
        }

        @Test
        void constants() {
            assertAccepted(0x41, 0x7F, 0x1A, 0x42, 0x80, 0x7F, 0x1A, 0x43, 0, 0, 0xC0, 0x7F, 0x1A,
                    0x44, 0, 0, 0, 0, 0, 0, 0xF8, 0x7F, 0x1A, 0x0B);
        }

        @Test
        void constantsFollowTheLeb128Rules() {
            assertMalformed("integer representation too long", 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B);
            assertMalformed("integer too large", 0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x0B);
        }

        @Test
        void truncatedFloatConstant() {
            assertMalformed("unexpected end", 0x44, 0, 0, 0);
        }

        @Test
        void memoryInstructionsTakeAMemarg() {
            assertAccepted(0x41, 0, 0x28, 2, 0x80, 0x01, 0x1A, 0x41, 0, 0x42, 0, 0x37, 3, 0, 0x0B);
        }

        @Test
        void alignmentOf32OrMoreIsMalformed() {
            assertMalformed("malformed memop flags", 0x41, 0, 0x28, 0x20, 0, 0x1A, 0x0B);
            assertMalformed("malformed memop flags", 0x41, 0, 0x28, 0x40, 0, 0x1A, 0x0B);
        }

        @Test
        void reservedMemoryIndexMustBeTheZeroByte() {
            assertAccepted(0x3F, 0x00, 0x40, 0x00, 0x1A, 0x0B);
            assertMalformed("zero byte expected", 0x3F, 0x01, 0x1A, 0x0B);
            assertMalformed("zero byte expected", 0x41, 0, 0x40, 0x80, 0x00, 0x1A, 0x0B);
            assertMalformed("zero byte expected", 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0A, 0x00, 0x01, 0x0B);
            assertMalformed("zero byte expected", 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0B, 0x01, 0x0B);
        }

        @Test
        void selectWithTypes() {
            assertAccepted(0x41, 0, 0x41, 0, 0x41, 0, 0x1C, 1, 0x7F, 0x1A, 0x0B);
            assertMalformed("malformed value type", 0x41, 0, 0x41, 0, 0x41, 0, 0x1C, 1, 0x40, 0x1A, 0x0B);
        }

        @Test
        void referenceInstructions() {
            assertAccepted(0xD0, 0x70, 0xD1, 0x1A, 0xD0, 0x6F, 0x1A, 0xD2, 0, 0x1A, 0x0B);
            assertMalformed("malformed reference type", 0xD0, 0x7F, 0x1A, 0x0B);
        }

        @Test
        void prefixedFcInstructions() {
            assertAccepted(0x43, 0, 0, 0, 0, 0xFC, 0x00, 0x1A,
                    0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0C, 1, 0,
                    0xFC, 0x0D, 1,
                    0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0E, 0, 0,
                    0xFC, 0x10, 0, 0x1A, 0x0B);
            assertMalformed("illegal opcode", 0xFC, 0x12, 0x0B);
            assertMalformed("illegal opcode", 0xFC, 0x80, 0x80, 0x04, 0x0B);
        }

        @Test
        void instructionsAreNotTypeCheckedHere() {
            assertAccepted(0x6A, 0x20, 0x63, 0x0C, 0x09, 0x0B);
        }
    }

    @Nested
    class Simd {

        @Test
        void v128ConstAndShuffleTake16Bytes() {
            int[] code = new int[2 + 16 + 2 + 16 + 2];
            code[0] = 0xFD;
            code[1] = 12;
            code[18] = 0xFD;
            code[19] = 13;
            code[36] = 0x1A;
            code[37] = 0x0B;
            assertAccepted(code);
        }

        @Test
        void laneInstructionsTakeALaneByte() {
            assertAccepted(0xFD, 21, 15, 0xFD, 34, 1, 0x0B);
        }

        @Test
        void loadsAndStoresTakeAMemarg() {
            assertAccepted(0xFD, 0, 4, 0, 0xFD, 11, 4, 0x10, 0xFD, 92, 2, 0, 0xFD, 93, 3, 0, 0x0B);
        }

        @Test
        void laneLoadsAndStoresTakeAMemargAndALane() {
            assertAccepted(0xFD, 84, 0, 0, 15, 0xFD, 91, 3, 8, 1, 0x0B);
        }

        @Test
        void multiByteSubOpcodes() {
            // i32x4.dot_i16x8_s (186) and f64x2.convert_low_i32x4_u (255) need two LEB bytes.
            assertAccepted(0xFD, 0xBA, 0x01, 0xFD, 0xFF, 0x01, 0x0B);
        }

        @ParameterizedTest
        @ValueSource(ints = {154, 162, 165, 166, 175, 176, 178, 179, 180, 187, 194, 197, 198, 207, 208, 210, 211, 212,
                226, 238, 256, 1000})
        void unassignedSubOpcodesAreIllegal(int sub) {
            assertMalformed("illegal opcode", 0xFD, 0x80 | (sub & 0x7F), sub >> 7, 0x0B);
        }

        @Test
        void unassignedNeighboursAreAccepted() {
            assertAccepted(0xFD, 153 & 0x7F | 0x80, 1, 0xFD, 155 & 0x7F | 0x80, 1, 0x0B);
        }
    }
}
