package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.boot.HostFunction;
import io.wasmspring.boot.InstancePolicy;
import io.wasmspring.boot.PoolStats;
import io.wasmspring.boot.WasmCallTimeoutException;
import io.wasmspring.boot.WasmInstance;
import io.wasmspring.boot.WasmLimitExceededException;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fault injection under load: one pooled module ({@code wasm/fault.wat}) called 20,000 times
 * from 64 threads, in a fixed shuffled mix of calls that answer and calls that trap, run past
 * their timeout, meet a failing host function or bring oversized input. Every answer is
 * checked, every failure must be its own exception, an instance that failed must never serve
 * again, and the pool must end idle with exactly the instances that never failed.
 */
class FaultInjectionLoadTests {

    private static final int THREADS = 64;
    private static final int POOL_SIZE = 8;
    private static final int MAX_PAGES = 4;
    private static final int MEMORY_CAP = MAX_PAGES * 65536;

    /** Over the memory cap: refused before any guest code runs. */
    private static final byte[] OVER_THE_CAP = filled(MEMORY_CAP + 1);
    /** Under the cap, but with the arena's start it cannot fit: the guest's malloc returns 0. */
    private static final byte[] FILLS_THE_MEMORY = filled(MEMORY_CAP - 100);
    /** Fits, but "Hello, " + it does not fit as well: the guest aborts. */
    private static final byte[] HALF_THE_MEMORY = filled(MEMORY_CAP / 2 + 10_000);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
            .withUserConfiguration(HostConfiguration.class)
            .withPropertyValues("wasm.modules.fault.location=classpath:wasm/fault.wat",
                    "wasm.modules.fault.pool.max-size=" + POOL_SIZE,
                    "wasm.modules.fault.pool.max-wait=5m",
                    // Answering calls run no loop: the only deadline check they reach is when the host
                    // function returns, microseconds in. Only spin runs long enough to time out.
                    "wasm.modules.fault.limits.call-timeout=200ms",
                    "wasm.modules.fault.limits.max-memory-pages=" + MAX_PAGES,
                    "wasm.modules.fault.allocator.free-results=true");

    /** One kind of call: how many of the 20,000, what it does, and what must come of it. */
    enum Kind {
        ADD(9_000, false) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callInt("add", n, 7);
            }

