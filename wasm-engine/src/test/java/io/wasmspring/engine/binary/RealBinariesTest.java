package io.wasmspring.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmspring.engine.structure.ModuleStructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Binaries built by real toolchains (C, Rust, AssemblyScript), from the WASI test suite read in
 * place: every one decodes, with as many bodies as declared functions.
 */
class RealBinariesTest {

    private static List<Path> binaries() throws IOException {
        Path dir = Path.of(System.getProperty("wasi.testsuite.dir", "/work/shared/wasi-testsuite"));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
    }

    @Test
    void everyToolchainBinaryDecodes() throws IOException {
        List<Path> binaries = binaries();
        assumeTrue(!binaries.isEmpty(), "WASI test suite not found: set -Dwasi.testsuite.dir");
        int withNames = 0;
        long bytes = 0;
        long start = System.nanoTime();
        for (Path file : binaries) {
            byte[] binary = Files.readAllBytes(file);
            bytes += binary.length;
            ModuleStructure m = BinaryDecoder.decode(binary);
            assertThat(m.codes).as(file.toString()).hasSameSizeAs(m.functionTypeIndices).isNotEmpty();
            assertThat(m.imports).as(file.toString()).isNotEmpty();
            if (!m.names.functionNames().isEmpty()) {
                withNames++;
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("RealBinariesTest: decoded " + binaries.size() + " binaries, " + bytes + " bytes, in "
                + millis + " ms; " + withNames + " with function names");
        assertThat(withNames).isPositive();
    }
}
