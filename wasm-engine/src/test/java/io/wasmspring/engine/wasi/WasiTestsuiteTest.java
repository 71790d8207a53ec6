package io.wasmspring.engine.wasi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wasmspring.engine.Module;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the prebuilt WASI test suite ({@code c/}, {@code rust/}, {@code assemblyscript/}) in place:
 * each {@code NAME.wasm} with the args, env and directories of its {@code NAME.json}, checking the
 * exit code and stdout it expects. Directories are preopened from a fresh copy per test. Tests
 * listed as {@code wasi/SUITE/NAME.wasm} in {@code known-failures.txt} must fail (so the list stays true).
 */
class WasiTestsuiteTest {

    private static final List<String> SUITES = List.of("c", "rust", "assemblyscript");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Marks a known failure caused by the JDK's file API before Java 21. */
    private static final String OLD_JDK_ONLY = "on JDK < 21:";

    @TestFactory
    List<DynamicTest> wasiTestsuite() throws IOException {
        Path root = suiteDir();
        if (root == null || !Files.isDirectory(root)) {
            String reason = "WASI test suite not found (system property wasi.testsuite.dir / env WASI_TESTSUITE_DIR): " + root;
            System.out.println("SKIPPED: " + reason);
            return List.of(DynamicTest.dynamicTest("wasi-testsuite", () -> Assumptions.abort(reason)));
        }
        Map<String, String> knownFailures = knownFailures();
        List<DynamicTest> tests = new ArrayList<>();
        for (String suite : SUITES) {
            Path dir = root.resolve(suite);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> wasms;
            try (Stream<Path> s = Files.list(dir)) {
                wasms = s.filter(p -> p.getFileName().toString().endsWith(".wasm")).sorted().toList();
            }
            for (Path wasm : wasms) {
                String id = "wasi/" + suite + "/" + wasm.getFileName();
                tests.add(DynamicTest.dynamicTest(id, () -> check(id, wasm, knownFailures.get(id))));
            }
        }
        return tests;
    }

    @Test
    void everyKnownWasiFailureNamesATestOfTheSuite() throws IOException {
        Path root = suiteDir();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root), "WASI test suite not found");
        for (String entry : knownFailures().keySet()) {
            assertTrue(Files.isRegularFile(root.resolve(entry.substring("wasi/".length()))),
                    "known-failures.txt lists " + entry + ", which is not in the WASI test suite");
        }
    }

    private static Path suiteDir() {
        String dir = System.getProperty("wasi.testsuite.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("WASI_TESTSUITE_DIR");
        }
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    private static void check(String id, Path wasm, String knownFailure) throws Exception {
        String problem = run(wasm);
        if (knownFailure == null && problem != null) {
            fail(problem);
        }
        if (knownFailure != null && problem == null) {
            fail(id + " passes now: remove it from known-failures.txt (was: " + knownFailure + ")");
        }
        if (knownFailure != null) {
            Assumptions.abort("known failure: " + knownFailure + " -- " + problem);
        }
    }

    /** Runs one test program; returns what went wrong, or {@code null} when it met its specification. */
    static String run(Path wasm) throws Exception {
        String name = wasm.getFileName().toString().replaceFirst("\\.wasm$", "");
        Path specFile = wasm.resolveSibling(name + ".json");
        Map<String, Object> spec = Files.exists(specFile)
                ? asMap(MiniJson.parse(Files.readString(specFile)))
                : Map.of();
        Path work = Files.createTempDirectory("wasi-" + name + "-");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            WasiConfig.Builder config = WasiConfig.builder()
                    .args(wasm.getFileName().toString())
                    .stdout(stdout)
                    .stderr(stderr);
            for (Object a : asList(spec.get("args"))) {
                config.args(String.valueOf(a));
            }
            for (Map.Entry<String, Object> e : asMap(spec.get("env")).entrySet()) {
                config.env(e.getKey(), String.valueOf(e.getValue()));
            }
            for (Object d : asList(spec.get("dirs"))) {
                String dirName = String.valueOf(d);
                config.preopen(copyTree(wasm.resolveSibling(dirName), work.resolve(dirName)), dirName);
            }
            if (spec.get("root") instanceof String rootDir) {
                // the newer specification form: this directory is the guest's "/"
                config.preopen(copyTree(wasm.resolveSibling(rootDir), work.resolve("root")), "/");
            }
            int expectedExit = spec.get("exit_code") instanceof Number n ? n.intValue() : 0;
            Module module = Module.read(wasm);
            int exit = runWithTimeout(module, config.build());
            String out = stdout.toString(StandardCharsets.UTF_8);
            String err = stderr.toString(StandardCharsets.UTF_8);
            if (exit != expectedExit) {
                return "exit code " + exit + ", expected " + expectedExit + "; stdout: " + out + "; stderr: " + err;
            }
            if (spec.get("stdout") instanceof String expectedOut && !expectedOut.equals(out)) {
                return "stdout [" + out + "], expected [" + expectedOut + "]; stderr: " + err;
            }
            if (spec.get("stderr") instanceof String expectedErr && !expectedErr.equals(err)) {
                return "stderr [" + err + "], expected [" + expectedErr + "]";
            }
            return null;
        } catch (RuntimeException e) {
            return "threw " + e + "; stderr: " + stderr.toString(StandardCharsets.UTF_8);
        } finally {
            deleteTree(work);
        }
    }

    private static int runWithTimeout(Module module, WasiConfig config) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "wasi-test", 256L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Integer> result = executor.submit(() -> WasiCommand.run(module, config));
            try {
                return result.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                throw new IllegalStateException("timed out after " + TIMEOUT);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw e;
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** Copies a fixture directory so that the test can change it freely; returns the copy. */
    static Path copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to);
            return to;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target); // without the source's read-only attributes
                }
            }
        }
        return to;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code known-failures.txt} entries for this suite: path to reason. */
    static Map<String, String> knownFailures() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = WasiTestsuiteTest.class.getResourceAsStream("/known-failures.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || !t.startsWith("wasi/")) {
                    continue;
                }
                String[] parts = t.split("\\s+", 2);
                String reason = parts.length > 1 ? parts[1] : "";
                if (reason.startsWith(OLD_JDK_ONLY) && Runtime.version().feature() >= 21) {
                    continue;
                }
                out.put(parts[0], reason);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
