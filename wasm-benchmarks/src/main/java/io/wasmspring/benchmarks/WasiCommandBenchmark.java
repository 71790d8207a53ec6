package io.wasmspring.benchmarks;

import io.wasmspring.benchmarks.runtimes.WasmRuntime.LoadedModule;
import io.wasmspring.benchmarks.runtimes.WasmRuntimes;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole WASI program, {@code primes.c} built as a command: instantiate with WASI, run
 * {@code _start} (sieve, printf of 9,592 primes, buffered {@code fd_write}s), check that the exit
 * code is 0 and that stdout is byte for byte what the same program printed natively.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WasiCommandBenchmark {

    /** The program's arguments: its name and the sieve's limit. */
    public static final List<String> ARGS = List.of("primes", "100000");
    /** Length and CRC-32 of the native program's output ({@code build.sh native primes}). */
    public static final int EXPECTED_LENGTH = 56166;
    public static final long EXPECTED_CRC32 = 981293796L;

    @Param({WasmRuntimes.OURS, WasmRuntimes.CHICORY_INTERPRETER, WasmRuntimes.CHICORY_COMPILER})
    public String runtime;

    private LoadedModule primes;

    @Setup
    public void setUp() {
        primes = WasmRuntimes.byName(runtime).load(Workload.resource("primes.wasm"));
    }

    @Benchmark
    public long wasiPrimes() {
        return runAndVerify(primes);
    }

    /** Runs the command once; fails unless it exits with 0 and prints the expected output. */
    public static long runAndVerify(LoadedModule primes) {
        CheckedOutput out = new CheckedOutput();
        int exitCode = primes.runCommand(ARGS, out);
        if (exitCode != 0 || out.length != EXPECTED_LENGTH || out.crc.getValue() != EXPECTED_CRC32) {
            throw new IllegalStateException("primes exited with " + exitCode + " after printing " + out.length
                    + " bytes with CRC-32 " + out.crc.getValue() + "; expected exit 0, " + EXPECTED_LENGTH
                    + " bytes, CRC-32 " + EXPECTED_CRC32);
        }
        return out.crc.getValue();
    }

    /** Counts and checksums what the program writes, keeping none of it. */
    static final class CheckedOutput extends OutputStream {
        final CRC32 crc = new CRC32();
        long length;

        @Override
        public void write(int b) {
            crc.update(b);
            length++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            length += len;
        }
    }
}
