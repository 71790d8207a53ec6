package io.wasmspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** The first steps with the {@code hello} module: /add, /hello, /greet, /divide. */
class HelloEndpointsTests extends HttpTestSupport {

    @Test
    void addReturnsTheSumAndTheModuleLogsItThroughHostLogUint32(CapturedOutput output) {
        Response response = get("/add?x=20&y=22");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("42");
        assertThat(output).contains("io.wasmspring.demo.Console").contains("🤖: 42");
    }

    @Test
    void addWrapsAroundLikeAnI32() {
        assertThat(get("/add?x=2147483647&y=1").body()).isEqualTo("-2147483648");
    }

    @Test
    void helloSendsAStringOutThroughHostLogString(CapturedOutput output) {
        Response response = get("/hello");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body()).isEqualTo("👽: 👋 Hello from wasm\n");
        assertThat(output).contains("👽: 👋 Hello from wasm");
    }

    @Test
    void greetPassesAStringInAndGetsOneBack() {
        Response response = get("/greet?name=Spring");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello, Spring!\n");
    }

    @Test
    void greetKeepsUtf8Intact() {
        assertThat(get("/greet?name=Jürgen 🌍").body()).isEqualTo("Hello, Jürgen 🌍!\n");
    }

    @Test
    void greetingManyNamesDoesNotGrowTheModuleMemory() {
        for (int i = 0; i < 300; i++) {
            String name = "name-" + i + "-" + "x".repeat(i % 90);
            assertThat(get("/greet?name=" + name).body()).isEqualTo("Hello, " + name + "!\n");
        }
        Response hello = get("/actuator/wasm/hello");
        Integer pages = hello.json("$.memory.pages");
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void divideDividesInTheModule() {
        assertThat(get("/divide?x=84&y=2").body()).isEqualTo("42");
    }

    @Test
    void aTrapIsA500ProblemDetailNamingIt() {
        Response response = get("/divide?x=1&y=0");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat((String) response.json("$.title")).isEqualTo("WebAssembly trap");
        assertThat((String) response.json("$.trap")).isEqualTo("integer divide by zero");
        assertThat((String) response.json("$.outcome")).isEqualTo("trap");
        assertThat((String) response.json("$.instance")).isEqualTo("/divide");
        assertThat(response.body()).doesNotContain("at io.wasmspring");
    }

    @Test
    void anOverflowingDivisionTrapsToo() {
        Response response = get("/divide?x=-2147483648&y=-1");

        assertThat(response.status()).isEqualTo(500);
        assertThat((String) response.json("$.trap")).isEqualTo("integer overflow");
    }

    @Test
    void theModuleKeepsServingAfterATrap() {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/divide?x=1&y=0").status()).isEqualTo(500);
        }
        assertThat(get("/add?x=1&y=2").body()).isEqualTo("3");
        assertThat(get("/greet?name=again").body()).isEqualTo("Hello, again!\n");
    }

    @Test
    void concurrentCallsEachGetTheirOwnAnswer() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = IntStream.range(0, 200)
                    .mapToObj(i -> clients.submit(() -> get("/greet?name=user" + i).body()))
                    .toList();
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo("Hello, user" + i + "!\n");
            }
        } finally {
            clients.shutdown();
        }
    }
}
