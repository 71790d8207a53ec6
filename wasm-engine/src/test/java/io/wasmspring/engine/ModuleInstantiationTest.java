package io.wasmspring.engine;

import static io.wasmspring.engine.HandBuiltModules.I32_TO_VOID;
import static io.wasmspring.engine.HandBuiltModules.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.runtime.ConstantExpressions;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.SegmentMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Globals, segments and the start function at instantiation, on hand-built modules. */
class ModuleInstantiationTest {

    private static final FunctionType VOID = FunctionType.of(List.of(), List.of());

    @Test
    void globalsAreInitializedInOrderFromImportsAndEarlierGlobals() {
        Global imported = Global.ofBits(new GlobalType(ValueType.I32, false), 40);
        Module m = module()
                .importExtern("env", "base", new GlobalType(ValueType.I32, false))
                .global(new GlobalType(ValueType.I32, false), ConstantExpressions.globalGet(0))
                .global(new GlobalType(ValueType.I32, true), ConstantExpressions.globalGet(1))
                .global(new GlobalType(ValueType.F32, false), ConstantExpressions.f32(2.5f))
                .global(new GlobalType(ValueType.EXTERNREF, true), ConstantExpressions.refNull(0x6F))
                .export("second", ExternalKind.GLOBAL, 2)
                .export("f", ExternalKind.GLOBAL, 3)
                .export("ref", ExternalKind.GLOBAL, 4)
                .build();
        Instance instance = m.instantiate(Imports.builder().global("env", "base", imported).build());
        assertThat(instance.global("second").getInt()).isEqualTo(40);
        assertThat(instance.global("f").getFloat()).isEqualTo(2.5f);
        assertThat(instance.global("ref").ref()).isNull();
    }

