package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.LinkException;
import io.wasmspring.engine.Module;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** End to end through the engine: command modules linked with WASI, run by {@link WasiCommand}. */
class WasiCommandTest {

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
                (call $proc_exit (i32.load (i32.const 8)))))
            """;

    @Test
    void runPrintsAndReturnsTheExitCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = WasiCommand.run(Module.parseText(HELLO), WasiConfig.builder().stdout(out).build());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
        assertThat(exit).isEqualTo(6); // it exits with the byte count fd_write stored
    }

    @Test
    void returningFromStartIsExitZero() {
        Module module = Module.parseText("(module (memory 1) (func (export \"_start\")))");
        assertThat(WasiCommand.run(module, WasiConfig.builder().build())).isZero();
    }

    @Test
    void addToRegistersUnderTheSnapshotName() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Imports.Builder imports = Imports.builder();
        Wasi.addTo(imports, WasiConfig.builder().stdout(out).build());
        Instance instance = Module.parseText(HELLO).instantiate(imports.build());
        assertThat(WasiCommand.start(instance)).isEqualTo(6);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    @Test
    void exitZeroIsStillAnExit() {
        Module module = Module.parseText("""
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (func (export "_start") (call $exit (i32.const 0)) unreachable))
                """);
        assertThat(WasiCommand.run(module, WasiConfig.builder().build())).isZero();
    }

    @Test
    void wrongSignatureFailsToLink() {
        Module module = Module.parseText("""
                (module (import "wasi_snapshot_preview1" "fd_write" (func (param i32) (result i32))))
                """);
        assertThatThrownBy(() -> WasiCommand.run(module, WasiConfig.builder().build()))
                .isInstanceOf(LinkException.class);
    }
}
