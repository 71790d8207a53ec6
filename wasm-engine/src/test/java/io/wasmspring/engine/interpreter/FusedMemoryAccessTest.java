package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.FusionCase.UNDER_TEST;
import static io.wasmspring.engine.interpreter.FusionCase.opaque;
import static io.wasmspring.engine.interpreter.FusionCase.opaqueF64;
import static io.wasmspring.engine.interpreter.FusionCase.wasmName;
import static io.wasmspring.engine.interpreter.TestModule.F64;
import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.I64;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads and stores fused with the address computation ({@code local.get}, {@code i32.const k;
 * i32.add}, or both): the i32 add must wrap modulo 2^32 exactly as a separate {@code i32.add}
 * does, while base plus the static offset must not wrap (it is a 33-bit sum that traps past the
 * end). Memory is one page (65536 bytes) filled with a pattern.
 */
class FusedMemoryAccessTest {

    private static final int PAGE = 65536;
    /** Base addresses: the start, the last words of the page, just past it, and values that wrap when added to. */
    private static final int[] ADDRESSES = {
        0, 1, 4, 8, 16, PAGE - 16, PAGE - 8, PAGE - 5, PAGE - 4, PAGE - 3, PAGE - 1, PAGE, PAGE + 4,
        -1, -4, -8, -16, Integer.MIN_VALUE, Integer.MAX_VALUE,
    };
    /** Constants added to the base: negative ones and ones that wrap the i32 add. */
    private static final int[] ADDENDS = {0, 4, -4, 16, PAGE - 8, -PAGE, Integer.MIN_VALUE, Integer.MAX_VALUE};
    /** Static offsets: none, small, near the end of the page, and one that no base can make fit. */
    private static final int[] OFFSETS = {0, 8, PAGE - 8, 0xFFFF_FFF0};

    /** The loads each fusion applies to, with their result type. */
    private record Load(int opcode, ValueType result) {
        @Override
        public String toString() {
            return wasmName(opcode);
        }
    }

    private static final Load I32_LOAD = new Load(Opcodes.I32_LOAD, I32);
    private static final Load I64_LOAD = new Load(Opcodes.I64_LOAD, I64);
    private static final Load F64_LOAD = new Load(Opcodes.F64_LOAD, F64);
    private static final Load I32_LOAD8_U = new Load(Opcodes.I32_LOAD8_U, I32);

    static Stream<FusionCase> cases() {
        List<FusionCase> cases = new ArrayList<>();
        for (int offset : OFFSETS) {
            String off = " offset=" + Integer.toUnsignedString(offset);
            cases.add(FusionCase.of("i32_load_local", "local.get 0; i32.load" + off, type(params(I32), I32),
                    Asm.code().get(0).mem(Opcodes.I32_LOAD, offset).end(), addresses()));
            for (Load load : new Load[] {I64_LOAD, F64_LOAD}) {
                cases.add(FusionCase.of("i64_load_local", "local.get 0; " + load + off, type(params(I32), load.result),
                        Asm.code().get(0).mem(load.opcode, offset).end(), addresses()));
            }
            cases.add(FusionCase.of("i32_store_locals", "local.get 0; local.get 1; i32.store" + off,
                    type(params(I32, I32)), Asm.code().get(0).get(1).mem(Opcodes.I32_STORE, offset).end(),
                    addressesWith(0xCAFE_BABE)));
            for (int k : ADDENDS) {
                addAddedAddressCases(cases, k, offset);
            }
            addLocalPairLoadCases(cases, off, offset);
            addArithmeticStoreCases(cases, off, offset);
        }
        return cases.stream();
    }

