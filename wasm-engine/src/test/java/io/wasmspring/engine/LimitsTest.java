package io.wasmspring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link ExecutionLimits} as instances obey them: memory cap, timeout, fuel, interruption, call depth. */
class LimitsTest {

    /** Generous bound on "it stopped": no test here depends on how fast the machine is. */
    private static final Duration STOPS_WITHIN = Duration.ofSeconds(60);

    private static final String RUNAWAY = """
            (module
              (global $iterations (export "iterations") (mut i64) (i64.const 0))
              (func $nothing)
              (func (export "spin") (loop (br 0)))
              (func (export "spinCalling") (loop (call $nothing) (br 0)))
              (func (export "spinCounting")
                (loop
                  (global.set $iterations (i64.add (global.get $iterations) (i64.const 1)))
                  (br 0)))
              ;; sum of 0..n-1, one loop iteration per number
              (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $acc i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                    (local.set $acc (i32.add (local.get $acc) (local.get $i)))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $next)))
                (local.get $acc))
              ;; depth(n) = n == 0 ? 0 : 1 + depth(n - 1), one frame per level
              (func $depth (export "depth") (param $n i32) (result i32)
                (if (result i32) (i32.eqz (local.get $n))
                  (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get $n) (i32.const 1))))))))
            """;

    private static Instance runaway(ExecutionLimits limits) {
        return Module.parseText(RUNAWAY).instantiate(Imports.empty(), limits);
    }

    // ---- ExecutionLimits itself ----

    @Test
    void defaultsLimitOnlyWhatTheEngineNeeds() {
        ExecutionLimits limits = ExecutionLimits.DEFAULT;
        assertThat(limits.maxMemoryPages()).isEqualTo(Memory.MAX_PAGES);
        assertThat(limits.callTimeout()).isNull();
        assertThat(limits.fuel()).isZero();
        assertThat(limits.maxCallDepth()).isEqualTo(ExecutionLimits.DEFAULT_MAX_CALL_DEPTH);
        assertThat(ExecutionLimits.NONE).isEqualTo(limits);
        assertThat(Module.parseText(RUNAWAY).instantiate().limits()).isEqualTo(limits);
    }

    @Test
    void builderKeepsEachSettingAndRejectsNonsense() {
        ExecutionLimits limits = ExecutionLimits.builder().maxMemoryPages(10).callTimeout(Duration.ofMillis(500))
                .fuel(1000).maxCallDepth(50).build();
        assertThat(limits.maxMemoryPages()).isEqualTo(10);
        assertThat(limits.callTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(limits.fuel()).isEqualTo(1000);
        assertThat(limits.maxCallDepth()).isEqualTo(50);
        assertThat(limits.toBuilder().build()).isEqualTo(limits).hasSameHashCodeAs(limits);
        assertThat(limits.toString()).contains("callTimeout=PT0.5S", "fuel=1000");
        assertThat(ExecutionLimits.builder().callTimeout(Duration.ZERO).build().callTimeout()).isNull();

        assertThatThrownBy(() -> ExecutionLimits.builder().maxMemoryPages(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExecutionLimits.builder().maxMemoryPages(Memory.MAX_PAGES + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExecutionLimits.builder().callTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExecutionLimits.builder().fuel(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExecutionLimits.builder().maxCallDepth(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxCallDepth");
    }

    // ---- memory ----

    @Test
    void memoryGrowPastTheCapReturnsMinusOne() {
        Instance instance = Module.parseText("""
                (module (memory 1)
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
                """).instantiate(Imports.empty(), ExecutionLimits.builder().maxMemoryPages(3).build());
        ExportedFunction grow = instance.function("grow");
        assertThat(grow.call(2)).containsExactly(1);
        assertThat(grow.call(1)).containsExactly(-1);
        assertThat(instance.memory().pages()).isEqualTo(3);
        assertThat(grow.call(0)).containsExactly(3);
        assertThat(instance.memory().maxPages()).isEqualTo(3);
    }

    @Test
    void theDeclaredMaximumStillAppliesBelowTheCap() {
        Instance instance = Module.parseText("""
                (module (memory 1 2)
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
                """).instantiate(Imports.empty(), ExecutionLimits.builder().maxMemoryPages(100).build());
        assertThat(instance.function("grow").call(2)).containsExactly(-1);
        assertThat(instance.function("grow").call(1)).containsExactly(1);
    }

    @Test
    void aMemoryStartingBiggerThanTheCapFailsInstantiationNamingTheLimit() {
        Module module = Module.parseText("(module (memory 5))");
        assertThatThrownBy(() -> module.instantiate(Imports.empty(), ExecutionLimits.builder().maxMemoryPages(4).build()))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("5 pages")
                .hasMessageContaining("maxMemoryPages limit of 4");
        assertThat(module.instantiate(Imports.empty(), ExecutionLimits.builder().maxMemoryPages(5).build()).memory().pages())
                .isEqualTo(5);
    }

    // ---- timeout ----

    @Test
    void aTightLoopWithoutCallsTimesOut() {
        Instance instance = runaway(ExecutionLimits.builder().callTimeout(Duration.ofMillis(200)).build());
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("spin").call())
                .isInstanceOf(CallTimeoutException.class)
                .isInstanceOf(ExecutionLimitException.class)
                .isInstanceOf(Trap.class)
                .hasMessageContaining("callTimeout of 200ms")
                .hasMessageContaining("raise ExecutionLimits callTimeout")
                .satisfies(e -> {
                    CallTimeoutException timeout = (CallTimeoutException) e;
                    assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200));
                    assertThat(timeout.limitName()).isEqualTo("callTimeout");
                    assertThat(timeout.wasmStackTrace()).isNotEmpty();
                }));
    }

    @Test
    void aLoopThatCallsTimesOut() {
        Instance instance = runaway(ExecutionLimits.builder().callTimeout(Duration.ofMillis(200)).build());
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("spinCalling").call())
                .isInstanceOf(CallTimeoutException.class));
    }

