package io.wasmspring.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmspring.engine.FuelExhaustedException;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The fuzzing harness itself: it must catch what it is there to catch, and let the rest through. */
class FuzzHarnessTest {

    @Test
    void documentedExceptionsPassAndOthersAreFindings() {
        assertThat(EngineInvariant.<Object>attempt("step", EngineInvariant.CALL, () -> {
            throw new FuelExhaustedException(50_000);
        })).isNull();
        assertThat(EngineInvariant.<Object>attempt("step", EngineInvariant.LOADING, () -> {
            throw new InvalidModuleException("type mismatch");
        })).isNull();
        assertThat(EngineInvariant.attempt("step", EngineInvariant.CALL, () -> "done")).isEqualTo("done");

        // A plain WasmException is what Module.decode makes of an internal error: not documented.
        assertThatThrownBy(() -> EngineInvariant.attempt("decoding", EngineInvariant.LOADING, () -> {
            throw new WasmException("internal error while decoding the module");
        })).isInstanceOf(EngineInvariant.UndocumentedFailure.class).hasMessageContaining("decoding failed with");
        assertThatThrownBy(() -> EngineInvariant.attempt("call", EngineInvariant.CALL, () -> {
            throw new StackOverflowError();
        })).isInstanceOf(EngineInvariant.UndocumentedFailure.class).hasCauseInstanceOf(StackOverflowError.class);
        // A Trap is fine from a call, not from the decoder.
        assertThatThrownBy(() -> EngineInvariant.attempt("decoding", EngineInvariant.LOADING, () -> {
            throw new Trap("unreachable");
        })).isInstanceOf(EngineInvariant.UndocumentedFailure.class);
    }

    @Test
    void aStepThatIgnoresEveryLimitIsReportedAsAHangAndStopped() {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean ended = new AtomicBoolean();
        assertThatThrownBy(() -> HangGuard.run("spin", Duration.ofMillis(200), () -> {
            try {
                long n = 0;
                while (running.get()) {
                    n++; // ignores interruption on purpose
                }
                return n;
            } finally {
                ended.set(true);
            }
        })).isInstanceOf(EngineInvariant.UndocumentedFailure.class)
                .hasMessageContaining("spin was still running")
                .hasCauseInstanceOf(HangGuard.RunawayCode.class);
        running.set(false); // in case the JVM could not stop it
        // The guard works on after a hang, on a new worker.
        assertThat(HangGuard.run("next", Duration.ofSeconds(30), () -> 42)).isEqualTo(42);
    }

    @Test
    void leb128PaddingKeepsTheValue() {
        assertThat(ByteMutations.leb128(5, 0)).containsExactly(0x05);
        assertThat(ByteMutations.leb128(5, 2)).containsExactly(0x85, 0x80, 0x00);
        assertThat(ByteMutations.leb128(0xFFFF_FFFFL, 0)).containsExactly(0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
        assertThat(ByteMutations.splice(new byte[] {1, 2, 3}, 1, 1, new byte[] {9, 9})).containsExactly(1, 9, 9, 3);
        assertThat(ByteMutations.splice(new byte[] {1, 2, 3}, 3, 5, new byte[0])).containsExactly(1, 2, 3);
    }

    @Test
    void ownSeedsComeFirstAndAreValid() {
        SeedModules seeds = SeedModules.get();
        // The walkthrough module is seed 0 whether or not the spec suite is there.
        assertThat(Module.decode(seeds.binaries().get(0)).exports()).isNotEmpty();
        assertThat(seeds.validBinaries()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(seeds.texts()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void specSuiteModulesAreSeedsWhenTheSuiteIsThere() {
        assumeTrue(SeedModules.specSuite() != null, "spec suite not found: set -Dwasm.testsuite.dir");
        SeedModules seeds = SeedModules.get();
        assertThat(seeds.binaries()).hasSizeGreaterThan(1000);
        assertThat(seeds.validBinaries()).hasSizeGreaterThan(500);
        assertThat(seeds.texts()).hasSizeGreaterThan(1000);
    }
}
