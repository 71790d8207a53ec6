package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Module;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One of the committed test programs under {@code programs/<language>/main.wasm}, run as a WASI
 * command in a fresh sandbox directory, with everything it left behind captured for assertions.
 */
final class RealProgram {

    /** What one run produced: the streams, the exit code, the sandbox's files and the time taken. */
    record Run(String stdout, String stderr, int exitCode, Map<String, String> files, long millis) {
    }

    static final String GUEST_DIR = "/sandbox";
    static final String INPUT = "line from the host\n";

    private final Module module;
    private final long loadMillis;

    private RealProgram(Module module, long loadMillis) {
        this.module = module;
        this.loadMillis = loadMillis;
    }

    /** Decodes, validates and lowers {@code programs/<language>/main.wasm} from the test class path. */
    static RealProgram load(String language) {
        byte[] wasm = resource(language, "main.wasm");
        long start = System.nanoTime();
        Module module = Module.decode(wasm);
        return new RealProgram(module, (System.nanoTime() - start) / 1_000_000);
    }

    /** The bytes of {@code programs/<language>/<file>} on the test class path. */
    static byte[] resource(String language, String file) {
        String name = "/programs/" + language + "/" + file;
        try (InputStream in = RealProgram.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long decoding, validating and lowering the binary took. */
    long loadMillis() {
        return loadMillis;
    }

    /**
     * Runs the program with {@code args} and {@code env}, a sandbox holding {@code input.txt}
     * preopened (read-only when {@code readOnly}) as {@value #GUEST_DIR}, and captured standard streams.
     */
    Run run(Path sandbox, boolean readOnly, Map<String, String> env, String... args) throws IOException {
        Files.writeString(sandbox.resolve("input.txt"), INPUT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder()
                .args(args)
                .env(env)
                .stdout(out)
                .stderr(err)
                .preopen(sandbox, GUEST_DIR, readOnly)
                .build();
        long start = System.nanoTime();
        int exitCode = WasiCommand.run(module, config);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                exitCode, filesUnder(sandbox), millis);
    }

    /** Every file and directory under {@code root}: relative path ("dir/" for directories) to content. */
    static Map<String, String> filesUnder(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String name = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    files.put(name + "/", "");
                } else {
                    files.put(name, Files.readString(p));
                }
            }
        }
        return files;
    }
}
