package io.wasmspring.benchmarks.compare;

import io.wasmspring.benchmarks.BoundaryBenchmark;
import io.wasmspring.benchmarks.LargeModule;
import io.wasmspring.benchmarks.WasiCommandBenchmark;
import io.wasmspring.benchmarks.Workload;
import io.wasmspring.benchmarks.WorkloadBenchmark;
import io.wasmspring.benchmarks.runtimes.WasmRuntimes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks side by side (ours, Chicory's interpreter, Chicory's compiler under JMH;
 * node as a separate process) and prints the table of ratios: the compute workloads and the
 * WASI command in one part, the boundary costs in another.
 *
 * <pre>
 * java -cp benchmarks.jar io.wasmspring.benchmarks.compare.Compare [quick|full]
 *     [--workloads fib,nbody] [--runtimes wasmspring,chicory-compiler]
 *     [--no-boundary] [--no-workloads] [--no-wasi] [--no-node] [--forks n] [--result jmh.json] [--table table.txt]
 * </pre>
 *
 * <p>{@code --forks} runs each benchmark in that many JVMs and averages them. Worth it: how well
 * HotSpot compiles an interpreter's dispatch loop depends on the profile it happens to see, so
 * one JVM can be 20% faster or slower than the next, for Chicory's interpreter as for ours.
 */
public final class Compare {

    /** The rows of {@link BoundaryBenchmark}, named after its methods. */
    static final List<String> BOUNDARY_ROWS = List.of("moduleLoad", "instantiate", "callAdd", "hostRoundTrip");

    private Compare() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Arguments a = Arguments.parse(args);
        PrintStream log = System.out;
        log.println("mode " + a.settings.name() + ": " + a.settings.warmupIterations() + " x "
                + a.settings.warmupSeconds() + " s warm-up, " + a.settings.measurementIterations() + " x "
                + a.settings.measurementSeconds() + " s measured, " + a.forks + (a.forks == 1 ? " fork" : " forks"));
        log.println("large module: " + LargeModule.locate().description());

        Measurements measurements = new Measurements();
        if (a.workloads || a.wasiCommand || a.boundary) {
            for (RunResult result : new Runner(jmhOptions(a)).run()) {
                record(result, measurements);
            }
        }
        if (a.node) {
            NodeReference.measure(a.settings, a.workloads ? a.workloadList() : List.of(), a.wasiCommand,
                    a.boundary, measurements, log);
        }

        List<String> columns = new ArrayList<>(a.runtimes);
        if (!columns.contains(WasmRuntimes.OURS)) {
            columns.add(0, WasmRuntimes.OURS);
        }
        if (a.node) {
            columns.add(NodeReference.NAME);
        }
        List<String> rowOrder = new ArrayList<>();
        Arrays.stream(Workload.values()).map(Workload::id).forEach(rowOrder::add);
        rowOrder.add(NodeReference.WASI_COMMAND_ROW);
        rowOrder.addAll(BOUNDARY_ROWS);
        String table = new RatioTable(WasmRuntimes.OURS, columns, Set.copyOf(BOUNDARY_ROWS), rowOrder)
                .render(measurements);
        log.println();
        log.println(table);
        if (a.table != null) {
            Files.writeString(a.table, table);
        }
    }

    private static org.openjdk.jmh.runner.options.Options jmhOptions(Arguments a) {
        List<String> includes = new ArrayList<>();
        if (a.workloads) {
            includes.add(Pattern.quote(WorkloadBenchmark.class.getName() + ".") + "\\w+$");
        }
        if (a.wasiCommand) {
            includes.add(Pattern.quote(WasiCommandBenchmark.class.getName() + ".") + "\\w+$");
        }
        if (a.boundary) {
            includes.add(Pattern.quote(BoundaryBenchmark.class.getName() + ".") + "\\w+$");
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^(" + String.join("|", includes) + ")")
                .forks(a.forks)
                .warmupIterations(a.settings.warmupIterations())
                .warmupTime(TimeValue.seconds(a.settings.warmupSeconds()))
                .measurementIterations(a.settings.measurementIterations())
                .measurementTime(TimeValue.seconds(a.settings.measurementSeconds()))
                .jvmArgsAppend("-Xss8m")
                .param("runtime", a.runtimes.toArray(String[]::new))
                .param("workload", a.workloadList().stream().map(Workload::id).toArray(String[]::new))
                .shouldFailOnError(true);
        if (a.result != null) {
            options.result(a.result.toString()).resultFormat(ResultFormatType.JSON);
        }
        return options.build();
    }

    private static void record(RunResult result, Measurements into) {
        String benchmark = result.getParams().getBenchmark();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String row = benchmark.startsWith(WorkloadBenchmark.class.getName() + ".")
                ? result.getParams().getParam("workload") : method;
        String runtime = result.getParams().getParam("runtime");
        var primary = result.getPrimaryResult();
        into.put(row, runtime, Measurements.toNanos(primary.getScore(), primary.getScoreUnit()));
    }

    /** The command line. */
    private static final class Arguments {
        RunSettings settings = RunSettings.QUICK;
        List<String> workloadIds = Arrays.stream(Workload.values()).map(Workload::id).toList();
        List<String> runtimes = WasmRuntimes.NAMES;
        boolean workloads = true;
        boolean wasiCommand = true;
        boolean boundary = true;
        boolean node = true;
        int forks = 1;
        Path result;
        Path table;

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "quick", "full" -> a.settings = RunSettings.byName(args[i]);
                    case "--workloads" -> a.workloadIds = split(value(args, ++i));
                    case "--runtimes" -> a.runtimes = split(value(args, ++i));
                    case "--no-boundary" -> a.boundary = false;
                    case "--no-wasi" -> a.wasiCommand = false;
                    case "--no-workloads" -> a.workloads = false;
                    case "--no-node" -> a.node = false;
                    case "--forks" -> a.forks = positive(value(args, ++i));
                    case "--result" -> a.result = Path.of(value(args, ++i));
                    case "--table" -> a.table = Path.of(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: Compare [quick|full] [--workloads a,b] [--runtimes a,b] [--no-boundary]"
                            + " [--no-workloads] [--no-wasi] [--no-node] [--forks N] [--result FILE] [--table FILE]");
                }
            }
            a.workloadList();
            a.runtimes.forEach(WasmRuntimes::byName);
            return a;
        }

        Collection<Workload> workloadList() {
            return workloadIds.stream().map(Workload::byId).toList();
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int positive(String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--forks takes a positive number, not " + value);
        }

        private static List<String> split(String list) {
            return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
