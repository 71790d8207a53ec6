package io.wasmspring.engine.fuzz;

import io.wasmspring.engine.Module;
import io.wasmspring.engine.text.WatParser;
import io.wasmspring.engine.wast.Command;
import io.wasmspring.engine.wast.ModuleDefinition;
import io.wasmspring.engine.wast.WastParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The modules the fuzz targets start from, read once per JVM: our own test modules first (so that
 * a seed index means the same module with or without the spec suite), then every module of the
 * spec suite's core 2.0 scripts, read in place from {@code wasm.testsuite.dir} when it is there.
 * Nothing of the suite is copied: a committed fuzz input only holds an index and mutations.
 */
final class SeedModules {

    /**
     * Our own modules. The Go program is left out: at 2.6 MB one decode costs as much as a
     * thousand small seeds, which would slow the fuzzer down for little new code to reach.
     */
    private static final List<String> OWN_BINARIES = List.of(
            "/walkthrough/walkthrough.wasm",
            "/programs/wat/main.wasm",
            "/programs/assemblyscript/main.wasm",
            "/programs/c/main.wasm",
            "/programs/rust/main.wasm");

    private static final List<String> OWN_TEXTS = List.of(
            "/walkthrough/walkthrough.wat",
            "/programs/wat/main.wat");

    /** Binary modules: well-formed ones, valid or not (the suite's assert_invalid modules are good decoder food). */
    private final List<byte[]> binaries;
    /** The binaries that decode and validate: starting points for instantiation and execution. */
    private final List<byte[]> validBinaries;
    /** Module texts: well-formed ones and the suite's malformed {@code (module quote ...)} texts. */
    private final List<String> texts;

    private static final class Holder {
        static final SeedModules INSTANCE = load();
    }

    private SeedModules(List<byte[]> binaries, List<byte[]> validBinaries, List<String> texts) {
        this.binaries = binaries;
        this.validBinaries = validBinaries;
        this.texts = texts;
    }

    static SeedModules get() {
        return Holder.INSTANCE;
    }

    List<byte[]> binaries() {
        return binaries;
    }

    List<byte[]> validBinaries() {
        return validBinaries;
    }

    List<String> texts() {
        return texts;
    }

    /** The spec suite's core 2.0 folder from {@code wasm.testsuite.dir}, or {@code null} when absent. */
    static Path specSuite() {
        String dir = System.getProperty("wasm.testsuite.dir");
        if (dir == null) {
            return null;
        }
        Path path = Path.of(dir, "core-2.0");
        return Files.isDirectory(path) ? path : null;
    }

    private static SeedModules load() {
        Set<Bytes> binaries = new LinkedHashSet<>();
        Set<String> texts = new LinkedHashSet<>();
        for (String resource : OWN_BINARIES) {
            binaries.add(new Bytes(resource(resource)));
        }
        for (String resource : OWN_TEXTS) {
            String text = new String(resource(resource), StandardCharsets.UTF_8);
            texts.add(text);
            binaries.add(new Bytes(WatParser.parseModule(text)));
        }
        Path suite = specSuite();
        if (suite != null) {
            for (Path script : scripts(suite)) {
                for (ModuleDefinition module : modulesOf(script)) {
                    addSeed(module, binaries, texts);
                }
            }
        }
        List<byte[]> all = binaries.stream().map(Bytes::value).toList();
        List<byte[]> valid = all.stream().filter(SeedModules::isValid).toList();
        return new SeedModules(all, valid, List.copyOf(texts));
    }

    private static void addSeed(ModuleDefinition module, Set<Bytes> binaries, Set<String> texts) {
        switch (module.kind()) {
            case BINARY -> binaries.add(new Bytes(module.bytes()));
            case QUOTE -> texts.add("(module " + module.text() + ")");
            case TEXT -> {
                texts.add(module.text());
                try {
                    binaries.add(new Bytes(WatParser.parseModule(module.text())));
                } catch (RuntimeException malformed) {
                    // Only its text is a seed then.
                }
            }
        }
    }

    /** The modules of a script, the ones in assert_malformed (as text) included. */
    private static List<ModuleDefinition> modulesOf(Path script) {
        List<ModuleDefinition> modules = new ArrayList<>();
        for (Command command : WastParser.parse(read(script))) {
            if (command instanceof Command.Module m) {
                modules.add(m.module());
            } else if (command instanceof Command.AssertInvalid a) {
                modules.add(a.module());
            } else if (command instanceof Command.AssertUnlinkable a) {
                modules.add(a.module());
            } else if (command instanceof Command.AssertUninstantiable a) {
                modules.add(a.module());
            } else if (command instanceof Command.AssertMalformed a && a.module().kind() != ModuleDefinition.Kind.BINARY) {
                modules.add(a.module());
            }
        }
        return modules;
    }

    private static boolean isValid(byte[] binary) {
        try {
            Module.decode(binary);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Path> scripts(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SeedModules.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A byte array with value equality, to drop the suite's many duplicate modules. */
    private record Bytes(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }
}
