package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;

/** Runs a WASI command module: calls {@code _start} and turns {@code proc_exit} into an exit code. */
public final class WasiCommand {

    private WasiCommand() {
    }

    /** Calls {@code _start} of an instance linked with WASI; returns the exit code (0 when {@code _start} returns). */
    public static int start(Instance instance) {
        try {
            instance.function("_start").callRaw();
            return 0;
        } catch (WasiExitException exit) {
            return exit.exitCode();
        }
    }

    /** Instantiates {@code module} with WASI preview1 configured by {@code config}, runs it and returns its exit code. */
    public static int run(Module module, WasiConfig config) {
        try (WasiPreview1 wasi = new WasiPreview1(config)) {
            Imports imports = wasi.addTo(Imports.builder()).build();
            Instance instance;
            try {
                instance = module.instantiate(imports);
            } catch (WasiExitException exitDuringStart) {
                return exitDuringStart.exitCode();
            }
            return start(instance);
        }
    }
}
