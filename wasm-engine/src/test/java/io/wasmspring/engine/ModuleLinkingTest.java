package io.wasmspring.engine;

import static io.wasmspring.engine.HandBuiltModules.I32_I32_TO_I32;
import static io.wasmspring.engine.HandBuiltModules.I32_TO_VOID;
import static io.wasmspring.engine.HandBuiltModules.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.runtime.ConstantExpressions;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import org.junit.jupiter.api.Test;

/** Import resolution and matching at instantiation, on hand-built modules. */
class ModuleLinkingTest {

    private static final HostFunction NOTHING = (caller, args) -> null;

    @Test
    void missingImportNamesItAndItsType() {
        Module m = module().importFunction("env", "print", I32_TO_VOID).build();
        assertThatThrownBy(m::instantiate)
                .isInstanceOf(LinkException.class)
                .hasMessageStartingWith("unknown import \"env\".\"print\"")
                .hasMessageContaining("(func (param i32))");
    }

    @Test
    void missingImportWhenOnlyAnotherNameIsProvided() {
        Module m = module().importFunction("env", "print", I32_TO_VOID).build();
        Imports imports = Imports.builder().function("env", "printf", I32_TO_VOID, NOTHING).build();
        assertThatThrownBy(() -> m.instantiate(imports)).isInstanceOf(LinkException.class).hasMessageContaining("unknown import");
    }

    @Test
    void wrongKindIsIncompatible() {
        Module m = module().importFunction("env", "f", I32_TO_VOID).build();
        Imports imports = Imports.builder().memory("env", "f", new Memory(new MemoryType(Limits.of(1)))).build();
        assertThatThrownBy(() -> m.instantiate(imports))
                .isInstanceOf(LinkException.class)
                .hasMessageStartingWith("incompatible import type for \"env\".\"f\"")
                .hasMessageContaining("expected (func (param i32))")
                .hasMessageContaining("got (memory 1)")
                .hasMessageContaining("a memory was provided where a func is expected");
    }

    @Test
    void wrongSignatureIsIncompatible() {
        Module m = module().importFunction("env", "f", I32_TO_VOID).build();
        Imports imports = Imports.builder().function("env", "f", I32_I32_TO_I32, NOTHING).build();
        assertThatThrownBy(() -> m.instantiate(imports))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("incompatible import type")
                .hasMessageContaining("got (func (param i32 i32) (result i32))");
    }

    @Test
    void memoryMustBeLargeEnoughAndBounded() {
        Module m = module().importExtern("env", "mem", new MemoryType(new Limits(2, 4))).build();
        Imports small = Imports.builder().memory("env", "mem", new Memory(new MemoryType(new Limits(1, 4)))).build();
        Imports unbounded = Imports.builder().memory("env", "mem", new Memory(new MemoryType(Limits.of(2)))).build();
        Imports fits = Imports.builder().memory("env", "mem", new Memory(new MemoryType(new Limits(3, 3)))).build();
        assertThatThrownBy(() -> m.instantiate(small)).isInstanceOf(LinkException.class).hasMessageContaining("minimum size 1");
        assertThatThrownBy(() -> m.instantiate(unbounded)).isInstanceOf(LinkException.class).hasMessageContaining("no maximum");
        assertThat(m.instantiate(fits).memory()).isNotNull();
    }

    @Test
    void globalMutabilityMustAgree() {
        Module m = module().importExtern("env", "g", new GlobalType(ValueType.I32, false)).build();
        Imports mutable = Imports.builder().global("env", "g", Global.ofBits(new GlobalType(ValueType.I32, true), 1)).build();
        assertThatThrownBy(() -> m.instantiate(mutable))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("expected (global i32), got (global (mut i32)) (mutability differs)");
    }

    @Test
    void tableElementTypeMustAgree() {
        Module m = module().importExtern("env", "t", new TableType(ValueType.FUNCREF, Limits.of(1))).build();
        Imports externs = Imports.builder().table("env", "t", new Table(new TableType(ValueType.EXTERNREF, Limits.of(1)))).build();
        assertThatThrownBy(() -> m.instantiate(externs))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("element type differs");
    }

    @Test
    void firstBadImportIsTheOneReported() {
        Module m = module()
                .importFunction("env", "a", I32_TO_VOID)
                .importFunction("env", "b", I32_TO_VOID)
                .build();
        Imports imports = Imports.builder().function("env", "a", I32_TO_VOID, NOTHING).build();
        assertThatThrownBy(() -> m.instantiate(imports)).hasMessageContaining("\"env\".\"b\"");
    }

