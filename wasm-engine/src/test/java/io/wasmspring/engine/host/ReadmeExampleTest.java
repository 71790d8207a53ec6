package io.wasmspring.engine.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The README's "Host functions and strings" examples, as written there. */
class ReadmeExampleTest {

    @Test
    void theBuilderExample() {
        List<String> printed = new ArrayList<>();
        HostModule env = HostModule.builder("env")
                .function("hostLogUint32", (IntConsumer) sum -> printed.add("sum " + sum))
                .function("hostLogString", (Consumer<String>) printed::add)
                .build();
        Instance instance = WalkthroughTest.load("walkthrough.wasm")
                .instantiate(Imports.builder().module(env).build());

        assertThat(instance.function("add").call(20, 22)).containsExactly(42);
        GuestFunction<String> greet = GuestFunction.of(instance, "greet").stringArgs().returnsPackedString();
        String hello = greet.call("Bob");
        assertThat(hello).isEqualTo("Hello, Bob!");
        assertThat(printed).containsExactly("sum 42");
    }

    static class Console {
        final List<String> lines = new ArrayList<>();
        Memory seenMemory;

        @WasmImport
        void hostLogUint32(int value) {
            lines.add(Integer.toString(value));
        }

        @WasmImport(name = "hostLogString")
        void log(String text, Memory memory) {
            lines.add(text);
            seenMemory = memory;
        }
    }

    @Test
    void theAnnotatedExample() {
        Console console = new Console();
        Imports.Builder imports = Imports.builder();
        HostModule.fromAnnotated(console).forEach(imports::module);
        Instance instance = WalkthroughTest.load("walkthrough.wat").instantiate(imports.build());
        instance.function("add").call(1, 2);
        instance.function("hello").call();
        assertThat(console.lines).containsExactly("3", "👋 Hello from wasm");
        assertThat(console.seenMemory).isSameAs(instance.memory());
    }
}
