package io.wasmspring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The large module whose loading and instantiation are measured: a Rust program of the WASI test
 * suite (about 180 KB of code), read in place from the shared suite, never copied. Where the
 * suite is absent the biggest of our own workloads stands in, and {@link #description()} says so.
 */
public final class LargeModule {

    /** A Rust-compiled WASI command of the suite, among its largest. */
    static final String SUITE_FILE = "rust/fd_readdir.wasm";

    private final String description;
    private final byte[] bytes;
    private final Path file;

    private LargeModule(String description, byte[] bytes, Path file) {
        this.description = description;
        this.bytes = bytes;
        this.file = file;
    }

    /** The suite's file, when it was found (other processes read it there too). */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public String description() {
        return description;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Finds the suite's file through {@code -Dwasi.testsuite.dir}, {@code WASI_TESTSUITE_DIR} or the usual places. */
    public static LargeModule locate() {
        for (Path dir : candidateSuiteDirs()) {
            Path file = dir.resolve(SUITE_FILE);
            if (Files.isRegularFile(file)) {
                try {
                    return new LargeModule(file.toString(), Files.readAllBytes(file), file.toAbsolutePath());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Workload fallback = Workload.SHA256;
        return new LargeModule("workloads/" + fallback.id() + ".wasm (WASI test suite not found)", fallback.wasm(), null);
    }

    private static List<Path> candidateSuiteDirs() {
        List<Path> dirs = new ArrayList<>();
        String property = System.getProperty("wasi.testsuite.dir");
        if (property != null && !property.isBlank()) {
            dirs.add(Path.of(property));
        }
        String env = System.getenv("WASI_TESTSUITE_DIR");
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        dirs.add(Path.of("../shared/wasi-testsuite"));
        dirs.add(Path.of("../../shared/wasi-testsuite"));
        dirs.add(Path.of("/work/shared/wasi-testsuite"));
        return dirs;
    }
}
