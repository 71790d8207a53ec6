package io.wasmspring.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.benchmarks.runtimes.WasmRuntime.ExportCall;
import io.wasmspring.benchmarks.runtimes.WasmRuntimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our engine computes every workload's checksum, the one gcc computed natively from the same C
 * source: the committed modules and the engine agree. No timing is asserted here.
 */
class WorkloadChecksumTest {

    @ParameterizedTest
    @EnumSource(Workload.class)
    void ourEngineComputesTheNativeChecksum(Workload workload) {
        ExportCall run = WasmRuntimes.byName(WasmRuntimes.OURS).load(workload.wasm()).instantiate()
                .export(Workload.EXPORT);

        long[] result = run.call(workload.input());

        assertThat(result).hasSize(1);
        assertThat(Integer.toUnsignedString((int) result[0]))
                .isEqualTo(Integer.toUnsignedString(workload.checksum()));
    }

    @Test
    void ourEngineRunsTheWasiCommandToTheNativeOutput() {
        var primes = WasmRuntimes.byName(WasmRuntimes.OURS).load(Workload.resource("primes.wasm"));

        assertThat(WasiCommandBenchmark.runAndVerify(primes)).isEqualTo(WasiCommandBenchmark.EXPECTED_CRC32);
    }

    @Test
    void aWasiCommandThatFailsIsReported() {
        var primes = WasmRuntimes.byName(WasmRuntimes.OURS).load(Workload.resource("primes.wasm"));

        // A limit out of range: the program prints to stderr and exits with 2.
        int exitCode = primes.runCommand(java.util.List.of("primes", "1"), java.io.OutputStream.nullOutputStream());

        assertThat(exitCode).isEqualTo(2);
    }

    @Test
    void aWrongChecksumFailsTheBenchmarkCall() {
        assertThatThrownBy(() -> Workload.FIB.verify(Workload.FIB.checksum() + 1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fib: run(30)")
                .hasMessageContaining("expected 832040");
    }

    @Test
    void workloadsAreFoundByTheirJmhParameter() {
        assertThat(Workload.byId("sha256")).isEqualTo(Workload.SHA256);
        assertThatThrownBy(() -> Workload.byId("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJmhParametersNameEveryWorkload() throws NoSuchFieldException {
        String[] params = WorkloadBenchmark.class.getField("workload")
                .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
        assertThat(params).containsExactly(java.util.Arrays.stream(Workload.values())
                .map(Workload::id).toArray(String[]::new));
    }
}
