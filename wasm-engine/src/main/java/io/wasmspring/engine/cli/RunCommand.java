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
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code run --invoke FUNCTION MODULE [ARGS...]}: instantiates a module that needs no imports,
 * calls one export with arguments parsed for its parameter types and prints each result on its
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
        return "--invoke FUNCTION MODULE [ARGS...] " + LimitOptions.SYNOPSIS;
    }

    @Override
    public String description() {
        return "call an exported function of a module that needs no imports and print its results";
    }

    @Override
    public int run(List<String> commandLine, PrintStream out, PrintStream err) throws UsageException {
        LimitOptions limits = LimitOptions.take(commandLine);
        List<String> args = limits.remaining();
        if (args.size() < 3 || !args.get(0).equals("--invoke")) {
            throw new UsageException("run needs --invoke FUNCTION MODULE [ARGS...]");
        }
        String functionName = args.get(1);
        Module module = ModuleFiles.read(args.get(2));
        List<String> literals = args.subList(3, args.size());
        if (!module.imports().isEmpty()) {
            throw new UsageException("the module needs imports, which run cannot provide: "
                    + module.imports().stream().map(ImportType::toString).collect(Collectors.joining(", ")));
        }
        try {
            Instance instance = module.instantiate(Imports.empty(), limits.limits());
            ExportedFunction function = exportedFunction(instance, functionName);
            long[] arguments = arguments(function.type(), literals, functionName);
            long[] results = function.callRaw(arguments);
            printResults(function.type(), results, out);
            return 0;
        } catch (Trap trap) {
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
        } catch (WasmException e) {
            String limit = limits.describe(e);
            if (limit != null) {
                err.println(limit);
                return LimitOptions.LIMIT_EXIT_STATUS;
            }
            throw new UsageException("cannot run " + functionName + ": " + ModuleFiles.firstLine(e.getMessage()));
        }
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
