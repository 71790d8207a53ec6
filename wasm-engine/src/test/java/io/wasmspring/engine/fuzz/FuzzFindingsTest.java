package io.wasmspring.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmspring.engine.CallTimeoutException;
import io.wasmspring.engine.ExecutionLimitException;
import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FuelExhaustedException;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the fuzz targets found: the fuzzer's own crash inputs, replayed through their target
 * (in {@code FuzzFindingsTestInputs/<method>/}), and the same findings minimized by hand into
 * plain tests. Each runs its step through {@link HangGuard} so that a regression shows up as a
 * failing test, not a stuck build.
 */
class FuzzFindingsTest {

    private static final String SPIN_TO_OUTER_LOOP = """
            (module (func (export "spin")
              (loop $outer
                (loop $inner
                  %s))))
            """;

    /**
     * Found by ExecutionFuzzTest from the spec suite's loop.wast ("cont-inner"): a branch from an
     * inner loop back to an enclosing loop that has no instruction of its own is charged no fuel,
     * so the countdown that fuel, the call timeout and interruption all ride on never ran out,
     * and the call spun for ever. Fixed: a back-edge charges at least one instruction.
     */
    @ParameterizedTest
    @ValueSource(strings = {"(br $outer)", "(br_if $outer (i32.const 1))"})
    void branchToAnEnclosingLoopRunsOutOfFuel(String branch) {
        Instance instance = Module.parseText(SPIN_TO_OUTER_LOOP.formatted(branch))
                .instantiate(Imports.empty(), ExecutionLimits.builder().fuel(50_000).build());
        Throwable thrown = HangGuard.run("spin", Duration.ofSeconds(10), () -> catchThrowable(() -> instance.function("spin").call()));
        assertThat(thrown).isInstanceOf(FuelExhaustedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(br $outer)", "(br_if $outer (i32.const 1))"})
    void branchToAnEnclosingLoopTimesOut(String branch) {
        Instance instance = Module.parseText(SPIN_TO_OUTER_LOOP.formatted(branch))
                .instantiate(Imports.empty(), ExecutionLimits.builder().callTimeout(Duration.ofMillis(200)).build());
        Throwable thrown = HangGuard.run("spin", Duration.ofSeconds(10), () -> catchThrowable(() -> instance.function("spin").call()));
        assertThat(thrown).isInstanceOf(CallTimeoutException.class).isInstanceOf(ExecutionLimitException.class);
    }

    /**
     * The execution target's own input for the hang above (3 bytes: the seed index of loop.wast's
     * module and no edits, so it needs the spec suite).
     */
    @FuzzTest
    void executionHangsInLoopWastContInner(FuzzedDataProvider data) {
        new ExecutionFuzzTest().callExports(data);
    }
}
