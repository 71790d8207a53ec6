package io.wasmspring.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} without {@code --invoke}: WASI command modules, their exit codes, traps and bad --dir. */
class RunWasiTest {

    private static final String HELLO = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hello\\n")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 6))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (call $proc_exit (i32.const 3))))
            """;

    @TempDir
    Path dir;

    private String write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void runsStartAndExitsWithTheProcExitCode() throws Exception {
        CliRun run = CliRun.of("run", write("hello.wat", HELLO));
        assertThat(run.out()).isEqualTo("hello\n");
        assertThat(run.status()).as(run.err()).isEqualTo(3);
    }

    @Test
    void aStartThatReturnsExitsZero() throws Exception {
        CliRun run = CliRun.of("run", write("ok.wat", "(module (func (export \"_start\")))"));
        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    void aTrapInStartPrintsTheTrapAndExits134() throws Exception {
        CliRun run = CliRun.of("run", write("trap.wat", "(module (func (export \"_start\") unreachable))"));
        assertThat(run.status()).isEqualTo(134);
        assertThat(run.err()).startsWith("trap: unreachable").contains("  at ");
    }

    @Test
    void aModuleWithoutStartIsAUsageErrorSuggestingInvoke() throws Exception {
        CliRun run = CliRun.of("run", write("lib.wat", "(module (func (export \"f\")))"));
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("_start").contains("--invoke");
    }

    @Test
    void aMissingDirIsAUsageError() throws Exception {
        CliRun run = CliRun.of("run", "--dir", dir.resolve("nope").toString(), write("hello.wat", HELLO));
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--dir");
    }

    @Test
    void invokeProvidesWasiToModulesThatImportIt() throws Exception {
        String module = write("hello.wat", HELLO.replace("(func (export \"_start\")", "(func (export \"go\")"));
        CliRun run = CliRun.of("run", "--invoke", "go", module);
        assertThat(run.out()).isEqualTo("hello\n");
        assertThat(run.status()).isEqualTo(3);
    }

    @Test
    void theRealCProgramSeesArgsEnvAndThePreopenedDirectory() throws Exception {
        Path program = dir.resolve("prog.wasm");
        try (InputStream in = RunWasiTest.class.getResourceAsStream("/programs/c/main.wasm")) {
            Files.copy(in, program);
        }
        Path sandbox = Files.createDirectory(dir.resolve("sandbox"));
        Files.writeString(sandbox.resolve("input.txt"), "line from the host\n");
        CliRun run = CliRun.of("run", "--dir", sandbox + "::/sandbox", "--env", "GREETING=hello",
                "--env=EXIT_CODE=7", program.toString(), "alpha", "beta gamma");
        assertThat(run.status()).as(run.err()).isEqualTo(7);
        assertThat(run.out()).contains("argc=3\n", "argv[0]=" + program + "\n", "argv[1]=alpha\n",
                "argv[2]=beta gamma\n", "env GREETING=hello\n", "input: line from the host\n", "exit 7\n");
    }
}
