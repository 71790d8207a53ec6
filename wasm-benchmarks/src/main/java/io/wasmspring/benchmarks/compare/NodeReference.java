package io.wasmspring.benchmarks.compare;

import io.wasmspring.benchmarks.LargeModule;
import io.wasmspring.benchmarks.WasiCommandBenchmark;
import io.wasmspring.benchmarks.Workload;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the same modules on node ({@code node:wasi}, V8) as the near-native reference. node is
 * started once and times every workload itself ({@code node/bench.mjs}) with the same warm-up
 * and measured iterations as JMH, so neither its start-up nor V8's warm-up is counted; it
 * reports each iteration's time per operation. The reactors are linked with {@code node:wasi};
 * the WASI command runs on a minimal preview1 written in the script, because {@code node:wasi}
 * of node 20 crashes after some hundreds of {@code start()} calls in one process. When node is
 * absent, nothing is measured and the reason is printed.
 */
public final class NodeReference {

    /** The column name of node's results. */
    public static final String NAME = "node";
    /** The row of the WASI command, named like its benchmark method. */
    public static final String WASI_COMMAND_ROW = "wasiPrimes";

    private static final long TIMEOUT_MINUTES = 20;

    private NodeReference() {
    }

    /** node from {@code NODE_BINARY}, else the first {@code node} on the {@code PATH}. */
    public static Optional<Path> findNode() {
        String configured = System.getenv("NODE_BINARY");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "node");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Measures {@code workloads} (rows named by their id), when {@code wasiCommand} the primes
     * command, and when {@code boundary} the boundary costs (rows named like the benchmark
     * methods), into {@code into}.
     */
    public static void measure(RunSettings settings, Collection<Workload> workloads, boolean wasiCommand,
                               boolean boundary, Measurements into, PrintStream log) {
        Optional<Path> node = findNode();
        if (node.isEmpty()) {
            log.println("node: skipped, no node executable on the PATH (or at NODE_BINARY)");
            return;
        }
        if (wasiCommand) {
            log.println("node: " + WASI_COMMAND_ROW + " runs on a minimal preview1 in bench.mjs, not node:wasi"
                    + " (which crashes after some hundreds of start() calls on node 20)");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("wasm-benchmarks-node");
            String spec = writeSpec(dir, settings, workloads, wasiCommand, boundary);
            Process process = new ProcessBuilder(node.get().toString(), "--no-warnings",
                    dir.resolve("bench.mjs").toString(), spec).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    readLine(line, into, log);
                }
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                log.println("node: stopped after " + TIMEOUT_MINUTES + " minutes");
            } else if (process.exitValue() != 0) {
                log.println("node: exited with status " + process.exitValue());
            }
        } catch (IOException e) {
            log.println("node: skipped, " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.println("node: interrupted");
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void readLine(String line, Measurements into, PrintStream log) {
        String[] parts = line.split(" ", 3);
        if (parts[0].equals("RESULT") && parts.length == 3) {
            into.put(parts[1], NAME, Double.parseDouble(parts[2]));
            log.println("node: " + parts[1] + " " + RatioTable.formatTime(Double.parseDouble(parts[2])) + "/op");
        } else if (parts[0].equals("ITERATION") && parts.length == 3) {
            String[] iteration = parts[2].split(" ");
            log.println("node:   " + parts[1] + " iteration " + iteration[0] + ": "
                    + RatioTable.formatTime(Double.parseDouble(iteration[1])) + "/op");
        } else {
            log.println("node: " + line);
        }
    }

    /** Writes the script and the modules into {@code dir}; returns the JSON argument for the script. */
    private static String writeSpec(Path dir, RunSettings settings, Collection<Workload> workloads,
                                    boolean wasiCommand, boolean boundary) throws IOException {
        Files.write(dir.resolve("bench.mjs"), resource("/node/bench.mjs"));
        StringJoiner entries = new StringJoiner(",", "[", "]");
        for (Workload w : workloads) {
            Path file = dir.resolve(w.id() + ".wasm");
            Files.write(file, w.wasm());
            entries.add("{\"key\":" + quote(w.id()) + ",\"file\":" + quote(file.toString())
                    + ",\"input\":" + w.input() + ",\"checksum\":" + w.checksum() + "}");
        }
        StringBuilder json = new StringBuilder()
                .append("{\"warmupIterations\":").append(settings.warmupIterations())
                .append(",\"warmupMs\":").append(settings.warmupSeconds() * 1000L)
                .append(",\"iterations\":").append(settings.measurementIterations())
                .append(",\"iterationMs\":").append(settings.measurementSeconds() * 1000L)
                .append(",\"workloads\":").append(entries);
        if (boundary) {
            LargeModule largeModule = LargeModule.locate();
            Path large = largeModule.file().orElse(dir.resolve("large.wasm"));
            if (largeModule.file().isEmpty()) {
                Files.write(large, largeModule.bytes());
            }
            Path calls = dir.resolve("calls.wasm");
            Files.write(calls, Workload.resource("calls.wasm"));
            json.append(",\"largeModule\":").append(quote(large.toString()))
                    .append(",\"calls\":").append(quote(calls.toString()));
        }
        if (wasiCommand) {
            Path primes = dir.resolve("primes.wasm");
            Files.write(primes, Workload.resource("primes.wasm"));
            StringJoiner args = new StringJoiner(",", "[", "]");
            WasiCommandBenchmark.ARGS.forEach(arg -> args.add(quote(arg)));
            json.append(",\"command\":{\"key\":").append(quote(WASI_COMMAND_ROW))
                    .append(",\"file\":").append(quote(primes.toString()))
                    .append(",\"args\":").append(args)
                    .append(",\"expectedLength\":").append(WasiCommandBenchmark.EXPECTED_LENGTH).append('}');
        }
        return json.append('}').toString();
    }

    private static byte[] resource(String path) {
        try (var in = NodeReference.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
