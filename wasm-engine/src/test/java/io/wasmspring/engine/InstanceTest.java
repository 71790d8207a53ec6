package io.wasmspring.engine;

import static io.wasmspring.engine.HandBuiltModules.I32_TO_VOID;
import static io.wasmspring.engine.HandBuiltModules.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.runtime.ConstantExpressions;
import org.junit.jupiter.api.Test;

class InstanceTest {

    private final Imports imports = Imports.builder().function("env", "log", I32_TO_VOID, (c, a) -> null).build();

    private final Module module = module()
            .importFunction("env", "log", I32_TO_VOID)
            .memory(1, 1)
            .table(ValueType.FUNCREF, 1)
            .global(new GlobalType(ValueType.I32, true), ConstantExpressions.i32(3))
            .export("log", ExternalKind.FUNCTION, 0)
            .export("memory", ExternalKind.MEMORY, 0)
            .export("table", ExternalKind.TABLE, 0)
            .export("counter", ExternalKind.GLOBAL, 0)
            .build();

    @Test
    void exportsAreFoundByName() {
        Instance instance = module.instantiate(imports);
        assertThat(instance.module()).isSameAs(module);
        assertThat(instance.exports()).isEqualTo(module.exports());
        assertThat(instance.function("log").name()).isEqualTo("log");
        assertThat(instance.function("log").type()).isEqualTo(I32_TO_VOID);
        assertThat(instance.function("log")).isSameAs(instance.function("log"));
        assertThat(instance.memory("memory")).isSameAs(instance.memory());
        assertThat(instance.table("table").size()).isEqualTo(1);
        assertThat(instance.global("counter").getInt()).isEqualTo(3);
    }

    @Test
    void missingFunctionListsTheFunctionExports() {
        Instance instance = module.instantiate(imports);
        assertThatThrownBy(() -> instance.function("add"))
                .isInstanceOf(WasmException.class)
                .hasMessage("no func is exported as \"add\"; func exports: \"log\"");
    }

    @Test
    void exportOfAnotherKindIsNamedAsSuch() {
        Instance instance = module.instantiate(imports);
        assertThatThrownBy(() -> instance.function("memory"))
                .hasMessageContaining("export \"memory\" is a memory, not a func");
        assertThatThrownBy(() -> instance.memory("counter"))
                .hasMessageContaining("is a global, not a memory");
        assertThatThrownBy(() -> instance.table("nope"))
                .hasMessageContaining("no table is exported as \"nope\"; table exports: \"table\"");
        assertThatThrownBy(() -> instance.global("log")).isInstanceOf(WasmException.class);
    }

    @Test
    void moduleWithoutMemoryHasNone() {
        Instance instance = module().build().instantiate();
        assertThat(instance.memory()).isNull();
        assertThatThrownBy(() -> instance.memory("memory")).hasMessageContaining("the module exports no memory");
    }

    @Test
    void referenceHandlesRoundTripThroughTheInstancesStore() {
        Instance instance = module.instantiate(imports);
        Object token = new Object();
        long handle = instance.handle(token);
        assertThat(handle).isNotZero();
        assertThat(instance.reference(handle)).isSameAs(token);
        assertThat(instance.handle(null)).isZero();
        assertThat(instance.reference(0)).isNull();
        assertThatThrownBy(() -> instance.reference(handle + 1000))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("unknown reference handle");
    }
}
