package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wasmspring.boot.CallOutcome;
import io.wasmspring.boot.WasmLimitExceededException;
import io.wasmspring.boot.WasmLimits;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.engine.CallInterruptedException;
import io.wasmspring.engine.CallTimeoutException;
import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FuelExhaustedException;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Trap;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code limits} properties, enforced by the engine on every instance a module bean creates. */
class WasmLimitsTests {

    /** Generous bound on "it stopped": nothing here depends on how fast the machine is. */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(60);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
            .withPropertyValues("wasm.modules.runaway.location=classpath:wasm/runaway.wat");

    @Test
    void aRunawayExportTimesOutAndTheNextCallSucceeds() {
        runner.withPropertyValues("wasm.modules.runaway.limits.call-timeout=200ms").run(context -> {
            WasmModule runaway = context.getBean("runaway", WasmModule.class);
            assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> runaway.call("spin"))
                    .isInstanceOf(CallTimeoutException.class)
                    .isInstanceOf(io.wasmspring.boot.WasmCallTimeoutException.class)
                    .hasMessageContaining("200ms")
                    .hasMessageContaining("wasm.modules.runaway.limits.call-timeout")
                    .hasMessageNotContaining("ExecutionLimits")
                    .hasCauseInstanceOf(CallTimeoutException.class)
                    .satisfies(e -> assertThat(CallOutcome.of(e)).isEqualTo(CallOutcome.TIMEOUT)));
            assertThat(runaway.callInt("sum", 10)).isEqualTo(45);
            assertThat(runaway.poolStats().active()).isZero();
        });
    }

    @Test
    void aTimedOutCallIsObservedWithOutcomeTimeout() {
        runner.withConfiguration(AutoConfigurations.of(WasmObservationAutoConfiguration.class))
                .withUserConfiguration(WasmObservabilityAutoConfigurationTests.ObservationConfiguration.class)
                .withPropertyValues("wasm.modules.runaway.limits.call-timeout=100ms").run(context -> {
                    WasmModule runaway = context.getBean("runaway", WasmModule.class);
                    assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> runaway.call("spin"))
                            .isInstanceOf(CallTimeoutException.class));
                    var stopped = context.getBean(WasmObservabilityAutoConfigurationTests.RecordingHandler.class).stopped;
                    assertThat(stopped).hasSize(1);
                    assertThat(stopped.get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("timeout");
                    assertThat(stopped.get(0).getError()).isInstanceOf(CallTimeoutException.class);
                });
    }

    @Test
    void aTimedOutSharedInstanceIsDiscarded() {
        runner.withPropertyValues("wasm.modules.runaway.limits.call-timeout=100ms",
                "wasm.modules.runaway.policy=shared").run(context -> {
                    WasmModule runaway = context.getBean("runaway", WasmModule.class);
                    assertThat(runaway.callInt("bump")).isEqualTo(1);
                    assertThat(runaway.callInt("bump")).isEqualTo(2);
                    assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> runaway.call("spin"))
                            .isInstanceOf(CallTimeoutException.class));
                    assertThat(runaway.callInt("bump")).as("a fresh instance").isEqualTo(1);
                });
    }

    @Test
    void theGlobalTimeoutAppliesToEveryModule() {
        runner.withPropertyValues("wasm.limits.call-timeout=150ms").run(context -> {
            WasmModule runaway = context.getBean("runaway", WasmModule.class);
            assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> runaway.call("spin"))
                    .isInstanceOf(CallTimeoutException.class));
        });
    }

    @Test
    void fuelStopsARunawayExport() {
        runner.withPropertyValues("wasm.modules.runaway.limits.fuel=1000000").run(context -> {
            WasmModule runaway = context.getBean("runaway", WasmModule.class);
            assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> runaway.call("spin"))
                    .isInstanceOf(FuelExhaustedException.class)
                    .hasMessageContaining("1000000")
                    .satisfies(e -> assertThat(CallOutcome.of(e)).isEqualTo(CallOutcome.TIMEOUT)));
            assertThat(runaway.callInt("sum", 1000)).isEqualTo(499_500);
        });
    }

    @Test
    void maxCallDepthTrapsDeepRecursion() {
        runner.withPropertyValues("wasm.modules.runaway.limits.max-call-depth=100").run(context -> {
            WasmModule runaway = context.getBean("runaway", WasmModule.class);
            assertThat(runaway.callInt("depth", 50)).isEqualTo(50);
            assertThatThrownBy(() -> runaway.callInt("depth", 200)).isInstanceOf(Trap.class)
                    .hasMessageStartingWith(Trap.CALL_STACK_EXHAUSTED)
                    .satisfies(e -> assertThat(CallOutcome.of(e)).isEqualTo(CallOutcome.TRAP));
            assertThat(runaway.callInt("depth", 99)).isEqualTo(99);
        });
    }

    @Test
    void maxMemoryPagesMakesMemoryGrowFail() {
        runner.withPropertyValues("wasm.modules.runaway.limits.max-memory-pages=3").run(context -> {
            WasmModule runaway = context.getBean("runaway", WasmModule.class);
            int pages = runaway.withInstance(instance -> {
                assertThat(instance.callInt("grow", 2)).isEqualTo(-1);
                assertThat(instance.callInt("grow", 1)).isEqualTo(2);
                return instance.memory().pages();
            });
            assertThat(pages).isEqualTo(3);
        });
    }

    @Test
    void aModuleWhoseMemoryStartsPastTheLimitFailsAtStartUpNamingTheProperty() {
        runner.withPropertyValues("wasm.modules.runaway.limits.max-memory-pages=1").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof WasmLimitExceededException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isNotNull().hasMessageContaining("wasm.modules.runaway.limits.max-memory-pages=1")
                    .hasMessageContaining("needs 2 memory pages");
        });
    }

    @Test
    void propertiesBecomeTheEnginesLimits() {
        ExecutionLimits limits = new WasmLimits(16, Duration.ofSeconds(2), 5000, 300).toExecutionLimits();
        assertThat(limits.maxMemoryPages()).isEqualTo(16);
        assertThat(limits.callTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.fuel()).isEqualTo(5000);
        assertThat(limits.maxCallDepth()).isEqualTo(300);
        assertThat(WasmLimits.NONE.toExecutionLimits()).isEqualTo(ExecutionLimits.DEFAULT);
        assertThat(new WasmLimits(1_000_000, null, 0, 0).toExecutionLimits().maxMemoryPages()).isEqualTo(Memory.MAX_PAGES);
    }

    @Test
    void outcomesAreClassifiedByExceptionType() {
        assertThat(CallOutcome.of(new CallTimeoutException(Duration.ofSeconds(1)))).isEqualTo(CallOutcome.TIMEOUT);
        assertThat(CallOutcome.of(new FuelExhaustedException(10))).isEqualTo(CallOutcome.TIMEOUT);
        assertThat(CallOutcome.of(new CallInterruptedException())).isEqualTo(CallOutcome.ERROR);
        assertThat(CallOutcome.of(new Trap("a message that mentions a timeout"))).isEqualTo(CallOutcome.TRAP);
        assertThat(CallOutcome.of(new Trap(Trap.CALL_STACK_EXHAUSTED))).isEqualTo(CallOutcome.TRAP);
    }
}
