package io.wasmspring.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberLiteralsTest {

    private static Token atom(String text) {
        return new Token(Token.Kind.ATOM, text, null, 1, 1, 0, text.length());
    }

    private static long i32(String s) {
        return NumberLiterals.parseInteger(atom(s), 32);
    }

    private static long i64(String s) {
        return NumberLiterals.parseInteger(atom(s), 64);
    }

    private static int f32(String s) {
        return NumberLiterals.parseF32(atom(s));
    }

    private static long f64(String s) {
        return NumberLiterals.parseF64(atom(s));
    }

    @Test
    void i32AcceptsSignedAndUnsignedRanges() {
        assertThat(i32("0")).isZero();
        assertThat(i32("4294967295")).isEqualTo(0xFFFF_FFFFL);
        assertThat(i32("-2147483648")).isEqualTo(0x8000_0000L);
        assertThat(i32("-1")).isEqualTo(0xFFFF_FFFFL);
        assertThat(i32("0xffff_ffff")).isEqualTo(0xFFFF_FFFFL);
        assertThat(i32("+0x7fffffff")).isEqualTo(0x7FFF_FFFFL);
        assertThat(i32("1_000")).isEqualTo(1000);
    }

    @Test
    void integersOutOfRangeAreRejected() {
        assertThatThrownBy(() -> i32("4294967296")).hasMessageContaining("constant out of range");
        assertThatThrownBy(() -> i32("-2147483649")).hasMessageContaining("constant out of range");
        assertThatThrownBy(() -> i64("18446744073709551616")).hasMessageContaining("constant out of range");
        assertThatThrownBy(() -> i64("-9223372036854775809")).hasMessageContaining("constant out of range");
    }

    @Test
    void i64CoversItsWholeRange() {
        assertThat(i64("18446744073709551615")).isEqualTo(-1L);
        assertThat(i64("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(i64("0x7fff_ffff_ffff_ffff")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void malformedIntegersAreRejected() {
        assertThatThrownBy(() -> i32("1__0")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> i32("_1")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> i32("1_")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> i32("0x")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> i32("1.0")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> i32("nan:canonical")).hasMessageContaining("unexpected token");
    }

    @Test
    void u32IsUnsignedOnly() {
        assertThat(NumberLiterals.parseU32(atom("0xFFFFFFFF"))).isEqualTo(0xFFFF_FFFFL);
        assertThatThrownBy(() -> NumberLiterals.parseU32(atom("4294967296"))).hasMessageContaining("i32 constant");
        assertThatThrownBy(() -> NumberLiterals.parseU32(atom("-1"))).hasMessageContaining("unknown operator");
    }

    @Test
    void decimalAndHexFloats() {
        assertThat(f32("1.5")).isEqualTo(Float.floatToRawIntBits(1.5f));
        assertThat(f32("0x1.8p3")).isEqualTo(Float.floatToRawIntBits(12f));
        assertThat(f32("1e10")).isEqualTo(Float.floatToRawIntBits(1e10f));
        assertThat(f32("1.")).isEqualTo(Float.floatToRawIntBits(1f));
        assertThat(f32("0x10")).isEqualTo(Float.floatToRawIntBits(16f));
        assertThat(f64("0.1")).isEqualTo(Double.doubleToRawLongBits(0.1));
        assertThat(f64("-0x1.fffffffffffffp1023")).isEqualTo(Double.doubleToRawLongBits(-Double.MAX_VALUE));
        assertThat(f64("1_000.000_1")).isEqualTo(Double.doubleToRawLongBits(1000.0001));
    }

    @Test
    void signedZeroesAndInfinities() {
        assertThat(f32("-0")).isEqualTo(0x8000_0000);
        assertThat(f32("+0.0")).isZero();
        assertThat(f32("inf")).isEqualTo(0x7F80_0000);
        assertThat(f32("-inf")).isEqualTo(0xFF80_0000);
        assertThat(f64("-0x0p0")).isEqualTo(0x8000_0000_0000_0000L);
    }

    @Test
    void nanPayloadsAreKeptExactly() {
        assertThat(f32("nan")).isEqualTo(0x7FC0_0000);
        assertThat(f32("-nan")).isEqualTo(0xFFC0_0000);
        assertThat(f32("nan:0x1")).isEqualTo(0x7F80_0001);
        assertThat(f32("-nan:0x7f_ffff")).isEqualTo(0xFFFF_FFFF);
        assertThat(f64("nan:0x4000000000000")).isEqualTo(0x7FF4_0000_0000_0000L);
        assertThatThrownBy(() -> f32("nan:0x0")).hasMessageContaining("constant out of range");
        assertThatThrownBy(() -> f32("nan:0x80_0000")).hasMessageContaining("constant out of range");
    }

    @Test
    void f32RoundsDirectlyToNearestEven() {
        // exactly halfway between 1 and the next f32: ties to even (down)
        assertThat(f32("0x1.000001p0")).isEqualTo(0x3F80_0000);
        // just above halfway: rounds up, even with the excess far beyond 53 bits
        assertThat(f32("0x1.00000100000000000000001p0")).isEqualTo(0x3F80_0001);
        // halfway with odd last bit: ties to even (up)
        assertThat(f32("0x1.000003p0")).isEqualTo(0x3F80_0002);
        // a decimal that double rounding would get wrong: 1 + 2^-24 + 2^-60
        assertThat(f32("1.000000059604644775390625000000000000001")).isEqualTo(0x3F80_0001);
        assertThat(f32("1.000000059604644775390625")).isEqualTo(0x3F80_0000);
    }

    @Test
    void subnormalsAndTheRangeLimit() {
        assertThat(f32("0x1p-149")).isEqualTo(1);
        assertThat(f32("0x1p-150")).isZero();
        assertThat(f32("0x1.000001p-149")).isEqualTo(1);
        assertThat(f32("0x1.fffffep127")).isEqualTo(0x7F7F_FFFF);
        assertThat(f32("0x1.fffffefffffffp127")).isEqualTo(0x7F7F_FFFF);
        assertThatThrownBy(() -> f32("0x1.ffffffp127")).hasMessageContaining("constant out of range");
        assertThatThrownBy(() -> f32("1e39")).hasMessageContaining("constant out of range");
        assertThatThrownBy(() -> f64("1e309")).hasMessageContaining("constant out of range");
        assertThat(f64("4.9e-324")).isEqualTo(1L);
        assertThat(f64("1e-400")).isZero();
        assertThat(f64("1e-1000000000000")).isZero();
    }

    @Test
    void malformedFloatsAreRejected() {
        assertThatThrownBy(() -> f32(".5")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> f32("1e")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> f32("0x1p")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> f32("1._5")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> f32("nan:1")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> f32("infinity")).hasMessageContaining("unknown operator");
    }
}
