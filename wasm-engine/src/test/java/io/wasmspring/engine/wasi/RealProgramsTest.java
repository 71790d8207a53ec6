package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.text.WatParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real WASI programs from five compilers (C with wasi-libc, Rust's std, Go's {@code wasip1},
 * AssemblyScript with its WASI shim, and hand-written text format), committed as binaries next
 * to their sources under {@code programs/}, so this needs no toolchain. Every program does the
 * same things and prints the same deterministic checks; the expectations below were also
 * confirmed, program by program, against node's {@code node:wasi}.
 */
class RealProgramsTest {

    private static final String[] ARGS = {"prog", "alpha", "beta gamma"};
    private static final String EXPECTED_STDERR = "note: this line goes to stderr\n";
    private static final int MAX_BINARY_SIZE = 5 * 1024 * 1024;

    /** Each binary is decoded once: a Module is reusable, and Go's takes a while to lower. */
    private static final Map<String, RealProgram> PROGRAMS = new ConcurrentHashMap<>();

    private static RealProgram program(String language) {
        return PROGRAMS.computeIfAbsent(language, RealProgram::load);
    }

    /** The checks every program prints up to reading the host's file, given {@link #ARGS}. */
    static String expectedStart(String language, String greeting) {
        return """
                hello from %s
                argc=3
                argv[0]=prog
                argv[1]=alpha
                argv[2]=beta gamma
                env GREETING=%s
                env MISSING unset
                input: line from the host
                """.formatted(language, greeting);
    }

    /** Everything a program prints when all its checks pass. */
    static String expectedStdout(String language, String greeting, int exitCode) {
        return expectedStart(language, greeting) + """
                read back: written by %s
                list sub: a.txt b.txt
                renamed: yes
                deleted: yes
                clock ok
                random ok
                exit %d
                """.formatted(language, exitCode);
    }

    /** What the sandbox holds afterwards: the host's input, the renamed file and sub/ without b.txt. */
    static Map<String, String> expectedFiles(String language) {
        return Map.of(
                "input.txt", RealProgram.INPUT,
                "renamed.txt", "written by " + language + "\n",
                "sub/", "",
                "sub/a.txt", "a\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c", "rust", "go", "assemblyscript", "wat"})
    void runsWithArgsEnvFilesClocksAndRandom(String language, @TempDir Path sandbox) throws IOException {
        RealProgram program = program(language);
        RealProgram.Run run = program.run(sandbox, false, Map.of("GREETING", "hello", "EXIT_CODE", "7"), ARGS);
        System.out.printf("%s: loaded in %d ms, ran in %d ms%n", language, program.loadMillis(), run.millis());

        assertThat(run.stdout()).isEqualTo(expectedStdout(language, "hello", 7));
        assertThat(run.stderr()).isEqualTo(EXPECTED_STDERR);
        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.files()).isEqualTo(expectedFiles(language));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c", "rust", "go", "assemblyscript", "wat"})
    void withAnEmptyEnvironmentNothingIsSetAndTheExitCodeIsZero(String language, @TempDir Path sandbox)
            throws IOException {
        RealProgram.Run run = program(language).run(sandbox, false, Map.of(), ARGS);

        assertThat(run.stdout()).isEqualTo(expectedStdout(language, "(unset)", 0));
        assertThat(run.stderr()).isEqualTo(EXPECTED_STDERR);
        assertThat(run.exitCode()).isZero();
        assertThat(run.files()).isEqualTo(expectedFiles(language));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c", "rust", "go", "assemblyscript", "wat"})
    void aReadOnlySandboxMakesTheFirstWriteFail(String language, @TempDir Path sandbox) throws IOException {
        RealProgram.Run run = program(language).run(sandbox, true, Map.of("GREETING", "hello"), ARGS);

        // reading still works; creating notes.txt is refused, and each program reports that and exits 1
        assertThat(run.stdout()).isEqualTo(expectedStart(language, "hello"));
        assertThat(run.stderr()).startsWith(EXPECTED_STDERR + "FAILED: ");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.files()).isEqualTo(Map.of("input.txt", RealProgram.INPUT));
    }

    @Test
    void theCommittedTextFormatBinaryMatchesItsSource() {
        String source = new String(RealProgram.resource("wat", "main.wat"), StandardCharsets.UTF_8);

        assertThat(WatParser.parseModule(source)).isEqualTo(RealProgram.resource("wat", "main.wasm"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c", "rust", "go", "assemblyscript", "wat"})
    void eachProgramIsCommittedSmallWithTheScriptThatRebuildsIt(String language) {
        assertThat(RealProgram.resource(language, "main.wasm")).hasSizeLessThan(MAX_BINARY_SIZE);
        assertThat(new String(RealProgram.resource(language, "build.sh"), StandardCharsets.UTF_8))
                .startsWith("#!/bin/sh");
    }
}
