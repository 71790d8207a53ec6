package io.wasmspring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Table} as Java code sees it: function references as callable handles, element types enforced. */
class TableApiTest {

    private static final String MODULE = """
            (module
              (type $to_i32 (func (result i32)))
              (import "env" "seven" (func $seven (result i32)))
              (table $t (export "t") 3 funcref)
              (table $e (export "e") 1 externref)
              (func $f (export "f") (result i32) i32.const 42)
              (elem (table $t) (i32.const 0) func $f $seven)
              (func (export "call") (param i32) (result i32) local.get 0 call_indirect $t (type $to_i32)))
            """;

    private static final FunctionType TO_I32 = FunctionType.of(List.of(), List.of(ValueType.I32));

    private static Instance instance() {
        return Module.parseText(MODULE).instantiate(Imports.builder()
                .function("env", "seven", TO_I32, (caller, args) -> new long[] {7}).build());
    }

    @Test
    void aFunctionReferenceReadsAsACallableHandleEqualToItsExport() {
        Instance instance = instance();
        Object element = instance.table("t").get(0);
        assertThat(element).isInstanceOf(ExportedFunction.class).isEqualTo(instance.function("f"));
        ExportedFunction f = (ExportedFunction) element;
        assertThat(f.call()).containsExactly(42);
        assertThat(f.instance()).isSameAs(instance);
        assertThat(f.type()).isEqualTo(TO_I32);
        assertThat(instance.table("t").get(2)).isNull();
    }

    @Test
    void aHostFunctionInATableIsCallableToo() {
        ExportedFunction seven = (ExportedFunction) instance().table("t").get(1);
        assertThat(seven.instance()).isNull();
        assertThat(seven.call()).containsExactly(7);
    }

    @Test
    void anExportedFunctionStoredFromJavaIsCalledIndirectly() {
        Instance instance = instance();
        Table table = instance.table("t");
        table.set(2, instance.function("f"));
        assertThat(instance.function("call").call(2)).containsExactly(42);
        table.set(2, table.get(1)); // what get returns goes back in
        assertThat(instance.function("call").call(2)).containsExactly(7);
        assertThat(table.grow(1, instance.function("f"))).isEqualTo(3);
        assertThat(instance.function("call").call(3)).containsExactly(42);
    }

    @Test
    void aFuncrefTableRefusesOtherObjects() {
        Instance instance = instance();
        Table table = instance.table("t");
        assertThatThrownBy(() -> table.set(2, "not a function"))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("funcref table holds functions")
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> table.grow(1, 12)).isInstanceOf(WasmException.class);
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.get(2)).isNull();
        assertThat(instance.function("call").call(0)).containsExactly(42);
    }

    @Test
    void anExternrefTableHoldsAnyObjectAsItIs() {
        Table table = instance().table("e");
        Object host = new StringBuilder("host");
        table.set(0, host);
        assertThat(table.get(0)).isSameAs(host);
    }

    @Test
    void indexOutOfRangeTraps() {
        Table table = instance().table("t");
        assertThatThrownBy(() -> table.get(3)).isInstanceOf(Trap.class).hasMessage(Trap.OUT_OF_BOUNDS_TABLE);
        assertThatThrownBy(() -> table.set(-1, null)).isInstanceOf(Trap.class);
    }

    @Test
    void allTablesOfAnInstanceTogetherAreCapped() {
        long half = Table.MAX_INSTANCE_ELEMENTS / 2 + 1;
        Module twoBig = Module.parseText("(module (table " + half + " funcref) (table " + half + " funcref))");
        assertThatThrownBy(twoBig::instantiate)
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("need " + 2 * half + " elements")
                .hasMessageContaining("all tables of an instance");
    }

    @Test
    void growingPastTheInstanceCapFails() {
        long big = Table.MAX_INSTANCE_ELEMENTS - 10;
        Instance instance = Module.parseText("""
                (module (table $a %d funcref) (table $b 0 funcref)
                  (func (export "grow") (param i32) (result i32) ref.null func local.get 0 table.grow $b))
                """.formatted(big)).instantiate();
        assertThat(instance.function("grow").call(10)).containsExactly(0);
        assertThat(instance.function("grow").call(1)).containsExactly(-1);
    }

    @Test
    void aMemoryTooLargeForTheJvmFailsToLinkWithAClearMessage() {
        assertThatThrownBy(() -> Module.parseText("(module (memory 65536))").instantiate())
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("65536 pages");
    }
}
