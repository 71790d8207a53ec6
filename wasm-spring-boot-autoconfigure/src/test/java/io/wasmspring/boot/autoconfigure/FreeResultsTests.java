package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.boot.WasmModule;
import io.wasmspring.engine.Module;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code allocator.free-results}: the buffer a string result was read from goes back to the guest's allocator. */
class FreeResultsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
            .withPropertyValues("wasm.modules.greeter.location=classpath:wasm/greet.wat");

    /** greet.wat counts the calls of its free. */
    private static int freesAfterOneGreeting(WasmModule greeter) {
        return greeter.withInstance(lent -> {
            int before = lent.callInt("freed");
            assertThat(lent.callString("greet", "Bob")).isEqualTo("Hello, Bob!");
            return lent.callInt("freed") - before;
        });
    }

    @Test
    void byDefaultOnlyTheArgumentsAreFreed() {
        runner.run(context -> assertThat(freesAfterOneGreeting(context.getBean("greeter", WasmModule.class))).isEqualTo(1));
    }

    @Test
    void withFreeResultsTheResultBufferIsFreedToo() {
        runner.withPropertyValues("wasm.modules.greeter.allocator.free-results=true").run(context ->
                assertThat(freesAfterOneGreeting(context.getBean("greeter", WasmModule.class))).isEqualTo(2));
    }

    @Test
    void aSizedDeallocatorIsToldTheResultsLength() {
        // alloc/dealloc(ptr, size); "name" returns (ptr, len) of a fresh copy of "wasm".
        Module module = Module.parseText("""
                (module
                  (memory (export "memory") 1)
                  (global $heap (mut i32) (i32.const 1024))
                  (global $freedPtr (mut i32) (i32.const -1))
                  (global $freedSize (mut i32) (i32.const -1))
                  (data (i32.const 16) "wasm")
                  (func $alloc (export "alloc") (param $size i32) (result i32)
                    (local $p i32)
                    (local.set $p (global.get $heap))
                    (global.set $heap (i32.add (global.get $heap) (local.get $size)))
                    (local.get $p))
                  (func (export "dealloc") (param i32 i32)
                    (global.set $freedPtr (local.get 0))
                    (global.set $freedSize (local.get 1)))
                  (func (export "name") (result i32 i32)
                    (local $p i32)
                    (local.set $p (call $alloc (i32.const 4)))
                    (memory.copy (local.get $p) (i32.const 16) (i32.const 4))
                    (local.get $p) (i32.const 4))
                  (func (export "freed") (result i32 i32) (global.get $freedPtr) (global.get $freedSize)))
                """);
        WasmModule named = WasmModule.builder("named", module).freeResults(true).build();
        Object[] freed = named.withInstance(lent -> {
            assertThat(lent.callString("name")).isEqualTo("wasm");
            return lent.call("freed", Object[].class);
        });
        assertThat(freed).containsExactly(1024, 4);
    }

    @Test
    void freeResultsWithoutAFunctionToFreeWithFailsAtStartUp() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
                .withPropertyValues("wasm.modules.adder.location=classpath:wasm/add.wat",
                        "wasm.modules.adder.allocator.free-results=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("free-results")
                            .hasMessageContaining("exports no function to free");
                });
    }
}
