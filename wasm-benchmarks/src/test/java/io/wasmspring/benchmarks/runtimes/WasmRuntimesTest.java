package io.wasmspring.benchmarks.runtimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.benchmarks.LargeModule;
import io.wasmspring.benchmarks.WasiCommandBenchmark;
import io.wasmspring.benchmarks.Workload;
import io.wasmspring.benchmarks.runtimes.WasmRuntime.LoadedInstance;
import io.wasmspring.benchmarks.runtimes.WasmRuntime.LoadedModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each runtime runs the boundary benchmarks' modules the same way, so the comparison is of like with like. */
class WasmRuntimesTest {

    @ParameterizedTest
    @ValueSource(strings = {WasmRuntimes.OURS, WasmRuntimes.CHICORY_INTERPRETER, WasmRuntimes.CHICORY_COMPILER})
    void addAndTheHostRoundTripGiveTheSameAnswers(String name) {
        LoadedInstance calls = WasmRuntimes.byName(name).load(Workload.resource("calls.wasm")).instantiate();

        assertThat((int) calls.export("add").call(20, 22)[0]).isEqualTo(42);
        assertThat((int) calls.export("add").call(-1, 1)[0]).isZero();
        assertThat((int) calls.export("call_host").call(41)[0]).isEqualTo(42);
        assertThat((int) calls.export("call_host").call(0xFFFF_FFFFL)[0]).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {WasmRuntimes.OURS, WasmRuntimes.CHICORY_INTERPRETER, WasmRuntimes.CHICORY_COMPILER})
    void theLargeModuleLoadsAndInstantiatesWithWasi(String name) {
        WasmRuntime runtime = WasmRuntimes.byName(name);

        LoadedInstance instance = runtime.load(LargeModule.locate().bytes()).instantiate();

        assertThat(instance).isNotNull();
        assertThat(runtime.name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {WasmRuntimes.OURS, WasmRuntimes.CHICORY_COMPILER})
    void aPeerComputesTheSameChecksum(String name) {
        Workload workload = Workload.INTERP;

        long result = WasmRuntimes.byName(name).load(workload.wasm()).instantiate()
                .export(Workload.EXPORT).call(workload.input())[0];

        assertThat(workload.verify(result)).isEqualTo(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {WasmRuntimes.CHICORY_INTERPRETER, WasmRuntimes.CHICORY_COMPILER})
    void chicoryRunsTheWasiCommandToTheNativeOutput(String name) {
        LoadedModule primes = WasmRuntimes.byName(name).load(Workload.resource("primes.wasm"));

        assertThat(WasiCommandBenchmark.runAndVerify(primes)).isEqualTo(WasiCommandBenchmark.EXPECTED_CRC32);
    }

    @org.junit.jupiter.api.Test
    void anUnknownRuntimeIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> WasmRuntimes.byName("wasmtime"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wasmtime")
                .hasMessageContaining(WasmRuntimes.CHICORY_COMPILER);
    }
}