    /** {@code local.get v; local.get a; <load>}: the first local stays below the loaded value. */
    private static void addLocalPairLoadCases(List<FusionCase> cases, String off, int offset) {
        cases.add(FusionCase.of("local_get_load64", "local.get 1; local.get 0; i64.load" + off + "; i64.sub",
                type(params(I32, I64), I64),
                Asm.code().get(1).get(0).mem(Opcodes.I64_LOAD, offset).op(Opcodes.I64_SUB).end(),
                addressesWith(0x1234_5678)));
        cases.add(FusionCase.of("local_get_load64", "local.get 1; local.get 0; f64.load" + off + "; f64.sub",
                type(params(I32, F64), F64),
                Asm.code().get(1).get(0).mem(Opcodes.F64_LOAD, offset).op(Opcodes.F64_SUB).end(),
                addressesWith(Double.doubleToRawLongBits(-2.5))));
        for (int k : ADDENDS) {
            cases.add(FusionCase.of("f64_sub_local_load",
                    "local.get 1; local.get 0; i32.const " + k + "; i32.add; f64.load" + off + "; f64.sub",
                    type(params(I32, F64), F64),
                    Asm.code().get(1).get(0).i32(k).op(Opcodes.I32_ADD).mem(Opcodes.F64_LOAD, offset).op(Opcodes.F64_SUB).end(),
                    addressesWith(Double.doubleToRawLongBits(-2.5))));
        }
    }

