package io.wasmspring.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with {@code --timeout}, {@code --fuel}, {@code --max-memory-pages} and {@code --max-call-depth}. */
class RunLimitsTest {

    /** Generous bound on "it stopped". */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private String module;

    @BeforeEach
    void writeModule() throws Exception {
        module = Files.writeString(dir.resolve("runaway.wat"), """
                (module
                  (memory 2)
                  (func (export "spin") (loop (br 0)))
                  (func $depth (export "depth") (param $n i32) (result i32)
                    (if (result i32) (i32.eqz (local.get $n))
                      (then (i32.const 0))
                      (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1)))))))
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
                """).toString();
    }

    @Test
    void timeoutStopsARunawayLoopWithOneLine() {
        CliRun run = assertTimeoutPreemptively(STOPS_WITHIN,
                () -> CliRun.of("run", "--timeout", "200ms", "--invoke", "spin", module));
        assertThat(run.status()).isEqualTo(LimitOptions.LIMIT_EXIT_STATUS);
        assertThat(run.err()).isEqualTo("timeout: the call ran longer than --timeout 200ms (raise --timeout to allow more)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void fuelStopsARunawayLoopWithOneLine() {
        CliRun run = assertTimeoutPreemptively(STOPS_WITHIN,
                () -> CliRun.of("run", "--invoke", "spin", "--fuel=100000", module));
        assertThat(run.status()).isEqualTo(LimitOptions.LIMIT_EXIT_STATUS);
        assertThat(run.err().lines()).containsExactly(
                "fuel exhausted: the call executed more than --fuel 100000 instructions (raise --fuel to allow more)");
    }

    @Test
    void maxCallDepthTrapsWithOneLine() {
        CliRun ok = CliRun.of("run", "--max-call-depth", "100", "--invoke", "depth", module, "99");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("99\n");
        CliRun run = CliRun.of("run", "--max-call-depth", "100", "--invoke", "depth", module, "100");
        assertThat(run.status()).isEqualTo(RunCommand.TRAP_EXIT_STATUS);
        assertThat(run.err().lines()).containsExactly("trap: call stack exhausted: more than --max-call-depth 100"
                + " nested calls (raise --max-call-depth for deeper recursion)");
    }

    @Test
    void maxMemoryPagesMakesGrowFailAndStopsATooBigModule() {
        CliRun grow = CliRun.of("run", "--max-memory-pages", "3", "--invoke", "grow", module, "2");
        assertThat(grow.status()).as(grow.err()).isZero();
        assertThat(grow.out()).isEqualTo("-1\n");
        CliRun run = CliRun.of("run", "--max-memory-pages", "1", "--invoke", "grow", module, "0");
        assertThat(run.status()).isEqualTo(LimitOptions.LIMIT_EXIT_STATUS);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("memory limit: memory 0 needs 2 pages").contains("--max-memory-pages 1");
    }

    @Test
    void aBadLimitValueIsAUsageError() {
        CliRun run = CliRun.of("run", "--timeout", "soon", "--invoke", "spin", module);
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--timeout soon");
    }

    @Test
    void withinTheLimitsTheCallRunsAsUsual() {
        CliRun run = CliRun.of("run", "--timeout", "30s", "--fuel", "1000000", "--max-memory-pages", "4",
                "--max-call-depth", "1000", "--invoke", "depth", module, "500");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("500\n");
    }
}
