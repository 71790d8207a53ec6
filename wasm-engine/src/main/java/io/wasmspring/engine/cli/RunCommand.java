package io.wasmspring.engine.cli;

import io.wasmspring.engine.ExecutionLimitException;
import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ImportType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.wasi.WasiCommand;
import io.wasmspring.engine.wasi.WasiConfig;
import io.wasmspring.engine.wasi.WasiExitException;
import io.wasmspring.engine.wasi.WasiPreview1;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code run [--dir HOST[::GUEST]]... [--env K=V]... MODULE [ARGS...]}: runs a WASI command
 * module's {@code _start} with inherited stdio, the module file name plus ARGS as its arguments,
 * and exits with its {@code proc_exit} code (0 when {@code _start} returns).
 * {@code run --invoke FUNCTION MODULE [ARGS...]}: instantiates the module (with WASI when it
 * imports {@code wasi_snapshot_preview1}), calls one export with arguments parsed for its parameter types and prints each result on its
 * own line. A trap prints its message and wasm stack trace to stderr, exit status 134.
 * {@code --timeout}, {@code --fuel}, {@code --max-memory-pages} and {@code --max-call-depth}
 * ({@link LimitOptions}) bound the call; going past one prints one line naming the option to
 * raise, exit status 124 (134 for the call depth, which traps).
 */
final class RunCommand implements CliCommand {