    @Test
    void importsAndExportsAreListedWithResolvedTypes() {
        Module m = module()
                .importFunction("env", "f", I32_TO_VOID)
                .importExtern("env", "g", new GlobalType(ValueType.F64, true))
                .memory(1, 2)
                .export("f", ExternalKind.FUNCTION, 0)
                .export("mem", ExternalKind.MEMORY, 0)
                .export("g", ExternalKind.GLOBAL, 0)
                .build();
        assertThat(m.imports()).containsExactly(
                new ImportType("env", "f", I32_TO_VOID),
                new ImportType("env", "g", new GlobalType(ValueType.F64, true)));
        assertThat(m.exports()).containsExactly(
                new ExportType("f", I32_TO_VOID),
                new ExportType("mem", new MemoryType(new Limits(1, 2))),
                new ExportType("g", new GlobalType(ValueType.F64, true)));
    }

    @Test
    void importedObjectsAreSharedNotCopied() {
        Memory memory = new Memory(new MemoryType(Limits.of(1)));
        Global global = Global.ofBits(new GlobalType(ValueType.I32, true), 5);
        Module m = module()
                .importExtern("env", "mem", new MemoryType(Limits.of(1)))
                .importExtern("env", "g", new GlobalType(ValueType.I32, true))
                .export("mem", ExternalKind.MEMORY, 0)
                .export("g", ExternalKind.GLOBAL, 0)
                .build();
        Instance instance = m.instantiate(Imports.builder().memory("env", "mem", memory).global("env", "g", global).build());
        assertThat(instance.memory()).isSameAs(memory);
        assertThat(instance.memory("mem")).isSameAs(memory);
        assertThat(instance.global("g")).isSameAs(global);
    }

    @Test
    void exportsOfAnotherInstanceAreImportable() {
        Module provider = module()
                .memory(1, 1)
                .global(new GlobalType(ValueType.I32, false), ConstantExpressions.i32(9))
                .export("mem", ExternalKind.MEMORY, 0)
                .export("nine", ExternalKind.GLOBAL, 0)
                .build();
        Instance a = provider.instantiate();
        Module user = module()
                .importExtern("a", "mem", new MemoryType(Limits.of(1)))
                .importExtern("a", "nine", new GlobalType(ValueType.I32, false))
                .global(new GlobalType(ValueType.I32, false), ConstantExpressions.globalGet(0))
                .export("copy", ExternalKind.GLOBAL, 1)
                .build();
        Instance b = user.instantiate(Imports.builder().instance("a", a).build());
        assertThat(b.memory()).isSameAs(a.memory("mem"));
        assertThat(b.global("copy").getInt()).isEqualTo(9);
        assertThat(b.state().store).isSameAs(a.state().store);
        assertThat(provider.instantiate().state().store).isNotSameAs(a.state().store);
    }

    @Test
    void missingExportOfARegisteredInstanceIsAnUnknownImport() {
        Instance a = module().build().instantiate();
        Module user = module().importExtern("a", "mem", new MemoryType(Limits.of(1))).build();
        assertThatThrownBy(() -> user.instantiate(Imports.builder().instance("a", a).build()))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("unknown import \"a\".\"mem\"")
                .hasMessageContaining("(memory 1)");
    }

    @Test
    void ownMemoryTablesAndGlobalsAreFreshPerInstance() {
        Module m = module()
                .memory(1, Limits.UNBOUNDED)
                .table(ValueType.FUNCREF, 3)
                .global(new GlobalType(ValueType.I64, true), ConstantExpressions.i64(-7))
                .export("t", ExternalKind.TABLE, 0)
                .export("g", ExternalKind.GLOBAL, 0)
                .build();
        Instance one = m.instantiate();
        Instance two = m.instantiate();
        assertThat(one.memory()).isNotSameAs(two.memory());
        assertThat(one.memory().pages()).isEqualTo(1);
        assertThat(one.table("t").size()).isEqualTo(3);
        one.global("g").setBits(1);
        assertThat(two.global("g").getLong()).isEqualTo(-7L);
    }

    @Test
    void tooLargeMemoryFailsWithALinkError() {
        Module m = module().memory(Memory.MAX_PAGES + 1L, Limits.UNBOUNDED).build();
        assertThatThrownBy(m::instantiate).isInstanceOf(LinkException.class).hasMessageContaining("pages");
    }

    @Test
    void hostFunctionImportIsTheFunctionInstanceOfTheImports() {
        Imports imports = Imports.builder().function("env", "f", I32_TO_VOID, NOTHING).build();
        Instance instance = module().importFunction("env", "f", I32_TO_VOID).build().instantiate(imports);
        assertThat(instance.state().functions[0]).isSameAs(imports.resolve("env", "f"));
        assertThat(instance.state().functions[0]).isInstanceOf(HostFunctionInstance.class);
        assertThat(instance.state().api).isSameAs(instance);
    }
}
