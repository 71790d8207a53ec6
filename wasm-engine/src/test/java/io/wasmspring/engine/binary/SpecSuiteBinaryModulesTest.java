package io.wasmspring.engine.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.binary.WastBinaryModules.BinaryModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code (module binary ...)} of the spec suite's core 2.0 scripts: those inside
 * {@code assert_malformed} must be rejected with the expected message (as a prefix, the way the
 * reference interpreter compares), all others must decode.
 */
class SpecSuiteBinaryModulesTest {

    @TestFactory
    Stream<DynamicContainer> binaryModulesOfEveryScript() {
        Path dir = WastBinaryModules.core20();
        assumeTrue(dir != null, "spec suite not found: set -Dwasm.testsuite.dir");
        return WastBinaryModules.wastFiles(dir).stream()
                .map(file -> {
                    List<BinaryModule> modules = WastBinaryModules.read(file);
                    return DynamicContainer.dynamicContainer(file.getFileName().toString(),
                            modules.stream().map(m -> DynamicTest.dynamicTest(m.toString(), () -> check(m))));
                });
    }

    private static void check(BinaryModule m) {
        if (m.expectedMalformed()) {
            assertThatThrownBy(() -> BinaryDecoder.decode(m.bytes()))
                    .isInstanceOf(MalformedModuleException.class)
                    .hasMessageStartingWith(m.expectedMessage());
        } else {
            assertThat(BinaryDecoder.decode(m.bytes())).isNotNull();
        }
    }

    /**
     * Cross-check with the text parser, when it is there (found reflectively, so this test
     * compiles on its own): every well-formed text module it encodes must decode. This covers
     * instructions, SIMD included, that the suite only writes in text form.
     */
    @Test
    void textModulesEncodedByTheTextParserDecode() throws ReflectiveOperationException {
        Path dir = WastBinaryModules.core20();
        assumeTrue(dir != null, "spec suite not found: set -Dwasm.testsuite.dir");
        java.lang.reflect.Method parse;
        try {
            parse = Class.forName("io.wasmspring.engine.text.WatParser").getMethod("parseModule", String.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            assumeTrue(false, "no text parser yet");
            return;
        }
        int decoded = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : WastBinaryModules.wastFiles(dir)) {
            for (String text : WastBinaryModules.textModules(file)) {
                byte[] binary;
                try {
                    binary = (byte[]) parse.invoke(null, text);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    continue; // the text parser's own business
                }
                try {
                    BinaryDecoder.decode(binary);
                    decoded++;
                } catch (MalformedModuleException e) {
                    failures.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).as("encoded by the text parser but rejected by the decoder").isEmpty();
        assertThat(decoded).isGreaterThan(1000);
    }

    @Test
    void suiteHasTheExpectedShape() {
        Path dir = WastBinaryModules.core20();
        assumeTrue(dir != null, "spec suite not found: set -Dwasm.testsuite.dir");
        List<BinaryModule> all = WastBinaryModules.all(dir);
        List<BinaryModule> malformed = new ArrayList<>();
        for (BinaryModule m : all) {
            if (m.expectedMalformed()) {
                malformed.add(m);
            }
        }
        // binary.wast alone has well over a hundred; the UTF-8 scripts 176 each.
        assertThat(malformed).hasSizeGreaterThan(600);
        assertThat(all.size() - malformed.size()).isGreaterThan(50);
    }
}
