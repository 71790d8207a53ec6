package io.wasmspring.benchmarks.runtimes;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Chicory, the peer pure-Java runtime: its interpreter, or its runtime compiler (wasm to JVM
 * bytecode when the module is loaded; a function too large for a JVM method falls back to the
 * interpreter).
 */
final class ChicoryRuntime implements WasmRuntime {

    private static final FunctionType I32_TO_I32 = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));

    private final boolean compiler;

    ChicoryRuntime(boolean compiler) {
        this.compiler = compiler;
    }

    @Override
    public String name() {
        return compiler ? WasmRuntimes.CHICORY_COMPILER : WasmRuntimes.CHICORY_INTERPRETER;
    }

    @Override
    public LoadedModule load(byte[] wasm) {
        WasmModule module = Parser.parse(wasm);
        Function<Instance, Machine> machines = compiler ? MachineFactoryCompiler.compile(module) : null;
        return new LoadedModule() {
            @Override
            public LoadedInstance instantiate() {
                return ChicoryRuntime.instantiate(module, machines);
            }

            @Override
            public int runCommand(List<String> args, OutputStream stdout) {
                return ChicoryRuntime.runCommand(module, machines, args, stdout);
            }
        };
    }

    private static LoadedInstance instantiate(WasmModule module, Function<Instance, Machine> machines) {
        WasiPreview1 wasi = wasi(List.of("benchmark"), OutputStream.nullOutputStream());
        HostFunction increment = new HostFunction(HOST_MODULE, HOST_INCREMENT, I32_TO_I32,
                (caller, args) -> new long[] {(int) args[0] + 1});
        ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).addFunction(increment).build();
        Instance instance = newInstance(module, machines, imports);
        if (hasExport(module, REACTOR_INITIALIZE)) {
            instance.export(REACTOR_INITIALIZE).apply();
        }
        return name -> {
            ExportFunction function = instance.export(name);
            return function::apply;
        };
    }

    private static int runCommand(WasmModule module, Function<Instance, Machine> machines, List<String> args,
                                  OutputStream stdout) {
        try (WasiPreview1 wasi = wasi(args, stdout)) {
            ImportValues imports = ImportValues.builder().addFunction(wasi.toHostFunctions()).build();
            newInstance(module, machines, imports).export("_start").apply();
            return 0;
        } catch (WasiExitException exit) {
            return exit.exitCode();
        }
    }

    private static WasiPreview1 wasi(List<String> args, OutputStream stdout) {
        WasiOptions options = WasiOptions.builder()
                .withArguments(args)
                .withStdout(stdout)
                .withStderr(OutputStream.nullOutputStream())
                .withRandom(new Random(42))
                .build();
        return WasiPreview1.builder().withOptions(options).build();
    }

    /** Instantiates without calling the {@code _start} export (none of our modules has a start section). */
    private static Instance newInstance(WasmModule module, Function<Instance, Machine> machines, ImportValues imports) {
        Instance.Builder builder = Instance.builder(module).withImportValues(imports).withStart(false);
        if (machines != null) {
            builder.withMachineFactory(machines);
        }
        return builder.build();
    }

    private static boolean hasExport(WasmModule module, String name) {
        ExportSection exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
