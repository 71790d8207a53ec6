package io.wasmspring.engine.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.host.HostModule;
import io.wasmspring.engine.wasi.WasiCommand;
import io.wasmspring.engine.wasi.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed real programs (C, Rust, AssemblyScript and hand-written WAT under {@code
 * programs/}, and the embedding walkthrough) decoded twice, with and without superinstructions,
 * and run the same way: everything they print, return, leave in their sandbox or in memory must
 * be identical. Go's binary is left out: decoding its 2.6 MB twice and running it four times
 * takes over 5 s, and the other four already run compiler output using nearly every
 * superinstruction ({@link #realCompilerOutputIsFused} prints which).
 */
class FusionOnRealProgramsTest {

    private static final String[] ARGS = {"prog", "alpha", "beta gamma"};

    /** What one WASI run produced. */
    record Run(String stdout, String stderr, int exitCode, Map<String, String> files) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c", "rust", "assemblyscript", "wat"})
    void wasiProgramsBehaveTheSameWithAndWithoutFusion(String language, @TempDir Path dir) throws IOException {
        byte[] wasm = resource("/programs/" + language + "/main.wasm");
        Module fused = FusionComparison.lowered(true, () -> Module.decode(wasm));
        Module plain = FusionComparison.lowered(false, () -> Module.decode(wasm));

        Map<String, String> env = Map.of("GREETING", "hello", "EXIT_CODE", "7");
        Run fusedRun = run(fused, Files.createDirectory(dir.resolve("fused")), false, env);
        Run plainRun = run(plain, Files.createDirectory(dir.resolve("plain")), false, env);
        assertThat(fusedRun).isEqualTo(plainRun);
        // the program got to its end and through its checks, not just equally far
        assertThat(fusedRun.exitCode()).isEqualTo(7);
        assertThat(fusedRun.stdout()).startsWith("hello from " + language + "\n").endsWith("random ok\nexit 7\n");

        Run fusedReadOnly = run(fused, Files.createDirectory(dir.resolve("fused-ro")), true, env);
        Run plainReadOnly = run(plain, Files.createDirectory(dir.resolve("plain-ro")), true, env);
        assertThat(fusedReadOnly).isEqualTo(plainReadOnly);
        assertThat(fusedReadOnly.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c", "rust", "assemblyscript", "wat"})
    void realCompilerOutputIsFused(String language) {
        Module module = Module.decode(resource("/programs/" + language + "/main.wasm"));
        Set<String> fused = superinstructions(FusionComparison.lowered(true, () -> Compiler.compile(module.structure())));
        Set<String> plain = superinstructions(FusionComparison.lowered(false, () -> Compiler.compile(module.structure())));
        System.out.printf("%s uses %d superinstructions: %s%n", language, fused.size(), fused);
        assertThat(fused).as("superinstructions in the fused lowering").isNotEmpty();
        assertThat(plain).as("superinstructions in the plain lowering").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"walkthrough.wasm", "walkthrough.wat"})
    void theWalkthroughReturnsLogsAndLeavesMemoryTheSame(String file) {
        byte[] bytes = resource("/walkthrough/" + file);
        Walkthrough fused = FusionComparison.lowered(true, () -> Walkthrough.run(load(file, bytes)));
        Walkthrough plain = FusionComparison.lowered(false, () -> Walkthrough.run(load(file, bytes)));

        assertThat(fused.results).isEqualTo(plain.results);
        assertThat(fused.hostLog).isEqualTo(plain.hostLog);
        assertThat(Arrays.mismatch(fused.memory, plain.memory)).as("first differing memory byte").isEqualTo(-1);
        assertThat(fused.results).startsWith("add 42", "add 4294967295");
        assertThat(fused.results).contains("greet Hello, Bob!", "greet Hello, Zoë 👋 日本!", "live 0");
    }

    private static Module load(String file, byte[] bytes) {
        return file.endsWith(".wasm") ? Module.decode(bytes) : Module.parseText(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The names of the superinstructions (opcodes from {@link Op#I32_ADD_CONST} on, bar v128 forms and SIMD) used. */
    private static Set<String> superinstructions(CompiledFunction[] functions) {
        Set<String> fusions = new TreeSet<>();
        for (int op = Op.I32_ADD_CONST; op < Op.COUNT; op++) {
            if (!(op >= Op.LOCAL_GET_V128 && op <= Op.SELECT_V128 || op == Op.SIMD)) {
                fusions.add(Op.name(op));
            }
        }
        Set<String> used = new TreeSet<>();
        for (CompiledFunction f : functions) {
            used.addAll(FusionComparison.instructionNames(f.disassemble()));
        }
        used.retainAll(fusions);
        return used;
    }

    /** The embedding walkthrough's calls, in order, with what they returned and what the host saw. */
    private record Walkthrough(List<String> results, List<String> hostLog, byte[] memory) {

        static Walkthrough run(Module module) {
            List<String> log = new ArrayList<>();
            HostModule env = HostModule.builder("env")
                    .function("hostLogUint32", (IntConsumer) v -> log.add("u32 " + Integer.toUnsignedString(v)))
                    .function("hostLogString", (Consumer<String>) s -> log.add("string " + s))
                    .build();
            Instance instance = module.instantiate(Imports.builder().module(env).build());
            List<String> results = new ArrayList<>();
            results.add("add " + unsigned(instance.function("add").call(20, 22)[0]));
            results.add("add " + unsigned(instance.function("add").call(-1, 0)[0]));
            results.add("add " + unsigned(instance.function("add").call(Integer.MAX_VALUE, 1)[0]));
            instance.function("hello").call();
            for (String name : new String[] {"Bob", "", "Zoë 👋 日本", "x".repeat(1000)}) {
                results.add("greet " + greet(instance, name));
            }
            results.add("live " + instance.function("live_allocations").call()[0]);
            return new Walkthrough(results, log, instance.memory().buffer().clone());
        }

        private static String unsigned(Object i32) {
            return Integer.toUnsignedString((Integer) i32);
        }

        /** greet(name) through malloc and raw memory; frees both strings afterwards. */
        private static String greet(Instance instance, String name) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            int pointer = (Integer) instance.function("malloc").call(utf8.length)[0];
            instance.memory().writeBytes(pointer, utf8);
            long packed = (Long) instance.function("greet").call(pointer, utf8.length)[0];
            int out = (int) (packed >>> 32);
            String greeting = instance.memory().readString(out, (int) packed);
            instance.function("free").call(pointer);
            instance.function("free").call(out);
            return greeting;
        }
    }

    private static Run run(Module module, Path sandbox, boolean readOnly, Map<String, String> env) throws IOException {
        Files.writeString(sandbox.resolve("input.txt"), "line from the host\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder()
                .args(ARGS)
                .env(env)
                .stdout(out)
                .stderr(err)
                .random(new Random(42))
                .preopen(sandbox, "/sandbox", readOnly)
                .build();
        int exitCode = WasiCommand.run(module, config);
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), exitCode,
                filesUnder(sandbox));
    }

    private static Map<String, String> filesUnder(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (!p.equals(root)) {
                    String name = root.relativize(p).toString().replace('\\', '/');
                    files.put(Files.isDirectory(p) ? name + "/" : name, Files.isDirectory(p) ? "" : Files.readString(p));
                }
            }
        }
        return files;
    }

    private static byte[] resource(String name) {
        try (InputStream in = FusionOnRealProgramsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