    /** Exit status for a trap, as a process killed by SIGABRT would have. */
    static final int TRAP_EXIT_STATUS = 134;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "[--dir HOST[::GUEST]]... [--env K=V]... " + LimitOptions.SYNOPSIS
                + " [--invoke FUNCTION] MODULE [ARGS...]";
    }

    @Override
    public String description() {
        return "run a WASI command's _start and exit with its exit code, or --invoke an export and print its results";
    }

    @Override
    public int run(List<String> commandLine, PrintStream out, PrintStream err) throws UsageException {
        LimitOptions limits = LimitOptions.take(commandLine);
        WasiConfig.Builder wasi = WasiConfig.builder().stdin(System.in).stdout(out).stderr(err);
        String functionName = null;
        List<String> args = limits.remaining();
        int i = 0;
        // Options come before MODULE; everything after it belongs to the program or the function.
        while (i < args.size() && args.get(i).startsWith("--")) {
            String option = args.get(i);
            String value = optionValue(args, i);
            i += option.contains("=") ? 1 : 2;
            switch (option.contains("=") ? option.substring(0, option.indexOf('=')) : option) {
                case "--invoke" -> functionName = value;
                case "--env" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--env needs NAME=VALUE, got " + value);
                    }
                    wasi.env(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--dir" -> addPreopen(wasi, value);
                default -> throw new UsageException("unknown option for run: " + option);
            }
        }
        if (i >= args.size()) {
            throw new UsageException("run needs a MODULE (.wasm or .wat)");
        }
        String moduleFile = args.get(i);
        Module module = ModuleFiles.read(moduleFile);
        List<String> rest = args.subList(i + 1, args.size());
        List<String> programArgs = new ArrayList<>();
        programArgs.add(moduleFile);
        programArgs.addAll(rest);
        wasi.args(programArgs);
        boolean importsWasi = module.imports().stream().anyMatch(imp -> imp.module().equals(WasiPreview1.MODULE));
        if (functionName == null || importsWasi) {
            try (WasiPreview1 preview1 = new WasiPreview1(wasi.build())) {
                Imports imports = preview1.addTo(Imports.builder()).build();
                return functionName == null
                        ? runCommand(module, imports, limits, err)
                        : invoke(module, imports, functionName, rest, limits, out, err);
            }
        }
        if (!module.imports().isEmpty()) {
            throw new UsageException("the module needs imports, which run cannot provide: "
                    + module.imports().stream().map(ImportType::toString).collect(Collectors.joining(", ")));
        }
        return invoke(module, Imports.empty(), functionName, rest, limits, out, err);
    }

    private static String optionValue(List<String> args, int i) throws UsageException {
        String option = args.get(i);
        int eq = option.indexOf('=');
        if (eq > 0) {
            return option.substring(eq + 1);
        }
        if (i + 1 >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i + 1);
    }

    /** {@code HOST[::GUEST]}: the guest path defaults to the host directory as given, as wasmtime's {@code --dir} does. */
    private static void addPreopen(WasiConfig.Builder wasi, String value) throws UsageException {
        int sep = value.indexOf("::");
        String host = sep >= 0 ? value.substring(0, sep) : value;
        String guest = sep >= 0 ? value.substring(sep + 2) : value;
        if (host.isEmpty() || guest.isEmpty()) {
            throw new UsageException("--dir needs HOST[::GUEST], got " + value);
        }
        Path hostPath = Path.of(host);
        if (!Files.isDirectory(hostPath)) {
            throw new UsageException("--dir " + host + ": no such directory");
        }
        wasi.preopen(hostPath, guest);
    }

    /** Runs {@code _start}; the exit code is the program's, a trap or limit is reported as for --invoke. */
    private static int runCommand(Module module, Imports imports, LimitOptions limits, PrintStream err)
            throws UsageException {
        if (module.exports().stream().noneMatch(e -> e.name().equals("_start"))) {
            throw new UsageException("the module exports no _start function; use --invoke FUNCTION to call an export");
        }
        try {
            Instance instance;
            try {
                instance = module.instantiate(imports, limits.limits());
            } catch (WasiExitException exitDuringStart) {
                return exitDuringStart.exitCode();
            }
            return WasiCommand.start(instance);
        } catch (WasiExitException exit) {
            return exit.exitCode();
        } catch (Trap trap) {
            return reportTrap(trap, limits, err);
        } catch (WasmException e) {
            return reportFailure(e, limits, "_start", err);
        }
    }

    private static int invoke(Module module, Imports imports, String functionName, List<String> literals,
            LimitOptions limits, PrintStream out, PrintStream err) throws UsageException {
        try {
            Instance instance = module.instantiate(imports, limits.limits());
            ExportedFunction function = exportedFunction(instance, functionName);
            long[] arguments = arguments(function.type(), literals, functionName);
            long[] results = function.callRaw(arguments);
            printResults(function.type(), results, out);
            return 0;
        } catch (WasiExitException exit) {
            return exit.exitCode();
        } catch (Trap trap) {
            return reportTrap(trap, limits, err);
        } catch (WasmException e) {
            return reportFailure(e, limits, functionName, err);
        }
    }

    private static int reportTrap(Trap trap, LimitOptions limits, PrintStream err) {
        String limit = limits.describe(trap);
        if (limit != null) {
            // A limit stopped it: one line naming the option, no stack trace.
            err.println(limit);
            return trap instanceof ExecutionLimitException ? LimitOptions.LIMIT_EXIT_STATUS : TRAP_EXIT_STATUS;
        }
        err.println("trap: " + trap.getMessage());
        for (String frame : trap.wasmStackTrace()) {
            err.println("  at " + frame);
        }
        return TRAP_EXIT_STATUS;
    }

    private static int reportFailure(WasmException e, LimitOptions limits, String functionName, PrintStream err)
            throws UsageException {
        String limit = limits.describe(e);
        if (limit != null) {
            err.println(limit);
            return LimitOptions.LIMIT_EXIT_STATUS;
        }
        throw new UsageException("cannot run " + functionName + ": " + ModuleFiles.firstLine(e.getMessage()));
    }

    private static ExportedFunction exportedFunction(Instance instance, String name) throws UsageException {
        try {
            return instance.function(name);
        } catch (Trap t) {
            throw t;
        } catch (WasmException e) {
            throw new UsageException(ModuleFiles.firstLine(e.getMessage()));
        }
    }

    private static long[] arguments(FunctionType type, List<String> literals, String name) throws UsageException {
        if (literals.size() != type.params().size()) {
            throw new UsageException(name + " takes " + type.params().size() + " argument(s) " + type + ", "
                    + literals.size() + " given");
        }
        long[] raw = new long[literals.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = ArgumentLiterals.parse(type.params().get(i), literals.get(i));
        }
        return raw;
    }

    private static void printResults(FunctionType type, long[] results, PrintStream out) {
        int slot = 0;
        for (ValueType t : type.results()) {
            long bits = results[slot];
            out.println(switch (t) {
                case I32 -> Integer.toString((int) bits);
                case I64 -> Long.toString(bits);
                case F32 -> Float.toString(Float.intBitsToFloat((int) bits));
                case F64 -> Double.toString(Double.longBitsToDouble(bits));
                case V128 -> String.format("0x%016x%016x", results[slot + 1], bits);
                case FUNCREF -> bits == 0 ? "ref.null func" : "ref.func";
                case EXTERNREF -> bits == 0 ? "ref.null extern" : "ref.extern";
            });
            slot += t.slots();
        }
    }
}
