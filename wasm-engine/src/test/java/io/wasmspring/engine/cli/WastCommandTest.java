package io.wasmspring.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WastCommandTest {

    private static final String PASSING = """
            (module (func (export "one") (result i32) (i32.const 1)))
            (assert_return (invoke "one") (i32.const 1))
            (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
            """;

    private static final String FAILING = """
            (module (func (export "one") (result i32) (i32.const 1)))
            (assert_return (invoke "one") (i32.const 2))
            (assert_return (invoke "one") (i32.const 1))
            (assert_invalid (module (func)) "type mismatch")
            """;

    @TempDir
    Path dir;

    private String write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void passingScriptsPrintOneLineEachAndTheTotal() throws Exception {
        String file = write("ok.wast", PASSING);
        CliRun run = CliRun.of("wast", file);
        assertThat(run.status()).isZero();
        assertThat(run.out().lines()).containsExactly("PASS  " + file + " (3 commands)", "3 passed, 0 failed");
    }

    @Test
    void failingCommandsAreListedUnderTheirFile() throws Exception {
        String ok = write("ok.wast", PASSING);
        String bad = write("bad.wast", FAILING);
        CliRun run = CliRun.of("wast", ok, bad);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "PASS  " + ok + " (3 commands)",
                "FAIL  " + bad + " (2 of 4 failed)",
                "      line 2: assert_return expected i32:2 got i32:1",
                "      line 4: assert_invalid expected invalid \"type mismatch\" but the module compiled",
                "5 passed, 2 failed");
    }

    @Test
    void aScriptThatCannotBeParsedFailsAsOneCommand() throws Exception {
        String broken = write("broken.wast", "(module");
        CliRun run = CliRun.of("wast", broken);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  " + broken + " (1 of 1 failed)").endsWith("0 passed, 1 failed\n");
    }

    @Test
    void missingFileIsAUsageError() throws Exception {
        String ok = write("ok.wast", PASSING);
        CliRun run = CliRun.of("wast", ok, dir.resolve("absent.wast").toString());
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("no such file");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noFileIsAUsageError() {
        CliRun run = CliRun.of("wast");
        assertThat(run.isUsageError()).as(run.err()).isTrue();
    }
}
