package io.wasmspring.benchmarks;

import io.wasmspring.benchmarks.runtimes.WasmRuntime.ExportCall;
import io.wasmspring.benchmarks.runtimes.WasmRuntimes;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One call of a workload's {@code run(input)} on one runtime, its checksum checked on every call
 * (a wrong answer fails the benchmark instead of producing a fast number). The instance is made
 * once per trial; {@code run} resets the state it uses, so calls are independent.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkloadBenchmark {

    @Param({"fib", "mandelbrot", "nbody", "sha256", "matmul", "interp"})
    public String workload;

    @Param({WasmRuntimes.OURS, WasmRuntimes.CHICORY_INTERPRETER, WasmRuntimes.CHICORY_COMPILER})
    public String runtime;

    private Workload work;
    private ExportCall run;

    @Setup
    public void setUp() {
        work = Workload.byId(workload);
        run = WasmRuntimes.byName(runtime).load(work.wasm()).instantiate().export(Workload.EXPORT);
    }

    @Benchmark
    public long run() {
        return work.verify(run.call(work.input())[0]);
    }
}