    @Test
    void theInstanceAndOthersStayUsableAfterATimeout() {
        ExecutionLimits limits = ExecutionLimits.builder().callTimeout(Duration.ofMillis(100)).build();
        Instance instance = runaway(limits);
        Instance other = runaway(limits);
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("spinCounting").call())
                .isInstanceOf(CallTimeoutException.class));
        assertThat(instance.global("iterations").getLong()).isPositive();
        assertThat(instance.function("sum").call(10)).containsExactly(45);
        assertThat(instance.function("depth").call(1000)).containsExactly(1000);
        assertThat(other.function("sum").call(100)).containsExactly(4950);
        // and the deadline is per call: a second runaway call gets its own full timeout and stops again
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("spin").call())
                .isInstanceOf(CallTimeoutException.class));
    }

    @Test
    void aCallThatFinishesInTimeIsNotAffected() {
        Instance instance = runaway(ExecutionLimits.builder().callTimeout(Duration.ofSeconds(30)).build());
        assertThat(instance.function("sum").call(100_000)).containsExactly(704_982_704);
    }

    @Test
    void theStartFunctionObeysTheLimits() {
        Module module = Module.parseText("(module (func $start (loop (br 0))) (start $start))");
        ExecutionLimits limits = ExecutionLimits.builder().callTimeout(Duration.ofMillis(100)).build();
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> module.instantiate(Imports.empty(), limits))
                .isInstanceOf(CallTimeoutException.class));
    }

    @Test
    void aHostFunctionCallingBackIntoWasmRunsUnderTheOuterCallsDeadline() {
        Module module = Module.parseText("""
                (module
                  (import "env" "callback" (func $callback))
                  (func (export "outer") (call $callback))
                  (func (export "spin") (loop (br 0))))
                """);
        AtomicReference<Instance> self = new AtomicReference<>();
        Imports imports = Imports.builder()
                .function("env", "callback", FunctionType.of(new ValueType[0]), (caller, args) -> {
                    self.get().function("spin").call();
                    return null;
                })
                .build();
        Instance instance = module.instantiate(imports, ExecutionLimits.builder().callTimeout(Duration.ofMillis(200)).build());
        self.set(instance);
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("outer").call())
                .isInstanceOf(CallTimeoutException.class));
    }

    @Test
    void aLoopCallingASlowHostFunctionStopsSoonAfterTheDeadline() {
        Module module = Module.parseText("""
                (module
                  (import "env" "slow" (func $slow))
                  (func (export "run") (loop (call $slow) (br 0))))
                """);
        AtomicInteger calls = new AtomicInteger();
        Imports imports = Imports.builder()
                .function("env", "slow", FunctionType.of(new ValueType[0]), (caller, args) -> {
                    calls.incrementAndGet();
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                })
                .build();
        Instance instance = module.instantiate(imports, ExecutionLimits.builder().callTimeout(Duration.ofMillis(100)).build());
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("run").call())
                .isInstanceOf(CallTimeoutException.class));
        // checked after every host call, not only every so many thousand loop iterations
        assertThat(calls.get()).isBetween(1, 5_000);
    }

    // ---- fuel ----

    @Test
    void fuelRunsOutAtTheBudgetsOrderOfMagnitude() {
        long fuel = 1_000_000;
        Instance instance = runaway(ExecutionLimits.builder().fuel(fuel).build());
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("spinCounting").call())
                .isInstanceOf(FuelExhaustedException.class)
                .hasMessageContaining("fuel of 1000000 instructions")
                .hasMessageContaining("raise ExecutionLimits fuel"));
        // each iteration is 5 instructions (global.get, i64.const, i64.add, global.set, br)
        long iterations = instance.global("iterations").getLong();
        assertThat(iterations).isBetween(fuel / 10, fuel);
    }

    @Test
    void fuelIsCountedInInstructionsNotIterations() {
        Instance instance = runaway(ExecutionLimits.builder().fuel(1_000_000).build());
        // about 10 instructions per iteration: 50 000 iterations fit, 500 000 do not
        assertThat(instance.function("sum").call(50_000)).containsExactly(1_249_975_000);
        assertThatThrownBy(() -> instance.function("sum").call(500_000)).isInstanceOf(FuelExhaustedException.class);
    }

    @Test
    void fuelIsABudgetPerCall() {
        Instance instance = runaway(ExecutionLimits.builder().fuel(2_000).build());
        int done = 0;
        for (int i = 0; i < 1_000; i++) {
            done += (Integer) instance.function("sum").call(100)[0] == 4950 ? 1 : 0;
        }
        assertThat(done).isEqualTo(1_000);
    }

    @Test
    void callsWithoutLoopsUseFuelToo() {
        Instance instance = runaway(ExecutionLimits.builder().fuel(10_000).build());
        assertThat(instance.function("depth").call(100)).containsExactly(100);
        assertThatThrownBy(() -> instance.function("depth").call(50_000)).isInstanceOf(FuelExhaustedException.class)
                .satisfies(e -> assertThat(((FuelExhaustedException) e).fuel()).isEqualTo(10_000));
        assertThat(instance.function("depth").call(100)).containsExactly(100);
    }

    @Test
    void aLoopThatOnlyCallsStillUsesFuel() {
        Instance instance = runaway(ExecutionLimits.builder().fuel(100_000).build());
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("spinCalling").call())
                .isInstanceOf(FuelExhaustedException.class));
    }

    // ---- interruption ----

    @Test
    void interruptingTheThreadStopsTheCallAndKeepsTheFlag() throws Exception {
        Instance instance = runaway(ExecutionLimits.DEFAULT);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                instance.function("spinCounting").call();
            } catch (Throwable t) {
                failure.set(t);
            }
            flagAfterwards.set(Thread.currentThread().isInterrupted());
        });
        worker.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        // wait until the loop really runs, so the interrupt lands inside the call
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (instance.global("iterations").getLong() == 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        worker.interrupt();
        worker.join(STOPS_WITHIN.toMillis());
        assertThat(worker.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(CallInterruptedException.class).hasMessageContaining("interrupted");
        assertThat(flagAfterwards.get()).isTrue();
        // the instance stays usable on another thread
        assertThat(instance.function("sum").call(10)).containsExactly(45);
    }

    @Test
    void aCallOnAnAlreadyInterruptedThreadStopsAtOnce() {
        Instance instance = runaway(ExecutionLimits.DEFAULT);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> instance.function("spin").call()).isInstanceOf(CallInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(instance.function("sum").call(4)).containsExactly(6);
    }

    // ---- call depth ----

    @Test
    void theMaximumCallDepthIsPerInstance() {
        Instance shallow = runaway(ExecutionLimits.builder().maxCallDepth(100).build());
        Instance deep = runaway(ExecutionLimits.DEFAULT);
        // depth(n) runs n + 1 nested frames
        assertThat(shallow.function("depth").call(99)).containsExactly(99);
        assertThatThrownBy(() -> shallow.function("depth").call(100))
                .isInstanceOf(Trap.class)
                .isNotInstanceOf(ExecutionLimitException.class)
                .hasMessageStartingWith(Trap.CALL_STACK_EXHAUSTED)
                .hasMessageContaining("more than 100 nested calls")
                .hasMessageContaining("raise ExecutionLimits maxCallDepth");
        assertThat(deep.function("depth").call(50_000)).containsExactly(50_000);
        assertThat(shallow.function("depth").call(50)).containsExactly(50);
    }

    @Test
    void theDefaultCallDepthStopsRunawayRecursionWithATrap() {
        Instance instance = Module.parseText("(module (func $f (export \"f\") (call $f)))").instantiate();
        assertTimeoutPreemptively(STOPS_WITHIN, () -> assertThatThrownBy(() -> instance.function("f").call())
                .isInstanceOf(Trap.class)
                .hasMessageStartingWith(Trap.CALL_STACK_EXHAUSTED)
                .hasMessageContaining(String.valueOf(ExecutionLimits.DEFAULT_MAX_CALL_DEPTH)));
    }
}
