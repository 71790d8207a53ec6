package io.wasmspring.engine.wast;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMatcherTest {

    private static Expected exact(ValueType type, long bits) {
        return new Expected.Exact(new Value.Number(type, bits));
    }

    @Test
    void integersMatchOnTheirOwnWidthOnly() {
        assertThat(ResultMatcher.matches(exact(ValueType.I32, -1), RuntimeValue.number(ValueType.I32, 0xffffffffL))).isTrue();
        assertThat(ResultMatcher.matches(exact(ValueType.I32, 1), RuntimeValue.number(ValueType.I32, 2))).isFalse();
        assertThat(ResultMatcher.matches(exact(ValueType.I64, -1), RuntimeValue.number(ValueType.I64, 0xffffffffL))).isFalse();
    }

    @Test
    void typesMustAgree() {
        assertThat(ResultMatcher.matches(exact(ValueType.I32, 0), RuntimeValue.number(ValueType.F32, 0))).isFalse();
    }

    @Test
    void floatsMatchBitForBit() {
        long negativeZero = Float.floatToRawIntBits(-0.0f) & 0xffffffffL;
        assertThat(ResultMatcher.matches(exact(ValueType.F32, negativeZero), RuntimeValue.number(ValueType.F32, 0))).isFalse();
        assertThat(ResultMatcher.matches(exact(ValueType.F32, 0x7fa00000L), RuntimeValue.number(ValueType.F32, 0x7fa00000L))).isTrue();
        assertThat(ResultMatcher.matches(exact(ValueType.F64, 0x7ff8000000000001L),
                RuntimeValue.number(ValueType.F64, 0x7ff8000000000000L))).isFalse();
    }

    @Test
    void canonicalNanAcceptsEitherSignButNoPayload() {
        Expected canonical = new Expected.Nan(ValueType.F32, true);
        assertThat(ResultMatcher.matches(canonical, RuntimeValue.number(ValueType.F32, 0x7fc00000L))).isTrue();
        assertThat(ResultMatcher.matches(canonical, RuntimeValue.number(ValueType.F32, 0xffc00000L))).isTrue();
        assertThat(ResultMatcher.matches(canonical, RuntimeValue.number(ValueType.F32, 0x7fc00001L))).isFalse();
        Expected canonical64 = new Expected.Nan(ValueType.F64, true);
        assertThat(ResultMatcher.matches(canonical64, RuntimeValue.number(ValueType.F64, 0xfff8000000000000L))).isTrue();
        assertThat(ResultMatcher.matches(canonical64, RuntimeValue.number(ValueType.F64, 0x7ff0000000000000L))).isFalse();
    }

    @Test
    void arithmeticNanNeedsTheQuietBit() {
        Expected arithmetic = new Expected.Nan(ValueType.F32, false);
        assertThat(ResultMatcher.matches(arithmetic, RuntimeValue.number(ValueType.F32, 0x7fc00123L))).isTrue();
        assertThat(ResultMatcher.matches(arithmetic, RuntimeValue.number(ValueType.F32, 0x7f800123L))).isFalse();
        Expected arithmetic64 = new Expected.Nan(ValueType.F64, false);
        assertThat(ResultMatcher.matches(arithmetic64, RuntimeValue.number(ValueType.F64, 0xfff8000000000005L))).isTrue();
        assertThat(ResultMatcher.matches(arithmetic64, RuntimeValue.number(ValueType.F64, 0x3ff8000000000000L))).isFalse();
    }

    @Test
    void referencesMatchNullExternIdAndAnyFunction() {
        Expected nullFunc = new Expected.Exact(new Value.RefNull(ValueType.FUNCREF));
        assertThat(ResultMatcher.matches(nullFunc, RuntimeValue.reference(ValueType.FUNCREF, null))).isTrue();
        assertThat(ResultMatcher.matches(nullFunc, RuntimeValue.reference(ValueType.FUNCREF, new Object()))).isFalse();
        Expected extern = new Expected.Exact(new Value.RefExtern(3));
        assertThat(ResultMatcher.matches(extern, RuntimeValue.reference(ValueType.EXTERNREF, new ExternRef(3)))).isTrue();
        assertThat(ResultMatcher.matches(extern, RuntimeValue.reference(ValueType.EXTERNREF, new ExternRef(4)))).isFalse();
        assertThat(ResultMatcher.matches(new Expected.AnyRefFunc(), RuntimeValue.reference(ValueType.FUNCREF, new Object()))).isTrue();
        assertThat(ResultMatcher.matches(new Expected.AnyRefFunc(), RuntimeValue.reference(ValueType.FUNCREF, null))).isFalse();
        assertThat(ResultMatcher.matches(new Expected.AnyRefExtern(), RuntimeValue.reference(ValueType.EXTERNREF, null))).isFalse();
    }

    @Test
    void v128MatchesWholeOrLaneByLane() {
        RuntimeValue v = RuntimeValue.v128(0x0000000200000001L, 0x7fc0000000000003L);
        assertThat(ResultMatcher.matches(new Expected.Exact(new Value.V128(0x0000000200000001L, 0x7fc0000000000003L)), v)).isTrue();
        Expected lanes = new Expected.V128Lanes("i32x4", List.of(exact(ValueType.I32, 1), exact(ValueType.I32, 2),
                exact(ValueType.I32, 3), new Expected.Nan(ValueType.F32, true)));
        assertThat(ResultMatcher.matches(lanes, v)).isTrue();
        Expected wrongLane = new Expected.V128Lanes("i64x2", List.of(exact(ValueType.I64, 1), exact(ValueType.I64, 3)));
        assertThat(ResultMatcher.matches(wrongLane, v)).isFalse();
        assertThat(ResultMatcher.lane(0x0102030405060708L, 0, 1, 8)).isEqualTo(0x07);
        assertThat(ResultMatcher.lane(0, 0xaabbL, 8, 16)).isEqualTo(0xaabb);
    }

    @Test
    void eitherMatchesAnyAlternative() {
        Expected either = new Expected.Either(List.of(exact(ValueType.I32, 1), exact(ValueType.I32, 2)));
        assertThat(ResultMatcher.matches(either, RuntimeValue.number(ValueType.I32, 2))).isTrue();
        assertThat(ResultMatcher.matches(either, RuntimeValue.number(ValueType.I32, 3))).isFalse();
    }

    @Test
    void resultCountsMustAgree() {
        assertThat(ResultMatcher.matches(List.of(exact(ValueType.I32, 1)), List.of())).isFalse();
        assertThat(ResultMatcher.matches(List.of(), List.of())).isTrue();
    }

    @Test
    void valuesReadWellInReasons() {
        assertThat(ValueText.of(RuntimeValue.number(ValueType.I32, 0xffffffffL))).isEqualTo("i32:-1");
        assertThat(ValueText.of(RuntimeValue.number(ValueType.F32, 0x3fc00000L))).isEqualTo("f32:1.5[0x3fc00000]");
        assertThat(ValueText.expected(new Expected.Nan(ValueType.F64, true))).isEqualTo("f64:nan:canonical");
        assertThat(ValueText.of(List.of())).isEqualTo("nothing");
    }
}
