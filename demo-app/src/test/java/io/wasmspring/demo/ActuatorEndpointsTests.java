package io.wasmspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exposed actuator endpoints: health, metrics and wasm. */
class ActuatorEndpointsTests extends HttpTestSupport {

    @Test
    void healthHasOneIndicatorPerModule() {
        Response response = get("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat((String) response.json("$.status")).isEqualTo("UP");
        for (String module : List.of("hello", "wc", "spin")) {
            assertThat((String) response.json("$.components.wasm.components." + module + ".status")).isEqualTo("UP");
        }
    }

    @Test
    void theWasmEndpointListsEveryModule() {
        Response response = get("/actuator/wasm");

        assertThat(response.status()).isEqualTo(200);
        List<String> exports = response.json("$.modules.hello.exports[*].name");
        assertThat(exports).contains("add", "hello", "greet", "divide", "malloc", "free", "memory");
        List<String> wcImports = response.json("$.modules.wc.imports[*].module");
        assertThat(wcImports).isNotEmpty().allMatch("wasi_snapshot_preview1"::equals);
        assertThat((String) response.json("$.modules.spin.limits.callTimeout")).isEqualTo("PT0.3S");
    }

    @Test
    void theWasmEndpointDescribesOneModule() {
        Response response = get("/actuator/wasm/hello");

        assertThat(response.status()).isEqualTo(200);
        List<String> imports = response.json("$.imports[*].name");
        assertThat(imports).containsExactly("hostLogUint32", "hostLogString");
        assertThat((String) response.json("$.imports[0].type")).isEqualTo("(func (param i32))");
        assertThat((Integer) response.json("$.limits.maxMemoryPages")).isEqualTo(64);
        assertThat((Integer) response.json("$.pool.maxSize")).isEqualTo(4);
    }

    @Test
    void callsAreTimedByModuleFunctionAndOutcome() {
        get("/add?x=1&y=1");

        Response response = get("/actuator/metrics/wasm.call?tag=module:hello&tag=function:add&tag=outcome:success");

        assertThat(response.status()).isEqualTo(200);
        assertThat(count(response)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void trapsAreCountedAsTheirOwnOutcome() {
        get("/divide?x=1&y=0");

        Response response = get("/actuator/metrics/wasm.call?tag=module:hello&tag=function:divide&tag=outcome:trap");

        assertThat(response.status()).isEqualTo(200);
        assertThat(count(response)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void wasiRunsAreTimedToo() {
        post("/wc", "text");

        Response response = get("/actuator/metrics/wasm.call?tag=module:wc&tag=function:_start");

        assertThat(count(response)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void hostFunctionCallsAreCounted() {
        get("/hello");

        Response response = get("/actuator/metrics/wasm.host.calls?tag=module:hello&tag=function:env.hostLogString");

        assertThat(count(response)).isGreaterThanOrEqualTo(1);
    }

    private static double count(Response metric) {
        List<Double> counts = metric.json("$.measurements[?(@.statistic == 'COUNT')].value");
        assertThat(counts).hasSize(1);
        return counts.get(0);
    }
}
