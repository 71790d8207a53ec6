package io.wasmspring.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("usage:").contains("wast").contains("inspect").contains("[--invoke FUNCTION] MODULE").contains("--dir HOST[::GUEST]");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpOfOneCommand() {
        CliRun run = CliRun.of("run", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("usage: wasm-engine run [--dir HOST[::GUEST]]").contains("[--invoke FUNCTION] MODULE [ARGS...]");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("no command given");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.isUsageError()).as(run.err()).isTrue();
        assertThat(run.err()).startsWith("error: unknown command: frobnicate");
        assertThat(run.out()).isEmpty();
    }
}
