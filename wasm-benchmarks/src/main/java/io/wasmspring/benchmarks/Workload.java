package io.wasmspring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The compute workloads: C programs in {@code src/main/resources/workloads/}, compiled to WASI
 * reactor modules that export {@code run(i32) -> i32}. Each is run with a fixed input and must
 * return the checksum recorded here, computed natively with gcc from the same C source
 * ({@code build.sh native NAME INPUT}). The inputs are sized for 50-500 ms per call on our
 * interpreter, so that JMH iterations measure the interpreter and not the call boundary.
 */
public enum Workload {

    /** Recursive fib(30): calls and i32 arithmetic. */
    FIB("fib", 30, 832040),
    /** 150 x 150 Mandelbrot, up to 100 iterations a point: f64 multiply-add loops. */
    MANDELBROT("mandelbrot", 150, 2422109035L),
    /** 20,000 steps of the five-planet n-body simulation: f64 with sqrt over structs. */
    NBODY("nbody", 20_000, 1829432365L),
    /** SHA-256 of 100,000 pseudo-random bytes: i32 bit operations and byte loads. */
    SHA256("sha256", 100_000, 1651728896L),
    /** 100 x 100 f64 matrix multiply: f64 loads, stores and multiply-adds. */
    MATMUL("matmul", 100, 701904677L),
    /** A switch-dispatch bytecode interpreter summing Collatz stopping times below 3,000: branches and i64. */
    INTERP("interp", 3000, 215015);

    /** The name of the exported function every workload has. */
    public static final String EXPORT = "run";

    private final String id;
    private final int input;
    private final int checksum;

    Workload(String id, int input, long unsignedChecksum) {
        this.id = id;
        this.input = input;
        this.checksum = (int) unsignedChecksum;
    }

    /** The file name stem (and JMH parameter value), e.g. {@code "fib"}. */
    public String id() {
        return id;
    }

    /** The argument passed to {@code run}. */
    public int input() {
        return input;
    }

    /** The expected i32 result of {@code run(input())}. */
    public int checksum() {
        return checksum;
    }

    /** The compiled module, from the class path. */
    public byte[] wasm() {
        return resource(id + ".wasm");
    }

    /** Fails unless {@code result} (the raw slot of an i32 result) is this workload's checksum. */
    public long verify(long result) {
        if ((int) result != checksum) {
            throw new IllegalStateException(id + ": run(" + input + ") returned "
                    + Integer.toUnsignedString((int) result) + ", expected "
                    + Integer.toUnsignedString(checksum));
        }
        return result;
    }

    /** The workload named {@code id}. */
    public static Workload byId(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no workload " + id);
    }

    /** A file of {@code src/main/resources/workloads/} from the class path. */
    public static byte[] resource(String fileName) {
        String path = "/workloads/" + fileName;
        try (InputStream in = Workload.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
