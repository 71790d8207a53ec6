package io.wasmspring.engine.validation;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.wasmspring.engine.binary.BinaryDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real compiler output validates: every prebuilt binary of the WASI test suite (C, Rust,
 * AssemblyScript), read in place from {@code wasi.testsuite.dir}.
 */
class CompiledProgramsValidationTest {

    @TestFactory
    Stream<DynamicTest> everyWasiTestsuiteBinaryIsValid() throws IOException {
        Path dir = Path.of(System.getProperty("wasi.testsuite.dir", "/work/shared/wasi-testsuite"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "WASI test suite not found at " + dir);
        List<Path> binaries;
        try (Stream<Path> files = Files.walk(dir)) {
            binaries = files.filter(p -> p.getFileName().toString().endsWith(".wasm")).sorted().toList();
        }
        return binaries.stream().map(binary -> DynamicTest.dynamicTest(dir.relativize(binary).toString(),
                () -> assertThatCode(() -> Validator.validate(BinaryDecoder.decode(Files.readAllBytes(binary))))
                        .doesNotThrowAnyException()));
    }
}
