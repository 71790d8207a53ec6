package io.wasmspring.engine.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import org.junit.jupiter.api.Test;

/**
 * The dispatch loop keeps the memory's bytes in a local and reloads them only where they can
 * change under it: memory.grow, host functions, calls into and returns from another instance.
 * Each test grows the memory somewhere else and then has the running function read the new page;
 * the last checks what the context keeps once a call that caught a nested trap is over.
 */
class MemoryGrowthAcrossCallsTest {

    private static final int PAGE = 65536;
    private static final FunctionType VOID = FunctionType.of(new ValueType[0]);

    @Test
    void aHostFunctionThatGrowsTheMemoryLetsTheCallerReadTheNewPage() {
        Instance instance = Module.parseText("""
                (module
                  (import "host" "grow" (func $grow))
                  (memory (export "memory") 1)
                  (func (export "run") (result i32)
                    (call $grow)
                    (i32.load (i32.const 65540))))
                """).instantiate(Imports.builder().function("host", "grow", VOID, (caller, args) -> {
                    Memory memory = caller.memory();
                    assertThat(memory.grow(1)).isEqualTo(1);
                    memory.writeInt(PAGE + 4, 0x5EED);
                    return new long[0];
                }).build());
        assertThat(instance.function("run").call()[0]).isEqualTo(0x5EED);
    }

    @Test
    void aCalleeThatGrowsTheMemoryLetsItsCallerReadTheNewPage() {
        Instance instance = Module.parseText("""
                (module
                  (memory 1)
                  (func $growAndStore
                    (drop (memory.grow (i32.const 1)))
                    (i32.store (i32.const 65544) (i32.const 77)))
                  (func (export "run") (result i32)
                    (call $growAndStore)
                    (i32.load (i32.const 65544))))
                """).instantiate(Imports.empty());
        assertThat(instance.function("run").call()[0]).isEqualTo(77);
    }

    @Test
    void anotherInstanceGrowingASharedMemoryIsSeenAfterItsFunctionReturns() {
        Memory shared = new Memory(new io.wasmspring.engine.MemoryType(io.wasmspring.engine.Limits.of(1)));
        Instance grower = Module.parseText("""
                (module
                  (import "env" "memory" (memory 1))
                  (func (export "growAndStore")
                    (drop (memory.grow (i32.const 2)))
                    (i32.store (i32.const 131076) (i32.const 99))))
                """).instantiate(Imports.builder().memory("env", "memory", shared).build());
        Instance reader = Module.parseText("""
                (module
                  (import "env" "memory" (memory 1))
                  (import "other" "growAndStore" (func $growAndStore))
                  (func (export "run") (result i32)
                    (drop (i32.load (i32.const 0)))
                    (call $growAndStore)
                    (i32.load (i32.const 131076))))
                """).instantiate(Imports.builder().memory("env", "memory", shared)
                .function("other", "growAndStore", grower.function("growAndStore")).build());
        assertThat(reader.function("run").call()[0]).isEqualTo(99);
        assertThat(shared.pages()).isEqualTo(3);
    }

    @Test
    void aHostFunctionCallingBackIntoAGrowingExportLeavesTheOuterCallReadingTheNewPage() {
        Instance[] self = new Instance[1];
        Instance instance = Module.parseText("""
                (module
                  (import "host" "callBack" (func $callBack))
                  (memory (export "memory") 1)
                  (func (export "growAndStore")
                    (drop (memory.grow (i32.const 1)))
                    (i32.store (i32.const 65548) (i32.const 1234)))
                  (func (export "run") (param i32) (result i32)
                    (local i32)
                    (local.set 1 (i32.add (local.get 0) (i32.const 1)))
                    (call $callBack)
                    ;; the outer frame's locals and the new page, both intact
                    (i32.add (local.get 1) (i32.load (i32.const 65548)))))
                """).instantiate(Imports.builder().function("host", "callBack", VOID, (caller, args) -> {
                    self[0].function("growAndStore").call();
                    return new long[0];
                }).build());
        self[0] = instance;
        assertThat(instance.function("run").call(10)[0]).isEqualTo(1234 + 11);
    }

    @Test
    void aTrapCaughtByAHostFunctionLeavesNoFunctionReachableFromTheThread() {
        Instance failing = Module.parseText("""
                (module
                  (func $deeper unreachable)
                  (func (export "fail") (call $deeper)))
                """).instantiate(Imports.empty());
        Instance instance = Module.parseText("""
                (module
                  (import "host" "tryIt" (func $tryIt))
                  (func $inner (call $tryIt))
                  (func (export "run") (result i32) (call $inner) (i32.const 5)))
                """).instantiate(Imports.builder().function("host", "tryIt", VOID, (caller, args) -> {
                    assertThatThrownBy(() -> failing.function("fail").call()).isInstanceOf(Trap.class);
                    return new long[0];
                }).build());
        assertThat(instance.function("run").call()[0]).isEqualTo(5);
        ExecutionContext ctx = Interpreter.context();
        assertThat(ctx.callers).containsOnlyNulls();
        assertThat(ctx.fn).isNull();
        assertThat(ctx.inst).isNull();
        assertThat(ctx.mem).isNull();
    }
}
