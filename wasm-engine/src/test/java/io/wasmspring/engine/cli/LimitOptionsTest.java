package io.wasmspring.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.CallTimeoutException;
import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FuelExhaustedException;
import io.wasmspring.engine.LinkException;
import io.wasmspring.engine.Trap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitOptionsTest {

    @Test
    void takesEveryLimitOptionAndLeavesTheRestInOrder() throws Exception {
        LimitOptions options = LimitOptions.take(List.of("--timeout", "2s", "--invoke", "f", "--fuel=1000",
                "--max-memory-pages", "16", "--dir", "/tmp", "--max-call-depth=50", "m.wat", "-1", "7"));
        assertThat(options.remaining()).containsExactly("--invoke", "f", "--dir", "/tmp", "m.wat", "-1", "7");
        ExecutionLimits limits = options.limits();
        assertThat(limits.callTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.fuel()).isEqualTo(1000);
        assertThat(limits.maxMemoryPages()).isEqualTo(16);
        assertThat(limits.maxCallDepth()).isEqualTo(50);
    }

    @Test
    void optionsAfterTheModuleBelongToTheProgram() throws Exception {
        LimitOptions options = LimitOptions.take(List.of("--fuel", "10", "prog.wasm", "--fuel", "5", "--timeout=1s"));
        assertThat(options.limits().fuel()).isEqualTo(10);
        assertThat(options.limits().callTimeout()).isNull();
        assertThat(options.remaining()).containsExactly("prog.wasm", "--fuel", "5", "--timeout=1s");
    }

    @Test
    void aValueThatLooksLikeAModuleIsStillTheValueOfItsOption() throws Exception {
        LimitOptions options = LimitOptions.take(List.of("--env", "A=b", "--fuel", "3", "m.wat"));
        assertThat(options.limits().fuel()).isEqualTo(3);
        assertThat(options.remaining()).containsExactly("--env", "A=b", "m.wat");
    }

    @Test
    void withoutOptionsTheDefaultsApply() throws Exception {
        LimitOptions options = LimitOptions.take(List.of("--invoke", "f", "m.wat"));
        assertThat(options.limits()).isEqualTo(ExecutionLimits.DEFAULT);
        assertThat(options.remaining()).containsExactly("--invoke", "f", "m.wat");
    }

    @Test
    void durationsAreWrittenTheWayPeopleWriteThem() {
        assertThat(LimitOptions.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LimitOptions.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(LimitOptions.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(LimitOptions.parseDuration("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(LimitOptions.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LimitOptions.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LimitOptions.parseDuration("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(LimitOptions.parseDuration("PT0.25S")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> LimitOptions.parseDuration("soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> LimitOptions.parseDuration("5 days")).hasMessageContaining("unknown unit");
        assertThatThrownBy(() -> LimitOptions.parseDuration("0s")).hasMessageContaining("between");
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> LimitOptions.take(List.of("--fuel", "lots"))).isInstanceOf(UsageException.class)
                .hasMessage("--fuel lots: not a whole number");
        assertThatThrownBy(() -> LimitOptions.take(List.of("--max-call-depth=0"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-call-depth 0: must be at least 1");
        assertThatThrownBy(() -> LimitOptions.take(List.of("--max-memory-pages", "40000"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-memory-pages 40000").hasMessageContaining("between 0 and 32767");
        assertThatThrownBy(() -> LimitOptions.take(List.of("--invoke", "f", "--timeout"))).isInstanceOf(UsageException.class)
                .hasMessage("--timeout needs a value");
        assertThatThrownBy(() -> LimitOptions.take(List.of("--timeout=-2s"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--timeout -2s");
    }

    @Test
    void describesEachLimitFailureInOneLineNamingTheOption() throws Exception {
        LimitOptions options = LimitOptions.take(List.of("--timeout", "2s", "--fuel", "1000", "--max-call-depth", "50"));
        assertThat(options.describe(new CallTimeoutException(Duration.ofSeconds(2))))
                .isEqualTo("timeout: the call ran longer than --timeout 2s (raise --timeout to allow more)");
        assertThat(options.describe(new FuelExhaustedException(1000)))
                .isEqualTo("fuel exhausted: the call executed more than --fuel 1000 instructions (raise --fuel to allow more)");
        assertThat(options.describe(new Trap(Trap.CALL_STACK_EXHAUSTED + ": more than 50 nested calls")))
                .isEqualTo("trap: call stack exhausted: more than --max-call-depth 50 nested calls"
                        + " (raise --max-call-depth for deeper recursion)");
        assertThat(options.describe(new LinkException("memory 0 needs 5 pages (64 KiB each) at instantiation, more than"
                + " the maxMemoryPages limit of 4 pages (raise ExecutionLimits maxMemoryPages)")))
                .isEqualTo("memory limit: memory 0 needs 5 pages (64 KiB each) at instantiation, more than"
                        + " --max-memory-pages 4 pages (raise --max-memory-pages)");
        assertThat(options.describe(new Trap(Trap.UNREACHABLE))).isNull();
        assertThat(options.describe(new LinkException("missing import env.f"))).isNull();
    }
}
