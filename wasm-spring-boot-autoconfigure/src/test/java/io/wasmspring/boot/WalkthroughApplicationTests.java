package io.wasmspring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/** The starter's acceptance test: the walkthrough module in a Spring Boot application, pooled. */
@SpringBootTest(classes = WalkthroughApplicationTests.WalkthroughApplication.class, properties = {
        "wasm.modules.walkthrough.location=classpath:wasm/walkthrough.wasm",
        "wasm.modules.walkthrough.policy=pooled",
        "wasm.modules.walkthrough.pool.max-size=4" })
class WalkthroughApplicationTests {

    private static final int MAX_SIZE = 4;

    @Autowired
    @Qualifier("walkthrough")
    private WasmModule walkthrough;

    @Autowired
    private HostLog hostLog;

    @BeforeEach
    void clearLog() {
        hostLog.clear();
    }

    @Test
    void addReturnsTheSumAndTellsTheHost() {
        assertThat(walkthrough.callInt("add", 20, 22)).isEqualTo(42);
        assertThat(hostLog.numbers()).containsExactly(42);
    }

    @Test
    void helloHandsTheHostTheGreetingFromMemory() {
        walkthrough.call("hello");
        assertThat(hostLog.strings()).containsExactly("\uD83D\uDC4B Hello from wasm");
    }

    @Test
    void stringsGoInAndComeBack() {
        assertThat(walkthrough.callString("greet", "Bob")).isEqualTo("Hello, Bob!");
        assertThat(walkthrough.callString("greet", "Zoë 🌍 日本")).isEqualTo("Hello, Zoë 🌍 日本!");
    }

    @Test
    void concurrentCallersShareAPoolOfFour() throws Exception {
        int callers = 64;
        int callsEach = 10;
        AtomicInteger largestPool = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                largestPool.accumulateAndGet(walkthrough.poolStats().size(), Math::max);
                Thread.onSpinWait();
            }
        });
        sampler.start();
        ExecutorService executor = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                futures.add(executor.submit(() -> {
                    start.await();
                    List<String> failures = new ArrayList<>();
                    for (int i = 0; i < callsEach; i++) {
                        int x = caller * 1000 + i;
                        int sum = walkthrough.callInt("add", x, caller);
                        if (sum != x + caller) {
                            failures.add("add(" + x + ", " + caller + ") = " + sum);
                        }
                        String name = "caller-" + caller + "-call-" + i + "-ü";
                        String greeting = walkthrough.callString("greet", name);
                        if (!greeting.equals("Hello, " + name + "!")) {
                            failures.add("greet(" + name + ") = " + greeting);
                        }
                    }
                    return failures;
                }));
            }
            start.countDown();
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                failures.addAll(future.get(2, TimeUnit.MINUTES));
            }
            assertThat(failures).isEmpty();
        } finally {
            executor.shutdownNow();
            sampling.set(false);
            sampler.join();
        }
        PoolStats stats = walkthrough.poolStats();
        assertThat(stats.policy()).isEqualTo(InstancePolicy.POOLED);
        assertThat(stats.maxSize()).isEqualTo(MAX_SIZE);
        assertThat(stats.size()).isBetween(1, MAX_SIZE);
        assertThat(stats.active()).isZero();
        assertThat(largestPool.get()).isBetween(1, MAX_SIZE);
        assertThat(hostLog.numbers()).hasSize(callers * callsEach);
    }

    /** Records what the module's two imports receive; called from any pool instance's thread. */
    static class HostLog {

        private final Queue<Integer> numbers = new ConcurrentLinkedQueue<>();
        private final Queue<String> strings = new ConcurrentLinkedQueue<>();

        @HostFunction
        public void hostLogUint32(int value) {
            numbers.add(value);
        }

        @HostFunction
        public void hostLogString(String message) {
            strings.add(message);
        }

        List<Integer> numbers() {
            return List.copyOf(numbers);
        }

        List<String> strings() {
            return List.copyOf(strings);
        }

        void clear() {
            numbers.clear();
            strings.clear();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class WalkthroughApplication {

        @Bean
        HostLog hostLog() {
            return new HostLog();
        }
    }
}
