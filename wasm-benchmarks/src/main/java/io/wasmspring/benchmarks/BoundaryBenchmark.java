package io.wasmspring.benchmarks;

import io.wasmspring.benchmarks.runtimes.WasmRuntime;
import io.wasmspring.benchmarks.runtimes.WasmRuntime.ExportCall;
import io.wasmspring.benchmarks.runtimes.WasmRuntime.LoadedModule;
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
 * The fixed costs around the code: loading a large module (decode, validate, lower; for
 * Chicory's compiler also the translation to JVM bytecode), instantiating it with WASI, one call
 * of a trivial export, and one call that goes out to a host function and back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BoundaryBenchmark {

    @Param({WasmRuntimes.OURS, WasmRuntimes.CHICORY_INTERPRETER, WasmRuntimes.CHICORY_COMPILER})
    public String runtime;

    private WasmRuntime wasm;
    private byte[] largeModule;
    private LoadedModule loadedLargeModule;
    private ExportCall add;
    private ExportCall callHost;
    private long counter;

    @Setup
    public void setUp() {
        wasm = WasmRuntimes.byName(runtime);
        largeModule = LargeModule.locate().bytes();
        loadedLargeModule = wasm.load(largeModule);
        WasmRuntime.LoadedInstance calls = wasm.load(Workload.resource("calls.wasm")).instantiate();
        add = calls.export("add");
        callHost = calls.export("call_host");
    }

    /** Decode + validate + lower (or compile) the large module. */
    @Benchmark
    public Object moduleLoad() {
        return wasm.load(largeModule);
    }

    /** A fresh instance of the large module, linked with WASI. */
    @Benchmark
    public Object instantiate() {
        return loadedLargeModule.instantiate();
    }

    /** {@code add(i, 1)}: the cost of entering and leaving the engine. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long callAdd() {
        long i = counter++ & 0x7FFF;
        long result = add.call(i, 1)[0];
        if ((int) result != (int) i + 1) {
            throw new IllegalStateException("add(" + i + ", 1) returned " + result);
        }
        return result;
    }

    /** {@code call_host(i)}, which calls {@code env.host_increment(i)}: one round trip to Java. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long hostRoundTrip() {
        long i = counter++ & 0x7FFF;
        long result = callHost.call(i)[0];
        if ((int) result != (int) i + 1) {
            throw new IllegalStateException("call_host(" + i + ") returned " + result);
        }
        return result;
    }
}
