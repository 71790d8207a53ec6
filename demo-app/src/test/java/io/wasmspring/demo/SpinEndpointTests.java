package io.wasmspring.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /spin}: a runaway loop must end with a 503 problem detail once its
 * {@code call-timeout} (300 ms in these tests) has passed, and the app must keep serving.
 */
class SpinEndpointTests extends HttpTestSupport {

    /** Several seconds of looping: far past the 300 ms timeout, yet it ends if nothing stops it. */
    private static final long PROBE_ITERATIONS = 80_000_000L;

    @Test
    void aBoundedSpinFinishes() {
        Response response = get("/spin?iterations=1000");

        assertThat(response.status()).isEqualTo(200);
        assertThat((Integer) response.json("$.iterations")).isEqualTo(1000);
    }

    @Test
    void aLoopPastTheCallTimeoutIsA503() {
        // A bounded loop first, so that this test cannot hang: were the timeout not enforced, it would just finish.
        long start = System.nanoTime();
        Response response = get("/spin?iterations=" + PROBE_ITERATIONS);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.status()).as("spin(%d) should stop after the 300 ms call timeout, but answered %s after %d ms",
                PROBE_ITERATIONS, response.body(), millis).isEqualTo(503);
        assertTimedOut(response);
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void aRunawayLoopIsStoppedAndTheAppKeepsServing() {
        assumeTrue(get("/spin?iterations=" + PROBE_ITERATIONS).status() == 503,
                "the call timeout is not enforced, so an endless loop would never end (see aLoopPastTheCallTimeoutIsA503)");

        assertTimedOut(get("/spin"));
        assertTimedOut(get("/spin"));
        assertThat(get("/add?x=20&y=22").body()).isEqualTo("42");
        assertThat(get("/spin?iterations=10").status()).isEqualTo(200);
    }

    @Test
    void timeoutsAreCountedAsTheirOwnOutcome() {
        get("/spin?iterations=" + PROBE_ITERATIONS);

        Response metric = get("/actuator/metrics/wasm.call?tag=module:spin&tag=function:spin&tag=outcome:timeout");

        assertThat(metric.status()).isEqualTo(200);
        List<Double> counts = metric.json("$.measurements[?(@.statistic == 'COUNT')].value");
        assertThat(counts).singleElement().satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(1.0));
    }

    private static void assertTimedOut(Response response) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat((String) response.json("$.title")).isEqualTo("WebAssembly call timed out");
        assertThat((String) response.json("$.outcome")).isEqualTo("timeout");
        assertThat((String) response.json("$.instance")).isEqualTo("/spin");
    }
}
