package io.wasmspring.benchmarks.runtimes;

import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.wasi.Wasi;
import io.wasmspring.engine.wasi.WasiCommand;
import io.wasmspring.engine.wasi.WasiConfig;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;

/** Our engine: {@link Module#decode} (decode, validate, lower), {@link Module#instantiate}, {@link ExportedFunction#callRaw}. */
final class OurRuntime implements WasmRuntime {

    private static final FunctionType I32_TO_I32 = FunctionType.of(new ValueType[] {ValueType.I32}, ValueType.I32);

    @Override
    public String name() {
        return WasmRuntimes.OURS;
    }

    @Override
    public LoadedModule load(byte[] wasm) {
        Module module = Module.decode(wasm);
        return new LoadedModule() {
            @Override
            public LoadedInstance instantiate() {
                return OurRuntime.instantiate(module);
            }

            @Override
            public int runCommand(List<String> args, OutputStream stdout) {
                return WasiCommand.run(module, WasiConfig.builder().args(args).stdout(stdout)
                        .random(new Random(42)).build());
            }
        };
    }

    private static LoadedInstance instantiate(Module module) {
        Imports.Builder imports = Imports.builder();
        Wasi.addTo(imports, WasiConfig.builder().args("benchmark").random(new Random(42)).build());
        imports.function(HOST_MODULE, HOST_INCREMENT, I32_TO_I32,
                (caller, args) -> new long[] {((int) args[0] + 1) & 0xFFFF_FFFFL});
        Instance instance = module.instantiate(imports.build());
        if (hasExport(instance, REACTOR_INITIALIZE)) {
            instance.function(REACTOR_INITIALIZE).callRaw();
        }
        return name -> {
            ExportedFunction function = instance.function(name);
            return function::callRaw;
        };
    }

    private static boolean hasExport(Instance instance, String name) {
        for (ExportType export : instance.exports()) {
            if (export.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