            @Override
            Object expected(int n) {
                return n + 7;
            }
        },
        GREET(5_000, false) {
            @Override
            Object call(WasmInstance fault, int n) {
                String greeting = fault.callString("greet", "caller " + n + " \u00e9\u00e8");
                // With free-results the result's buffer goes back too: the arena is empty again.
                return greeting + " live=" + fault.callInt("live");
            }

            @Override
            Object expected(int n) {
                return "Hello, caller " + n + " \u00e9\u00e8! live=0";
            }
        },
        DIVIDE(1_000, false) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callInt("divide", n, 3);
            }

            @Override
            Object expected(int n) {
                return n / 3;
            }
        },
        TWICE_BY_HOST(1_500, false) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callInt("twice", n);
            }

            @Override
            Object expected(int n) {
                return 2 * n;
            }
        },
        DIVIDE_BY_ZERO(1_000, true) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callInt("divide", n, 0);
            }

            @Override
            void checkFailure(Throwable failure, int n) {
                assertThat(failure.getClass()).isEqualTo(Trap.class);
                assertThat(failure).hasMessageStartingWith(Trap.INTEGER_DIVIDE_BY_ZERO);
            }
        },
        UNREACHABLE(1_000, true) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.call("crash");
            }

            @Override
            void checkFailure(Throwable failure, int n) {
                assertThat(failure.getClass()).isEqualTo(Trap.class);
                assertThat(failure).hasMessageStartingWith(Trap.UNREACHABLE);
            }
        },
        HOST_THROWS(700, true) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callInt("twice", -1);
            }

            @Override
            void checkFailure(Throwable failure, int n) {
                assertThat(failure.getClass()).isEqualTo(Trap.class);
                assertThat(failure).hasMessageContaining("env.hostTwice").cause()
                        .isInstanceOf(IllegalStateException.class).hasMessage("host says no to -1");
            }
        },
        HOST_THROWS_WASM_EXCEPTION(300, true) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callInt("twice", -2);
            }

            @Override
            void checkFailure(Throwable failure, int n) {
                // Not a trap: the engine lets its own exception types through unchanged.
                assertThat(failure.getClass()).isEqualTo(HostRefusedException.class);
            }
        },
        TIMEOUT(40, true) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.call("spin");
            }

            @Override
            void checkFailure(Throwable failure, int n) {
                assertThat(failure.getClass()).isEqualTo(WasmCallTimeoutException.class);
                assertThat(failure).hasMessageContaining("wasm.modules.fault.limits.call-timeout");
            }
        },
        ARGUMENT_OVER_THE_CAP(200, false) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callString("greet", OVER_THE_CAP);
            }

            @Override
            void checkFailure(Throwable failure, int n) {
                assertThat(failure.getClass()).isEqualTo(WasmLimitExceededException.class);
                assertThat(failure).hasMessageContaining(OVER_THE_CAP.length + " bytes")
                        .hasMessageContaining("max-memory-pages").hasNoCause();
            }
        },
        ARGUMENT_FILLS_THE_MEMORY(60, true) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callString("greet", FILLS_THE_MEMORY);
            }

            @Override
            void checkFailure(Throwable failure, int n) {
                assertThat(failure.getClass()).isEqualTo(WasmLimitExceededException.class);
                assertThat(failure).hasMessageContaining("could not allocate " + FILLS_THE_MEMORY.length)
                        .cause().hasMessageContaining("returned 0");
            }
        },
        RESULT_OVER_THE_MEMORY(200, true) {
            @Override
            Object call(WasmInstance fault, int n) {
                return fault.callString("greet", HALF_THE_MEMORY);
            }

            @Override
            void checkFailure(Throwable failure, int n) {
                assertThat(failure.getClass()).isEqualTo(Trap.class);
                assertThat(failure).hasMessageStartingWith(Trap.UNREACHABLE);
            }
        };

        final int count;
        /** Whether the instance must be discarded: guest code failed on it. */
        final boolean discards;

        Kind(int count, boolean discards) {
            this.count = count;
            this.discards = discards;
        }

        abstract Object call(WasmInstance fault, int n);

        /** The answer of a call that succeeds; {@code null} for a kind that must fail. */
        Object expected(int n) {
            return null;
        }

        void checkFailure(Throwable failure, int n) {
            throw new AssertionError(this + " " + n + " should have answered " + expected(n), failure);
        }
    }

    /** What became of one call: the instance it ran on and its place among that instance's calls. */
    record Outcome(Kind kind, int n, Instance instance, int ordinal, Object answer, Throwable failure) {
    }

    @Test
    void twentyThousandMixedCallsFromSixtyFourThreads() {
        runner.run(context -> {
            WasmModule fault = context.getBean("fault", WasmModule.class);
            List<Outcome> outcomes = callConcurrently(fault, shuffledCalls());

            assertThat(outcomes).hasSize(20_000);
            Map<Kind, Integer> seenPerKind = new HashMap<>();
            for (Outcome outcome : outcomes) {
                seenPerKind.merge(outcome.kind(), 1, Integer::sum);
                assertThat(outcome.instance()).as("%s %s ran on an instance", outcome.kind(), outcome.n()).isNotNull();
                if (outcome.kind().expected(outcome.n()) != null) {
                    assertThat(outcome.failure()).as("%s %s", outcome.kind(), outcome.n()).isNull();
                    assertThat(outcome.answer()).as("%s %s", outcome.kind(), outcome.n())
                            .isEqualTo(outcome.kind().expected(outcome.n()));
                } else {
                    assertThat(outcome.failure()).as("%s %s failed", outcome.kind(), outcome.n()).isNotNull();
                    outcome.kind().checkFailure(outcome.failure(), outcome.n());
                }
            }
            for (Kind kind : Kind.values()) {
                assertThat(seenPerKind.get(kind)).as("calls of kind %s", kind).isEqualTo(kind.count);
            }

            // An instance that failed served no call after the failing one.
            Map<Instance, Integer> lastOrdinal = new HashMap<>();
            for (Outcome outcome : outcomes) {
                lastOrdinal.merge(outcome.instance(), outcome.ordinal(), Math::max);
            }
            Set<Instance> discarded = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Outcome outcome : outcomes) {
                if (outcome.kind().discards) {
                    assertThat(outcome.ordinal()).as("%s %s was the last call on its instance", outcome.kind(), outcome.n())
                            .isEqualTo(lastOrdinal.get(outcome.instance()));
                    discarded.add(outcome.instance());
                }
            }
            int mustDiscard = (int) Arrays.stream(Kind.values()).filter(k -> k.discards).mapToLong(k -> k.count).sum();
            assertThat(discarded).as("one instance per failure").hasSize(mustDiscard);

            // The pool is idle again, holding exactly the instances that never failed (maybe none: the
            // last threads to finish may have used up the idle ones, each failure taking one away).
            PoolStats stats = fault.poolStats();
            assertThat(stats.active()).isZero();
            assertThat(stats.idle()).isEqualTo(stats.size());
            assertThat(stats.size()).isBetween(0, POOL_SIZE).isEqualTo(lastOrdinal.size() - discarded.size());
            // No failure kept a place in the pool: all of its instances can be busy at once again.
            assertThat(holdEveryPlaceAtOnce(fault)).containsOnly(42);
            assertThat(fault.poolStats().size()).isEqualTo(POOL_SIZE);
            assertThat(fault.poolStats().idle()).isEqualTo(POOL_SIZE);
        });
    }

    /** {@link #POOL_SIZE} callers that each hold an instance until all of them hold one; their answers. */
    private static List<Integer> holdEveryPlaceAtOnce(WasmModule fault) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(POOL_SIZE);
        CountDownLatch allHolding = new CountDownLatch(POOL_SIZE);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int t = 0; t < POOL_SIZE; t++) {
                answers.add(executor.submit(() -> fault.withInstance(lent -> {
                    allHolding.countDown();
                    try {
                        // A guard against a lost place, not a timing assertion.
                        assertThat(allHolding.await(2, TimeUnit.MINUTES)).as("all places held at once").isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return lent.callInt("add", 40, 2);
                })));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                all.add(answer.get(5, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            executor.shutdownNow();
        }
    }

    /** The 20,000 calls, each kind its count, in an order fixed by the seed. */
    private static List<Object[]> shuffledCalls() {
        List<Object[]> calls = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < kind.count; i++) {
                calls.add(new Object[] {kind, i});
            }
        }
        Collections.shuffle(calls, new Random(9));
        return calls;
    }

    /** Runs {@code calls} from {@link #THREADS} threads (call i on thread i % THREADS), all starting together. */
    private static List<Outcome> callConcurrently(WasmModule fault, List<Object[]> calls) throws Exception {
        Map<Instance, AtomicInteger> callsPerInstance = new ConcurrentHashMap<>();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Outcome>>> perThread = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                perThread.add(executor.submit(() -> {
                    start.await();
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = first; i < calls.size(); i += THREADS) {
                        outcomes.add(callOnce(fault, (Kind) calls.get(i)[0], (Integer) calls.get(i)[1], callsPerInstance));
                    }
                    return outcomes;
                }));
            }
            start.countDown();
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> outcomes : perThread) {
                // A guard against a hang, not a timing assertion.
                all.addAll(outcomes.get(5, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            executor.shutdownNow();
        }
    }

    private static Outcome callOnce(WasmModule fault, Kind kind, int n, Map<Instance, AtomicInteger> callsPerInstance) {
        Instance[] instance = new Instance[1];
        int[] ordinal = new int[1];
        try {
            Object answer = fault.withInstance(lent -> {
                instance[0] = lent.instance();
                // Calls on one instance never overlap, so this numbers them in the order they ran.
                ordinal[0] = callsPerInstance.computeIfAbsent(lent.instance(), i -> new AtomicInteger()).incrementAndGet();
                return kind.call(lent, n);
            });
            return new Outcome(kind, n, instance[0], ordinal[0], answer, null);
        } catch (RuntimeException | Error e) {
            return new Outcome(kind, n, instance[0], ordinal[0], null, e);
        }
    }

    @Test
    void aFailedCallLeavesNothingForTheNextCallOnThePool() {
        runner.withPropertyValues("wasm.modules.fault.pool.max-size=1").run(context -> {
            WasmModule fault = context.getBean("fault", WasmModule.class);
            for (String failing : List.of("crash", "divide")) {
                Instance before = fault.withInstance(WasmInstance::instance);
                Object[] args = failing.equals("divide") ? new Object[] {1, 0} : new Object[0];
                assertThatThrownBy(() -> fault.call(failing, args)).isInstanceOf(Trap.class);
                assertThat(fault.poolStats().size()).as("after %s", failing).isZero();
                assertThat(fault.withInstance(WasmInstance::instance)).isNotSameAs(before);
                assertThat(fault.callInt("add", 1, 2)).as("marks of the failed call").isEqualTo(3);
                assertThat(fault.callString("greet", "A")).isEqualTo("Hello, A!");
            }
        });
    }

    @Test
    void perCallInstancesShareNothingEvenUnderConcurrency() throws Exception {
        runner.withPropertyValues("wasm.modules.fault.policy=per-call").run(context -> {
            WasmModule fault = context.getBean("fault", WasmModule.class);
            assertThat(fault.poolStats().policy()).isEqualTo(InstancePolicy.PER_CALL);
            ExecutorService executor = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            Set<Instance> instances = ConcurrentHashMap.newKeySet();
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    done.add(executor.submit(() -> {
                        start.await();
                        for (int i = 0; i < 50; i++) {
                            // Each leaves its marks on its instance; none may see another's.
                            assertThatThrownBy(() -> fault.call("crash"))
                                    .isInstanceOf(Trap.class);
                            int answer = fault.withInstance(lent -> {
                                instances.add(lent.instance());
                                return lent.callInt("add", 20, 22);
                            });
                            assertThat(answer).isEqualTo(42);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                executor.shutdownNow();
            }
            assertThat(instances).as("a new instance for every call").hasSize(8 * 50);
            assertThat(fault.poolStats().active()).isZero();
            assertThat(fault.poolStats().size()).isZero();
        });
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    /** Thrown by the host function: an engine exception type, which the engine does not wrap in a trap. */
    static final class HostRefusedException extends WasmException {
        HostRefusedException(String message) {
            super(message);
        }
    }

    /** env.hostTwice: 2x, but it throws for -1 (a plain Java exception) and -2 (a WasmException). */
    static class FaultHost {
        @HostFunction
        int hostTwice(int x) {
            if (x == -1) {
                throw new IllegalStateException("host says no to -1");
            }
            if (x == -2) {
                throw new HostRefusedException("host refuses -2");
            }
            return 2 * x;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostConfiguration {
        @Bean
        FaultHost faultHost() {
            return new FaultHost();
        }
    }
}
