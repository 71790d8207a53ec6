package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArgsEnvFunctionsTest {

    private final WasiTestSupport t = new WasiTestSupport(WasiConfig.builder()
            .args("prog", "héllo", "")
            .env("A", "1").env("PATH", "/bin")
            .build());

    @Test
    void argsSizesCountNulTerminators() {
        assertThat(t.call("args_sizes_get", 100, 104)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(3);
        assertThat(t.memory.readInt(104)).isEqualTo(5 + 7 + 1); // "prog\0" "héllo\0" (é is 2 bytes) "\0"
    }

    @Test
    void argsGetWritesPointersAndStrings() {
        assertThat(t.call("args_get", 100, 200)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(200);
        assertThat(t.memory.readInt(104)).isEqualTo(205);
        assertThat(t.memory.readInt(108)).isEqualTo(212);
        assertThat(t.readString(200, 13)).isEqualTo("prog\0héllo\0\0");
    }

    @Test
    void environIsNameEqualsValue() {
        assertThat(t.call("environ_sizes_get", 100, 104)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(2);
        assertThat(t.memory.readInt(104)).isEqualTo(4 + 10);
        assertThat(t.call("environ_get", 100, 200)).isZero();
        assertThat(t.readString(t.memory.readInt(104), 9)).isEqualTo("PATH=/bin");
    }

    @Test
    void pointerOutsideMemoryIsFault() {
        assertThat(t.call("args_get", 65534, 200)).isEqualTo(Errno.FAULT);
        assertThat(t.call("args_sizes_get", -1, 0)).isEqualTo(Errno.FAULT);
    }
}
