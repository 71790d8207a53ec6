package io.wasmspring.engine.wast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code .wast} file of the official spec suite's {@code core-2.0} directory, one
 * dynamic test per file. A file passes when every command passes, except the files listed in
 * {@code known-failures.txt}, which must still fail (so that the list stays true). Skipped, with
 * the reason printed, when the suite is not on this machine.
 */
class SpecSuiteTest {

    private static final String SUITE = "core-2.0";
    /** Generous: the whole suite runs in seconds; a file that takes this long is an engine hang. */
    private static final long FILE_TIMEOUT_MILLIS = 60_000;
    /** The interpreter bounds the wasm call depth itself; this only keeps the JVM's stack out of the way. */
    private static final long THREAD_STACK_BYTES = 64L << 20;

    private final KnownFailures knownFailures = KnownFailures.load();

    @TestFactory
    Stream<DynamicTest> core() throws IOException {
        Path dir = suiteRoot().resolve(SUITE);
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".wast")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                () -> check(SUITE + "/" + file.getFileName(), file)));
    }

    @Test
    void everyKnownFailureOfTheSuiteNamesOneOfItsFiles() {
        Path root = suiteRoot();
        assertThat(knownFailures.entries().keySet().stream().filter(entry -> entry.startsWith(SUITE + "/")))
                .allSatisfy(entry -> assertThat(root.resolve(entry))
                        .as("%s lists %s, which is not in the suite", KnownFailures.RESOURCE, entry)
                        .isRegularFile());
    }

    private void check(String name, Path file) throws Exception {
        String problem = SpecFileVerdict.problem(name, runWithTimeout(file), knownFailures.reason(name));
        if (problem != null) {
            fail(problem);
        }
    }

    /** Runs the script on a thread of its own, so that a hanging engine fails one file instead of the build. */
    private static ScriptResult runWithTimeout(Path file) throws Exception {
        AtomicReference<ScriptResult> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread runner = new Thread(null, () -> {
            try {
                result.set(new WastRunner().run(file));
            } catch (Throwable e) {
                error.set(e);
            }
        }, "wast " + file.getFileName(), THREAD_STACK_BYTES);
        runner.setDaemon(true);
        runner.start();
        runner.join(FILE_TIMEOUT_MILLIS);
        if (runner.isAlive()) {
            fail(file.getFileName() + " did not finish within " + FILE_TIMEOUT_MILLIS / 1000 + " seconds");
        }
        if (error.get() != null) {
            throw new AssertionError("the runner itself failed on " + file.getFileName(), error.get());
        }
        return result.get();
    }

    /** Where the suite is: system property, environment, or the usual places; skips the test when absent. */
    static Path suiteRoot() {
        Stream<String> candidates = Stream.of(System.getProperty("wasm.testsuite.dir"), System.getenv("WASM_TESTSUITE_DIR"),
                "../../shared/wasm-testsuite", "/work/shared/wasm-testsuite");
        Path root = candidates.filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(p -> Files.isDirectory(p.resolve(SUITE))).findFirst().orElse(null);
        if (root == null) {
            String reason = "WebAssembly spec suite not found (set -Dwasm.testsuite.dir or WASM_TESTSUITE_DIR to the"
                    + " directory that holds " + SUITE + "/): spec-suite tests skipped";
            System.out.println(reason);
            Assumptions.assumeTrue(false, reason);
        }
        return root;
    }
}
