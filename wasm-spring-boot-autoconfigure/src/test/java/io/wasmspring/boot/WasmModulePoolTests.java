package io.wasmspring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WasmModulePoolTests {

    /** add(a, b), plus a global that counts the calls made on one instance. */
    private static final Module COUNTING_ADD = Module.parseText("""
            (module
              (global $calls (mut i32) (i32.const 0))
              (func (export "add") (param i32 i32) (result i32)
                (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
                (i32.add (local.get 0) (local.get 1)))
              (func (export "calls") (result i32) (global.get $calls))
              (func (export "crash") unreachable))
            """);

    @Test
    void sixtyFourConcurrentCallersOnAPoolOfFourAllGetCorrectResults() throws Exception {
        AtomicInteger created = new AtomicInteger();
        WasmModule module = WasmModule.builder("add", COUNTING_ADD).pool(4, Duration.ofSeconds(30)).imports(() -> {
            created.incrementAndGet();
            return io.wasmspring.engine.Imports.empty();
        }).build();
        ExecutorService executor = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int caller = 0; caller < 64; caller++) {
                int base = caller * 1000;
                results.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < 200; i++) {
                        if (module.callInt("add", base, i) != base + i) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(created.get()).isBetween(1, 4);
        PoolStats stats = module.poolStats();
        assertThat(stats.size()).isBetween(1, 4);
        assertThat(stats.active()).isZero();
        assertThat(stats.idle()).isEqualTo(stats.size());
    }

    @Test
    void trappingCallDiscardsTheInstanceAndLaterCallsSucceed() {
        WasmModule module = WasmModule.builder("add", COUNTING_ADD).pool(1, Duration.ofSeconds(1)).build();
        module.callInt("add", 1, 1);
        module.callInt("add", 1, 1);
        assertThat(module.callInt("calls")).as("calls so far on the one instance").isEqualTo(2);
        assertThatThrownBy(() -> module.call("crash")).isInstanceOf(Trap.class).hasMessageContaining("unreachable");
        assertThat(module.poolStats().size()).isZero();
        assertThat(module.callInt("add", 2, 3)).isEqualTo(5);
        assertThat(module.callInt("calls")).as("a new instance").isEqualTo(1);
    }

    @Test
    void trapInsideCallbackDiscardsTheInstance() {
        WasmModule module = WasmModule.builder("add", COUNTING_ADD).pool(2, Duration.ofSeconds(1)).build();
        module.start();
        assertThat(module.poolStats().size()).isEqualTo(1);
        assertThatThrownBy(() -> module.withInstance(instance -> instance.call("crash"))).isInstanceOf(Trap.class);
        assertThat(module.poolStats().size()).isZero();
    }

    @Test
    void callerMistakesKeepThePooledInstance() {
        WasmModule module = WasmModule.builder("add", COUNTING_ADD).pool(1, Duration.ofSeconds(1)).build();
        module.callInt("add", 1, 1);
        assertThatThrownBy(() -> module.callInt("nope")).hasMessageContaining("nope");
        assertThatThrownBy(() -> module.callInt("add", 1)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> module.callInt("add", "x", 1)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> module.withInstance(instance -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        PoolStats stats = module.poolStats();
        assertThat(stats.size()).isEqualTo(1);
        assertThat(stats.idle()).isEqualTo(1);
        assertThat(stats.active()).isZero();
        assertThat(module.callInt("calls")).as("still the first instance").isEqualTo(1);
    }

    @Test
    void aTrapCaughtInsideTheBlockStillDiscardsTheInstance() {
        WasmModule module = WasmModule.builder("add", COUNTING_ADD).pool(1, Duration.ofSeconds(1)).build();
        int answer = module.withInstance(instance -> {
            try {
                instance.call("crash");
            } catch (Trap expected) {
                // carry on as if nothing happened
            }
            return instance.callInt("add", 1, 2);
        });
        assertThat(answer).isEqualTo(3);
        assertThat(module.poolStats().size()).as("the instance that trapped").isZero();
    }

    @Test
    void anyExceptionOutOfAHostFunctionDiscardsTheInstance() {
        Module callsHost = Module.parseText("""
                (module
                  (import "env" "host" (func $host))
                  (global $calls (mut i32) (i32.const 0))
                  (func (export "run")
                    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
                    (call $host))
                  (func (export "calls") (result i32) (global.get $calls)))
                """);
        io.wasmspring.engine.FunctionType noValues = io.wasmspring.engine.FunctionType.of(new io.wasmspring.engine.ValueType[0]);
        WasmModule module = WasmModule.builder("host", callsHost).pool(1, Duration.ofSeconds(1))
                .imports(() -> io.wasmspring.engine.Imports.builder().function("env", "host", noValues, (caller, args) -> {
                    // Not a Trap: the engine passes its own exception types through unchanged.
                    throw new WasmPoolExhaustedException("a nested call found no instance");
                }).build()).build();
        assertThatThrownBy(() -> module.call("run")).isInstanceOf(WasmPoolExhaustedException.class);
        assertThat(module.poolStats().size()).isZero();
        assertThat(module.callInt("calls")).as("a fresh instance").isZero();
    }

    @Test
    void aCallBackFromTheStartFunctionFailsAtOnceInsteadOfWaitingForItself() {
        Module startCallsHost = Module.parseText("""
                (module
                  (import "env" "host" (func $host))
                  (func $start (call $host))
                  (start $start)
                  (func (export "get") (result i32) (i32.const 7)))
                """);
        io.wasmspring.engine.FunctionType noValues = io.wasmspring.engine.FunctionType.of(new io.wasmspring.engine.ValueType[0]);
        WasmModule[] self = new WasmModule[1];
        WasmModule module = WasmModule.builder("starter", startCallsHost).pool(1, Duration.ofMinutes(5))
                .imports(() -> io.wasmspring.engine.Imports.builder().function("env", "host", noValues, (caller, args) -> {
                    self[0].callInt("get");
                    return null;
                }).build()).build();
        self[0] = module;
        assertThatThrownBy(module::start).satisfies(e -> {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains("during its own start function");
        });
        assertThat(module.poolStats().active()).isZero();
    }

    @Test
    void errorsAndWasiExitDiscardTheInstance() {
        assertThat(WasmModule.mayBeInconsistent(new StackOverflowError())).isTrue();
        assertThat(WasmModule.mayBeInconsistent(new io.wasmspring.engine.wasi.WasiExitException(1))).isTrue();
        assertThat(WasmModule.mayBeInconsistent(new IllegalArgumentException())).isFalse();
    }

    @Test
    void callerWaitsAtMostMaxWaitForAnInstance() throws Exception {
        WasmModule module = WasmModule.builder("add", COUNTING_ADD).pool(1, Duration.ofMillis(100)).build();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> module.withInstance(instance -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        holding.await();
        try {
            assertThatThrownBy(() -> module.callInt("add", 1, 2)).isInstanceOf(WasmPoolExhaustedException.class)
                    .hasMessageContaining("max-size");
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(module.callInt("add", 1, 2)).isEqualTo(3);
    }

    @Test
    void sharedInstanceSerializesConcurrentCalls() throws Exception {
        WasmModule module = WasmModule.builder("add", COUNTING_ADD).policy(InstancePolicy.SHARED).build();
        ExecutorService executor = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                done.add(executor.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        module.callInt("add", i, i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(module.callInt("calls")).as("no call lost to a race").isEqualTo(1600);
    }

    @Test
    void poolRejectsASizeBelowOne() {
        assertThatThrownBy(() -> WasmModule.builder("add", COUNTING_ADD).pool(0, Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-size");
    }

    @Test
    void observerSeesEachExportCall() {
        List<String> seen = new ArrayList<>();
        WasmCallObserver observer = new WasmCallObserver() {
            @Override
            public <T> T observeCall(String module, String function, java.util.function.Supplier<T> call) {
                seen.add(module + "." + function);
                return call.get();
            }
        };
        WasmModule module = WasmModule.builder("calc", COUNTING_ADD).observer(() -> observer).build();
        module.withInstance(instance -> {
            instance.call("add", 1, 2);
            return instance.call("calls");
        });
        assertThat(seen).containsExactly("calc.add", "calc.calls");
    }

    @Test
    void callOutcomeClassifiesFailures() {
        assertThat(CallOutcome.of(null)).isEqualTo(CallOutcome.SUCCESS);
        assertThat(CallOutcome.of(new Trap(Trap.UNREACHABLE))).isEqualTo(CallOutcome.TRAP);
        assertThat(CallOutcome.of(new WasmCallTimeoutException("late"))).isEqualTo(CallOutcome.TIMEOUT);
        assertThat(CallOutcome.of(new IllegalStateException("x"))).isEqualTo(CallOutcome.ERROR);
        assertThat(CallOutcome.TRAP.tagValue()).isEqualTo("trap");
    }
}
