package io.wasmspring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Global} from Java: the type and mutability wasm code sees are enforced. */
class GlobalApiTest {

    private static final String MODULE = """
            (module
              (type $to_i32 (func (result i32)))
              (table $t 1 funcref)
              (global (export "const") i32 (i32.const 5))
              (global $counter (export "counter") (mut i32) (i32.const 1))
              (global (export "pi") f64 (f64.const 3.5))
              (global $fn (export "fn") (mut funcref) (ref.null func))
              (global (export "v") (mut v128) (v128.const i64x2 1 2))
              (func (export "f") (result i32) i32.const 42)
              (func (export "counter_value") (result i32) global.get $counter)
              (func (export "call_fn") (result i32)
                i32.const 0 global.get $fn table.set $t
                i32.const 0 call_indirect $t (type $to_i32)))
            """;

    private final Instance instance = Module.parseText(MODULE).instantiate();

    @Test
    void anImmutableGlobalCannotBeChanged() {
        Global constant = instance.global("const");
        assertThatThrownBy(() -> constant.setBits(6)).isInstanceOf(WasmException.class).hasMessageContaining("immutable");
        assertThat(constant.getInt()).isEqualTo(5);
    }

    @Test
    void aMutableGlobalChangesForTheWasmCodeToo() {
        instance.global("counter").setBits(9);
        assertThat(instance.function("counter_value").call()).containsExactly(9);
    }

    @Test
    void typedGettersMustMatchTheType() {
        Global pi = instance.global("pi");
        assertThat(pi.getDouble()).isEqualTo(3.5);
        assertThatThrownBy(pi::getInt).isInstanceOf(WasmException.class).hasMessageContaining("f64").hasMessageContaining("i32");
        assertThatThrownBy(pi::getLong).isInstanceOf(WasmException.class);
        assertThatThrownBy(pi::getFloat).isInstanceOf(WasmException.class);
        assertThatThrownBy(() -> instance.global("counter").getDouble()).isInstanceOf(WasmException.class);
    }

    @Test
    void referencesAndNumbersDoNotMix() {
        assertThatThrownBy(() -> instance.global("counter").setRef("x"))
                .isInstanceOf(WasmException.class).hasMessageContaining("setBits");
        assertThatThrownBy(() -> instance.global("fn").setBits(1))
                .isInstanceOf(WasmException.class).hasMessageContaining("setRef");
        assertThatThrownBy(() -> instance.global("counter").setHighBits(1)).isInstanceOf(WasmException.class);
        assertThatThrownBy(() -> instance.global("fn").setRef("not a function"))
                .isInstanceOf(WasmException.class).hasMessageContaining("funcref global");
        assertThat(instance.global("fn").ref()).isNull();
    }

    @Test
    void aFuncrefGlobalTakesAnExportedFunction() {
        instance.global("fn").setRef(instance.function("f"));
        assertThat(instance.function("call_fn").call()).containsExactly(42);
    }

    @Test
    void aV128GlobalSetsBothHalves() {
        Global v = instance.global("v");
        v.setBits(3);
        v.setHighBits(4);
        assertThat(v.bits()).isEqualTo(3);
        assertThat(v.highBits()).isEqualTo(4);
    }

    @Test
    void ofRefMakesAnImmutableReferenceGlobal() {
        Global g = Global.ofRef(new GlobalType(ValueType.EXTERNREF, false), "host");
        assertThat(g.ref()).isEqualTo("host");
        assertThatThrownBy(() -> g.setRef("other")).hasMessageContaining("immutable");
        assertThatThrownBy(() -> Global.ofRef(new GlobalType(ValueType.I32, false), "x")).isInstanceOf(WasmException.class);
    }
}
