package io.wasmspring.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsImportsAndExportsWithTypes() throws Exception {
        Path file = Files.writeString(dir.resolve("m.wat"), """
                (module
                  (import "env" "log" (func (param i32)))
                  (import "env" "mem" (memory 1 2))
                  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                  (global (export "counter") (mut i64) (i64.const 0))
                  (table (export "tab") 3 funcref))
                """);
        CliRun run = CliRun.of("inspect", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "imports (2):",
                "  func \"env\" \"log\" (func (param i32))",
                "  memory \"env\" \"mem\" (memory 1 2)",
                "exports (3):",
                "  func \"add\" (func (param i32 i32) (result i32))",
                "  global \"counter\" (global (mut i64))",
                "  table \"tab\" (table 3 funcref)");
    }

    @Test
    void readsBinaryModulesToo() throws Exception {
        // (module) with an exported function "f" of type [] -> [], written out byte by byte.
        byte[] wasm = {0, 'a', 's', 'm', 1, 0, 0, 0,
                1, 4, 1, 0x60, 0, 0,          // type section: one type () -> ()
                3, 2, 1, 0,                   // function section: one function of type 0
                7, 5, 1, 1, 'f', 0, 0,        // export section: "f" = func 0
                10, 4, 1, 2, 0, 0x0b};        // code section: one body, no locals, end
        Path file = Files.write(dir.resolve("m.wasm"), wasm);
        CliRun run = CliRun.of("inspect", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).containsExactly("imports (0):", "exports (1):", "  func \"f\" (func)");
    }

    @Test
    void unreadableModuleIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.wat"), "(module (func (result i32) (i64.const 1)))");
        CliRun run = CliRun.of("inspect", file.toString());
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).startsWith("error: cannot load " + file);
    }

    @Test
    void malformedTextIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.wat"), "(module (func");
        CliRun run = CliRun.of("inspect", file.toString());
        assertThat(run.isUsageError()).as(run.err()).isTrue();
    }

    @Test
    void missingOrExtraArgumentsAreUsageErrors() {
        assertThat(CliRun.of("inspect").isUsageError()).isTrue();
        assertThat(CliRun.of("inspect", "a.wat", "b.wat").isUsageError()).isTrue();
        assertThat(CliRun.of("inspect", dir.resolve("none.wat").toString()).err()).contains("no such file");
    }
}