    /** f64 arithmetic stored at once: the value computed as separate instructions would, stored or trapping alike. */
    private static void addArithmeticStoreCases(List<FusionCase> cases, String off, int offset) {
        long[][] operands = {
            {bits(1.5), bits(-2.25), bits(3.0)},
            {bits(0.1), bits(0.2), bits(0.3)},
            {bits(-0.0), bits(0.0), bits(-0.0)},
            {bits(Double.MAX_VALUE), bits(2.0), bits(Double.MAX_VALUE)},
            {bits(Double.POSITIVE_INFINITY), bits(0.0), bits(1.0)},
        };
        List<long[]> inputs = new ArrayList<>();
        for (int a : ADDRESSES) {
            for (long[] o : operands) {
                inputs.add(new long[] {a, o[0], o[1], o[2]});
            }
        }
        FunctionType signature = type(params(I32, F64, F64, F64));
        cases.add(FusionCase.of("f64_mul_add_store", "local.get 0; X; Y; Z; f64.mul; f64.add; f64.store" + off,
                signature, opaqueF64(opaqueF64(opaqueF64(Asm.code().get(0), 1), 2), 3)
                        .op(Opcodes.F64_MUL).op(Opcodes.F64_ADD).mem(Opcodes.F64_STORE, offset).end(), inputs));
        cases.add(FusionCase.of("f64_add_store", "local.get 0; X; Y; f64.add; f64.store" + off,
                signature, opaqueF64(opaqueF64(Asm.code().get(0), 1), 2)
                        .op(Opcodes.F64_ADD).mem(Opcodes.F64_STORE, offset).end(), inputs));
        // *p += v with p in a local: the address twice, the load before the store
        cases.add(FusionCase.of("f64_add_local_load_store", "local.get 0; X; local.get 0; f64.load 8; f64.add; f64.store" + off,
                signature, opaqueF64(Asm.code().get(0), 1).get(0).mem(Opcodes.F64_LOAD, 8)
                        .op(Opcodes.F64_ADD).mem(Opcodes.F64_STORE, offset).end(), inputs));
        cases.add(FusionCase.of("f64_sub_store", "local.get 0; X; Y; f64.sub; f64.store" + off,
                signature, opaqueF64(opaqueF64(Asm.code().get(0), 1), 2)
                        .op(Opcodes.F64_SUB).mem(Opcodes.F64_STORE, offset).end(), inputs));
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static void addAddedAddressCases(List<FusionCase> cases, int k, int offset) {
        String add = "i32.const " + k + "; i32.add; ";
        String off = " offset=" + Integer.toUnsignedString(offset);
        Object[][] forms = {
            {I32_LOAD, "i32_load_add", "i32_load_local_add"},
            {I64_LOAD, "i64_load_add", "i64_load_local_add"},
            {F64_LOAD, "i64_load_add", "i64_load_local_add"},
            {I32_LOAD8_U, "i32_load8_u_add", "i32_load8_u_local_add"},
        };
        for (Object[] form : forms) {
            Load load = (Load) form[0];
            cases.add(FusionCase.of((String) form[1], "X; " + add + load + off, type(params(I32), load.result),
                    opaque(Asm.code(), 0).i32(k).op(Opcodes.I32_ADD).mem(load.opcode, offset).end(), addresses()));
            cases.add(FusionCase.of((String) form[2], "local.get 0; " + add + load + off, type(params(I32), load.result),
                    Asm.code().get(0).i32(k).op(Opcodes.I32_ADD).mem(load.opcode, offset).end(), addresses()));
        }
    }

    private static List<long[]> addresses() {
        List<long[]> inputs = new ArrayList<>();
        for (int a : ADDRESSES) {
            inputs.add(new long[] {a});
        }
        return inputs;
    }

    private static List<long[]> addressesWith(long value) {
        List<long[]> inputs = new ArrayList<>();
        for (int a : ADDRESSES) {
            inputs.add(new long[] {a, value});
        }
        return inputs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fusesAndAccessesWhatThePlainLoweringAccesses(FusionCase fusion) {
        fusion.check();
    }

    // ---- spec values, asserted outright ----

    /** {@code local.get 0; i32.const k; i32.add; <load> offset} as a checked pair of lowerings. */
    private static FusionComparison addedAddress(Load load, int k, int offset, String fusedOp) {
        FusionCase fusion = FusionCase.of(fusedOp, "local.get 0; i32.const " + k + "; i32.add; " + load,
                type(params(I32), load.result),
                Asm.code().get(0).i32(k).op(Opcodes.I32_ADD).mem(load.opcode, offset).end(), List.of());
        return fusion.check();
    }

    @Test
    void theBasePlusConstantAddWrapsToALowAddress() {
        FusionComparison c = addedAddress(I32_LOAD, 8, 0, "i32_load_local_add");
        Memory memory = c.fused.memory();
        // 0xFFFFFFFC + 8 wraps to 4
        assertThat(c.assertSameOutcome(UNDER_TEST, -4).results())
                .containsExactly(Integer.toUnsignedLong(memory.readInt(4)));
        assertThat(c.assertSameOutcome(UNDER_TEST, 0xFFFF_FFFCL).results())
                .containsExactly(Integer.toUnsignedLong(memory.readInt(4)));
        // MIN_VALUE + MIN_VALUE wraps to 0
        FusionComparison min = addedAddress(I64_LOAD, Integer.MIN_VALUE, 16, "i64_load_local_add");
        assertThat(min.assertSameOutcome(UNDER_TEST, Integer.MIN_VALUE).results())
                .containsExactly(min.fused.memory().readLong(16));
        FusionComparison byteLoad = addedAddress(I32_LOAD8_U, 2, 0, "i32_load8_u_local_add");
        assertThat(byteLoad.assertSameOutcome(UNDER_TEST, -1).results())
                .containsExactly((long) byteLoad.fused.memory().readUnsignedByte(1));
    }

    @Test
    void aNegativeConstantStepsBack() {
        FusionComparison c = addedAddress(I32_LOAD, -8, 4, "i32_load_local_add");
        assertThat(c.assertSameOutcome(UNDER_TEST, 16).results())
                .containsExactly(Integer.toUnsignedLong(c.fused.memory().readInt(12)));
        // 4 - 8 is 0xFFFFFFFC: far out of bounds, the offset does not bring it back
        assertThat(c.assertSameOutcome(UNDER_TEST, 4).trap()).isEqualTo(Trap.OUT_OF_BOUNDS_MEMORY);
    }

    @Test
    void theStaticOffsetIsAddedWithoutWrapping() {
        // base 0 - 4 = 0xFFFFFFFC, + offset 8 = 0x1_0000_0004: out of bounds, not address 4
        FusionComparison c = addedAddress(I32_LOAD, -4, 8, "i32_load_local_add");
        assertThat(c.assertSameOutcome(UNDER_TEST, 0).trap()).isEqualTo(Trap.OUT_OF_BOUNDS_MEMORY);
        FusionComparison huge = addedAddress(I64_LOAD, 0, 0xFFFF_FFFF, "i64_load_local_add");
        assertThat(huge.assertSameOutcome(UNDER_TEST, 1).trap()).isEqualTo(Trap.OUT_OF_BOUNDS_MEMORY);
    }

    @Test
    void accessesEndingAtTheLastByteSucceedAndOneFurtherTraps() {
        FusionComparison word = addedAddress(I32_LOAD, 4, 0, "i32_load_local_add");
        assertThat(word.assertSameOutcome(UNDER_TEST, PAGE - 8).results())
                .containsExactly(Integer.toUnsignedLong(word.fused.memory().readInt(PAGE - 4)));
        assertThat(word.assertSameOutcome(UNDER_TEST, PAGE - 7).trap()).isEqualTo(Trap.OUT_OF_BOUNDS_MEMORY);

        FusionComparison dword = addedAddress(F64_LOAD, 8, PAGE - 24, "i64_load_local_add");
        assertThat(dword.assertSameOutcome(UNDER_TEST, 8).results())
                .containsExactly(dword.fused.memory().readLong(PAGE - 8));
        assertThat(dword.assertSameOutcome(UNDER_TEST, 9).trap()).isEqualTo(Trap.OUT_OF_BOUNDS_MEMORY);

        FusionComparison single = addedAddress(I32_LOAD8_U, 1, 0, "i32_load8_u_local_add");
        assertThat(single.assertSameOutcome(UNDER_TEST, PAGE - 2).results())
                .containsExactly((long) single.fused.memory().readUnsignedByte(PAGE - 1));
        assertThat(single.assertSameOutcome(UNDER_TEST, PAGE - 1).trap()).isEqualTo(Trap.OUT_OF_BOUNDS_MEMORY);
    }

    @Test
    void aFusedLoadReadsMemoryGrownEarlierInTheSameCall() {
        // memory.grow 1, then a load from the new page, which starts zeroed
        FusionCase grown = FusionCase.of("i32_load_local_add",
                "memory.grow 1; local.get 0; i32.const 65536; i32.add; i32.load",
                type(params(I32), I32), Asm.code().i32(1).op(Opcodes.MEMORY_GROW).u32(0).drop()
                        .get(0).i32(PAGE).op(Opcodes.I32_ADD).mem(Opcodes.I32_LOAD, 0).end(), List.of());
        FusionComparison c = grown.check();
        assertThat(c.assertSameOutcome(UNDER_TEST, PAGE - 4).results()).containsExactly(0L);
        assertThat(c.fused.memory().pages()).isEqualTo(2);
        // a second page later, the first new page's last word is in bounds, the one after it too
        assertThat(c.assertSameOutcome(UNDER_TEST, PAGE).results()).containsExactly(0L);
        assertThat(c.fused.memory().pages()).isEqualTo(3);
    }

    @Test
    void aTrappingStoreFromLocalsWritesNothing() {
        FusionCase store = FusionCase.of("i32_store_locals", "local.get 0; local.get 1; i32.store offset=2",
                type(params(I32, I32)), Asm.code().get(0).get(1).mem(Opcodes.I32_STORE, 2).end(), List.of());
        FusionComparison c = store.check();
        byte[] before = c.fused.memory().buffer().clone();
        // bytes PAGE-3 .. PAGE: the last one is past the end, and none of the others may change
        assertThat(c.assertSameOutcome(UNDER_TEST, PAGE - 5, 0x1122_3344).trap()).isEqualTo(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThat(c.fused.memory().buffer()).isEqualTo(before);
        c.assertSameOutcome(UNDER_TEST, PAGE - 6, 0x1122_3344);
        assertThat(c.fused.memory().readInt(PAGE - 4)).isEqualTo(0x1122_3344);
    }
}
