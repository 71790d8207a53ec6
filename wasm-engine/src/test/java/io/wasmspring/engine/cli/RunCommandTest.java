package io.wasmspring.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private String module;

    @BeforeEach
    void writeModule() throws Exception {
        module = Files.writeString(dir.resolve("m.wat"), """
                (module
                  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                  (func (export "wide") (param i64) (result i64 i64) (local.get 0) (i64.const -1))
                  (func (export "half") (param f32 f64) (result f32 f64)
                    (f32.div (local.get 0) (f32.const 2)) (f64.div (local.get 1) (f64.const 2)))
                  (func $inner (export "boom") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
                  (func (export "outer") (result i32) (call $inner (i32.const 0))))
                """).toString();
    }

    @Test
    void printsEachResultOnItsOwnLine() {
        CliRun run = CliRun.of("run", "--invoke", "add", module, "20", "22");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("42\n");
    }

    @Test
    void integersPrintSignedAndAcceptHex() {
        assertThat(CliRun.of("run", "--invoke", "add", module, "0xffffffff", "0").out()).isEqualTo("-1\n");
        assertThat(CliRun.of("run", "--invoke", "wide", module, "0x7fffffffffffffff").out())
                .isEqualTo("9223372036854775807\n-1\n");
    }

    @Test
    void floatsPrintAsJavaDoes() {
        assertThat(CliRun.of("run", "--invoke", "half", module, "3", "inf").out()).isEqualTo("1.5\nInfinity\n");
        assertThat(CliRun.of("run", "--invoke", "half", module, "nan", "-1e300").out()).isEqualTo("NaN\n-5.0E299\n");
    }

    @Test
    void trapPrintsMessageAndStackAndExits134() {
        CliRun run = CliRun.of("run", "--invoke", "outer", module);
        assertThat(run.status()).isEqualTo(134);
        assertThat(run.err()).startsWith("trap: integer divide by zero");
        assertThat(run.err().lines().skip(1)).isNotEmpty().allMatch(line -> line.startsWith("  at "));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void wrongArgumentsAreUsageErrors() {
        assertThat(CliRun.of("run", "--invoke", "add", module, "1").err()).contains("add takes 2 argument(s)");
        assertThat(CliRun.of("run", "--invoke", "add", module, "1", "x").err()).contains("not a valid i32: x");
        assertThat(CliRun.of("run", "--invoke", "add", module, "1", "2", "3").isUsageError()).isTrue();
        assertThat(CliRun.of("run", "add", module).isUsageError()).isTrue();
        assertThat(CliRun.of("run", "--invoke", "add").isUsageError()).isTrue();
    }

    @Test
    void unknownFunctionIsAUsageError() {
        CliRun run = CliRun.of("run", "--invoke", "nope", module);
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("nope");
    }

    @Test
    void moduleThatNeedsImportsIsAUsageError() throws Exception {
        String needy = Files.writeString(dir.resolve("needy.wat"),
                "(module (import \"env\" \"f\" (func)) (func (export \"g\")))").toString();
        CliRun run = CliRun.of("run", "--invoke", "g", needy);
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("needs imports").contains("\"env\" \"f\"");
    }

    @Test
    void trapInStartFunctionAlsoExits134() throws Exception {
        String starting = Files.writeString(dir.resolve("start.wat"),
                "(module (func $s unreachable) (start $s) (func (export \"g\")))").toString();
        CliRun run = CliRun.of("run", "--invoke", "g", starting);
        assertThat(run.status()).isEqualTo(134);
        assertThat(run.err()).startsWith("trap: unreachable");
    }
}
