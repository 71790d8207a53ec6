package io.wasmspring.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.ValueType;
import org.junit.jupiter.api.Test;

class ArgumentLiteralsTest {

    @Test
    void integersInDecimalOrHexSignedOrUnsigned() throws Exception {
        assertThat(ArgumentLiterals.parse(ValueType.I32, "42")).isEqualTo(42);
        assertThat(ArgumentLiterals.parse(ValueType.I32, "-1")).isEqualTo(0xffffffffL);
        assertThat(ArgumentLiterals.parse(ValueType.I32, "4294967295")).isEqualTo(0xffffffffL);
        assertThat(ArgumentLiterals.parse(ValueType.I32, "0x10")).isEqualTo(16);
        assertThat(ArgumentLiterals.parse(ValueType.I32, "-0x80000000")).isEqualTo(0x80000000L);
        assertThat(ArgumentLiterals.parse(ValueType.I64, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(ArgumentLiterals.parse(ValueType.I64, "0xffffffffffffffff")).isEqualTo(-1L);
    }

    @Test
    void integersOutOfRangeOrNotNumbersAreRejected() {
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.I32, "4294967296")).isInstanceOf(UsageException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.I32, "-2147483649")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.I64, "18446744073709551616")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.I32, "ten")).isInstanceOf(UsageException.class)
                .hasMessage("not a valid i32: ten");
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.I32, "--1")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.I32, "")).isInstanceOf(UsageException.class);
    }

    @Test
    void floatsInDecimalHexAndSpecialValues() throws Exception {
        assertThat(ArgumentLiterals.parse(ValueType.F32, "1.5")).isEqualTo(0x3fc00000L);
        assertThat(ArgumentLiterals.parse(ValueType.F32, "-0")).isEqualTo(0x80000000L);
        assertThat(ArgumentLiterals.parse(ValueType.F32, "0x1p4")).isEqualTo(Float.floatToRawIntBits(16f));
        assertThat(ArgumentLiterals.parse(ValueType.F32, "0x10")).isEqualTo(Float.floatToRawIntBits(16f));
        assertThat(ArgumentLiterals.parse(ValueType.F32, "0x1f")).isEqualTo(Float.floatToRawIntBits(31f));
        assertThat(ArgumentLiterals.parse(ValueType.F32, "nan")).isEqualTo(0x7fc00000L);
        assertThat(ArgumentLiterals.parse(ValueType.F32, "-nan:0x1")).isEqualTo(0xff800001L);
        assertThat(ArgumentLiterals.parse(ValueType.F32, "inf")).isEqualTo(0x7f800000L);
        assertThat(ArgumentLiterals.parse(ValueType.F64, "-infinity")).isEqualTo(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY));
        assertThat(ArgumentLiterals.parse(ValueType.F64, "2.5e3")).isEqualTo(Double.doubleToRawLongBits(2500));
        assertThat(ArgumentLiterals.parse(ValueType.F64, "nan:0x4")).isEqualTo(0x7ff0000000000004L);
    }

    @Test
    void badFloatsAndUnsupportedTypesAreRejected() {
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.F32, "1.5f")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.F64, "NaN:0x0")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.F64, "Infinityx")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> ArgumentLiterals.parse(ValueType.EXTERNREF, "1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot be given on the command line");
    }
}
