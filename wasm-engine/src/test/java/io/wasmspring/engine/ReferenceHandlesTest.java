package io.wasmspring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reference handles that no store gave out fail with a clear engine error, never an internal one. */
class ReferenceHandlesTest {

    private static final FunctionType TO_EXTERNREF = FunctionType.of(List.of(), List.of(ValueType.EXTERNREF));

    private static final String MODULE = """
            (module
              (import "env" "make" (func $make (result externref)))
              (table $e 1 externref)
              (func (export "made") (result externref) call $make)
              (func (export "keep") (param externref) i32.const 0 local.get 0 table.set $e)
              (func (export "kept") (result externref) i32.const 0 table.get $e))
            """;

    private static Instance instance(long handleReturnedByHost) {
        return Module.parseText(MODULE).instantiate(Imports.builder()
                .function("env", "make", TO_EXTERNREF, (caller, args) -> new long[] {handleReturnedByHost}).build());
    }

    @Test
    void aHostReturningAnUnknownHandleTraps() {
        assertThatThrownBy(() -> instance(999).function("made").call())
                .isInstanceOf(Trap.class)
                .hasMessageContaining("unknown reference handle 999");
    }

    @Test
    void aRawCallWithAnUnknownHandleIsRefusedBeforeRunning() {
        Instance instance = instance(0);
        assertThatThrownBy(() -> instance.function("keep").callRaw(999))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("argument 0 (externref) is 999")
                .hasMessageContaining("not a reference handle");
        assertThatThrownBy(() -> instance.function("keep").callRaw(-1)).isInstanceOf(WasmException.class);
        assertThat(instance.function("kept").call()).containsExactly((Object) null);
    }

    @Test
    void validHandlesStillWork() {
        Instance instance = instance(0);
        instance.function("keep").call("payload");
        long handle = instance.function("kept").callRaw()[0];
        assertThat(handle).isNotZero();
        instance.function("keep").callRaw(handle);
        instance.function("keep").callRaw(0);
        assertThat(instance.function("kept").call()).containsExactly((Object) null);
    }
}