    @Test
    void activeDataIsCopiedAndDroppedPassiveDataIsKept() {
        Module m = module()
                .memory(1, 1)
                .activeData(0, ConstantExpressions.i32(8), "hi")
                .passiveData("later")
                .build();
        Instance instance = m.instantiate();
        assertThat(new String(instance.memory().readBytes(8, 2), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(instance.state().datas[0]).isEmpty();
        assertThat(new String(instance.state().datas[1], StandardCharsets.UTF_8)).isEqualTo("later");
    }

    @Test
    void dataOutOfBoundsTrapsAndKeepsEarlierWrites() {
        Memory memory = new Memory(new MemoryType(Limits.of(1)));
        Module m = module()
                .importExtern("env", "mem", new MemoryType(Limits.of(1)))
                .activeData(0, ConstantExpressions.i32(0), "ok")
                .activeData(0, ConstantExpressions.i32(MemoryType.PAGE_SIZE - 1), "xy")
                .activeData(0, ConstantExpressions.i32(4), "never")
                .build();
        Imports imports = Imports.builder().memory("env", "mem", memory).build();
        assertThatThrownBy(() -> m.instantiate(imports))
                .isInstanceOf(Trap.class)
                .hasMessageStartingWith(Trap.OUT_OF_BOUNDS_MEMORY)
                .hasMessageContaining("data segment 1");
        assertThat(memory.readBytes(0, 2)).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
        assertThat(memory.readByte(4)).isZero();
        assertThat(memory.readByte(MemoryType.PAGE_SIZE - 1)).isZero();
    }

    @Test
    void dataOffsetIsUnsigned() {
        Module m = module().memory(1, 1).activeData(0, ConstantExpressions.i32(-1), "a").build();
        assertThatThrownBy(m::instantiate).isInstanceOf(Trap.class).hasMessageContaining("offset 4294967295");
    }

    @Test
    void emptyDataSegmentAtTheEndFits() {
        Module m = module().memory(1, 1).activeData(0, ConstantExpressions.i32(MemoryType.PAGE_SIZE), "").build();
        assertThat(m.instantiate().memory().size()).isEqualTo(MemoryType.PAGE_SIZE);
    }

    @Test
    void activeElementsFillTheTableWithFunctionInstances() {
        Imports imports = Imports.builder().function("env", "f", I32_TO_VOID, (c, a) -> null).build();
        Module m = module()
                .importFunction("env", "f", I32_TO_VOID)
                .table(ValueType.FUNCREF, 4)
                .elements(SegmentMode.ACTIVE, 0, ConstantExpressions.i32(1), ConstantExpression.refFunc(0),
                        ConstantExpressions.refNull(0x70), ConstantExpression.refFunc(0))
                .elements(SegmentMode.PASSIVE, 0, null, ConstantExpression.refFunc(0))
                .elements(SegmentMode.DECLARATIVE, 0, null, ConstantExpression.refFunc(0))
                .export("t", ExternalKind.TABLE, 0)
                .build();
        Instance instance = m.instantiate(imports);
        Table table = instance.table("t");
        Object f = imports.resolve("env", "f");
        assertThat(table.elements()).containsExactly(null, f, null, f);
        assertThat(instance.state().elements[0]).isEmpty();
        assertThat(instance.state().elements[1]).containsExactly(f);
        assertThat(instance.state().elements[2]).isEmpty();
    }

    @Test
    void elementsOutOfBoundsTrapAfterEarlierSegmentsAndBeforeData() {
        Imports imports = Imports.builder().function("env", "f", I32_TO_VOID, (c, a) -> null).build();
        Module m = module()
                .importFunction("env", "f", I32_TO_VOID)
                .table(ValueType.FUNCREF, 2)
                .memory(1, 1)
                .elements(SegmentMode.ACTIVE, 0, ConstantExpressions.i32(0), ConstantExpression.refFunc(0))
                .elements(SegmentMode.ACTIVE, 0, ConstantExpressions.i32(1), ConstantExpression.refFunc(0),
                        ConstantExpression.refFunc(0))
                .activeData(0, ConstantExpressions.i32(0), "x")
                .build();
        assertThatThrownBy(() -> m.instantiate(imports))
                .isInstanceOf(Trap.class)
                .hasMessageStartingWith(Trap.OUT_OF_BOUNDS_TABLE)
                .hasMessageContaining("element segment 1");
    }

    @Test
    void elementsWrittenBeforeATrapStayInAnImportedTable() {
        Table table = new Table(new TableType(ValueType.FUNCREF, Limits.of(2)));
        Imports imports = Imports.builder()
                .function("env", "f", I32_TO_VOID, (c, a) -> null)
                .table("env", "t", table)
                .build();
        Module m = module()
                .importFunction("env", "f", I32_TO_VOID)
                .importExtern("env", "t", new TableType(ValueType.FUNCREF, Limits.of(2)))
                .elements(SegmentMode.ACTIVE, 0, ConstantExpressions.i32(1), ConstantExpression.refFunc(0))
                .elements(SegmentMode.ACTIVE, 0, ConstantExpressions.i32(3))
                .build();
        assertThatThrownBy(() -> m.instantiate(imports)).isInstanceOf(Trap.class);
        assertThat(table.elements()[1]).isSameAs(imports.resolve("env", "f"));
    }

    @Test
    void startFunctionRunsAfterSegmentsWithTheInstanceAsCaller() {
        List<Object> seen = new ArrayList<>();
        HostFunction start = (caller, args) -> {
            seen.add(caller == null ? "no caller" : caller.memory().readByte(0));
            return null;
        };
        Module m = module()
                .importFunction("env", "start", VOID)
                .memory(1, 1)
                .activeData(0, ConstantExpressions.i32(0), "*")
                .start(0)
                .build();
        m.instantiate(Imports.builder().function("env", "start", VOID, start).build());
        assertThat(seen).containsExactly((byte) '*');
    }

    @Test
    void startFunctionTrapFailsInstantiation() {
        HostFunction start = (caller, args) -> {
            throw new Trap(Trap.UNREACHABLE);
        };
        Module m = module().importFunction("env", "start", VOID).start(0).build();
        assertThatThrownBy(() -> m.instantiate(Imports.builder().function("env", "start", VOID, start).build()))
                .isInstanceOf(Trap.class)
                .hasMessage(Trap.UNREACHABLE);
    }
}
