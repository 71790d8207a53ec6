package io.wasmspring.engine;

import static io.wasmspring.engine.HandBuiltModules.I32_TO_VOID;
import static io.wasmspring.engine.HandBuiltModules.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.runtime.HostFunctionInstance;
import org.junit.jupiter.api.Test;

class ImportsTest {

    private static final HostFunction NOTHING = (caller, args) -> null;

    @Test
    void emptyResolvesNothing() {
        assertThat(Imports.empty().resolve("env", "f")).isNull();
        assertThat(Imports.builder().build()).isSameAs(Imports.empty());
    }

    @Test
    void hostFunctionResolvesToAFunctionInstanceOfItsType() {
        Imports imports = Imports.builder().function("env", "print", I32_TO_VOID, NOTHING).build();
        Object resolved = imports.resolve("env", "print");
        assertThat(resolved).isInstanceOf(HostFunctionInstance.class);
        HostFunctionInstance f = (HostFunctionInstance) resolved;
        assertThat(f.type).isEqualTo(I32_TO_VOID);
        assertThat(f.handler).isSameAs(NOTHING);
        assertThat(f.displayName()).isEqualTo("env.print");
        assertThat(imports.resolve("env", "other")).isNull();
        assertThat(imports.resolve("other", "print")).isNull();
    }

    @Test
    void memoriesTablesAndGlobalsResolveToTheObjectsGiven() {
        Memory memory = new Memory(new MemoryType(Limits.of(0)));
        Table table = new Table(new TableType(ValueType.FUNCREF, Limits.of(0)));
        Global global = Global.ofBits(new GlobalType(ValueType.I32, false), 1);
        Imports imports = Imports.builder()
                .memory("env", "memory", memory)
                .table("env", "table", table)
                .global("js", "g", global)
                .build();
        assertThat(imports.resolve("env", "memory")).isSameAs(memory);
        assertThat(imports.resolve("env", "table")).isSameAs(table);
        assertThat(imports.resolve("js", "g")).isSameAs(global);
    }

    @Test
    void instanceExposesEveryExportAndNamedEntriesWin() {
        Instance instance = module().memory(1, 1).export("memory", ExternalKind.MEMORY, 0).export("m2", ExternalKind.MEMORY, 0)
                .build().instantiate();
        Memory other = new Memory(new MemoryType(Limits.of(0)));
        Imports imports = Imports.builder().instance("lib", instance).memory("lib", "m2", other).build();
        assertThat(imports.resolve("lib", "memory")).isSameAs(instance.memory());
        assertThat(imports.resolve("lib", "m2")).isSameAs(other);
        assertThat(imports.resolve("lib", "absent")).isNull();
    }

    @Test
    void laterBindingReplacesEarlierOne() {
        Global first = Global.ofBits(new GlobalType(ValueType.I32, false), 1);
        Global second = Global.ofBits(new GlobalType(ValueType.I32, false), 2);
        Imports imports = Imports.builder().global("m", "g", first).global("m", "g", second).build();
        assertThat(imports.resolve("m", "g")).isSameAs(second);
    }

    @Test
    void toBuilderExtendsWithoutChangingTheOriginal() {
        Imports base = Imports.builder().function("env", "a", I32_TO_VOID, NOTHING).build();
        Imports extended = base.toBuilder().function("env", "b", I32_TO_VOID, NOTHING).build();
        assertThat(extended.resolve("env", "a")).isSameAs(base.resolve("env", "a"));
        assertThat(extended.resolve("env", "b")).isNotNull();
        assertThat(base.resolve("env", "b")).isNull();
    }

    @Test
    void nullArgumentsAreReportedByName() {
        assertThatThrownBy(() -> Imports.builder().function("env", "f", I32_TO_VOID, null))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("no function given for \"env\".\"f\"");
        assertThatThrownBy(() -> Imports.builder().memory(null, "m", new Memory(new MemoryType(Limits.of(0)))))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("must not be null");
        assertThatThrownBy(() -> Imports.builder().instance("lib", null))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("\"lib\"");
    }
}
