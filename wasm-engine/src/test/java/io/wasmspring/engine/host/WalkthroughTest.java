package io.wasmspring.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ImportType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedding walkthrough, on the same module compiled from C ({@code walkthrough.wasm}, see
 * {@code walkthrough.c} and {@code build.sh}) and written by hand ({@code walkthrough.wat}).
 */
class WalkthroughTest {

    private static final String GREETING = "👋 Hello from wasm";

    private final List<Integer> sums = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    private final HostModule env = HostModule.builder("env")
            .function("hostLogUint32", (IntConsumer) sums::add)
            .function("hostLogString", (Consumer<String>) messages::add)
            .build();

    static Module load(String file) {
        try (InputStream in = WalkthroughTest.class.getResourceAsStream("/walkthrough/" + file)) {
            assertThat(in).as("test resource walkthrough/" + file).isNotNull();
            byte[] bytes = in.readAllBytes();
            return file.endsWith(".wasm") ? Module.decode(bytes) : Module.parseText(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instance instantiate(String file) {
        return load(file).instantiate(Imports.builder().module(env).build());
    }

    private static int liveAllocations(Instance instance) {
        return (Integer) instance.function("live_allocations").call()[0];
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void importsAndExportsAreTheWalkthroughs(String file) {
        Module module = load(file);
        assertThat(module.imports()).containsExactly(
                new ImportType("env", "hostLogUint32", FunctionType.of(new ValueType[] {ValueType.I32})),
                new ImportType("env", "hostLogString", FunctionType.of(new ValueType[] {ValueType.I32, ValueType.I32})));
        assertThat(module.exports()).extracting(e -> e.name())
                .contains("memory", "add", "hello", "greet", "malloc", "free", "live_allocations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void addReturns42AndTellsTheHost(String file) {
        Instance instance = instantiate(file);
        assertThat(instance.function("add").call(20, 22)).containsExactly(42);
        assertThat(sums).containsExactly(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void helloHandsTheHostTheExactGreetingFromLinearMemory(String file) {
        Instance instance = instantiate(file);
        instance.function("hello").call();
        assertThat(messages).containsExactly(GREETING);
        assertThat(messages.get(0).codePointAt(0)).isEqualTo(0x1F44B);
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void greetTakesAStringAndReturnsANewOne(String file) {
        Instance instance = instantiate(file);
        GuestFunction<String> greet = GuestFunction.of(instance, "greet").stringArgs().returnsPackedString();
        assertThat(greet.call("Bob")).isEqualTo("Hello, Bob!");
        assertThat(greet.call("")).isEqualTo("Hello, !");
        assertThat(liveAllocations(instance)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void unicodeSurvivesTheRoundTrip(String file) {
        Instance instance = instantiate(file);
        GuestFunction<String> greet = GuestFunction.of(instance, "greet").stringArgs().returnsPackedString();
        assertThat(greet.call("Zoë 👋 日本")).isEqualTo("Hello, Zoë 👋 日本!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void repeatedCallsFreeWhatTheyAllocate(String file) {
        Instance instance = instantiate(file);
        GuestFunction<String> greet = GuestFunction.of(instance, "greet").stringArgs().returnsPackedString();
        String name = "x".repeat(1000);
        greet.call(name);
        int pages = instance.memory().pages();
        for (int i = 0; i < 500; i++) {
            assertThat(greet.call(name)).hasSize(1008);
        }
        assertThat(instance.memory().pages()).isEqualTo(pages);
        assertThat(liveAllocations(instance)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void theLowLevelPathGivesTheSameResult(String file) {
        Instance instance = instantiate(file);
        GuestMemory guest = GuestMemory.of(instance);
        long packed;
        try (GuestBuffer name = guest.writeString("Bob")) {
            packed = (Long) instance.function("greet").call(name.pointer(), name.length())[0];
        }
        assertThat(guest.readPackedString(packed)).isEqualTo("Hello, Bob!");
        assertThat(liveAllocations(instance)).isEqualTo(1);
        guest.free(GuestMemory.packedPointer(packed), GuestMemory.packedLength(packed));
        assertThat(liveAllocations(instance)).isZero();
    }

    /** The host functions as annotated methods of an object. */
    static class Console {
        final List<String> lines = new ArrayList<>();

        @WasmImport
        void hostLogUint32(int value) {
            lines.add("u32 " + Integer.toUnsignedString(value));
        }

        @WasmImport(module = "env", name = "hostLogString")
        void logString(String text) {
            lines.add(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void annotatedHostObjectsWorkTheSame(String file) {
        Console console = new Console();
        Imports.Builder imports = Imports.builder();
        HostModule.fromAnnotated(console).forEach(imports::module);
        Instance instance = load(file).instantiate(imports.build());
        instance.function("add").call(-1, 0);
        instance.function("hello").call();
        assertThat(console.lines).containsExactly("u32 4294967295", GREETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void aFailingHostFunctionFailsTheCallAndTheInstanceStaysUsable(String file) {
        HostModule failing = HostModule.builder("env")
                .function("hostLogUint32", (IntConsumer) v -> {
                    if (v == 13) {
                        throw new IllegalArgumentException("unlucky " + v);
                    }
                    sums.add(v);
                })
                .function("hostLogString", (Consumer<String>) messages::add)
                .build();
        Instance instance = load(file).instantiate(Imports.builder().module(failing).build());
        ExportedFunction add = instance.function("add");
        assertThatThrownBy(() -> add.call(6, 7))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("env.hostLogUint32")
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("unlucky 13");
        assertThat(add.call(20, 22)).containsExactly(42);
        assertThat(GuestFunction.of(instance, "greet").returnsPackedString().call("again")).isEqualTo("Hello, again!");
        assertThat(sums).containsExactly(42);
    }
}
