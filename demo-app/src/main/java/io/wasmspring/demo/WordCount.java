package io.wasmspring.demo;

import io.wasmspring.boot.WasmCallObserver;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.wasi.WasiCommand;
import io.wasmspring.engine.wasi.WasiConfig;
import io.wasmspring.engine.wasi.WasiExitException;
import io.wasmspring.engine.wasi.WasiPreview1;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs the {@code wc} WASI command on a text given as its standard input, and collects its
 * standard output. Each run is a fresh instance with its own WASI state (arguments, stdin,
 * stdout), of the module the starter loaded and checked at start-up, under the module's
 * configured limits; the run is observed like the starter's own calls ({@code wasm.call},
 * function {@code _start}).
 */
@Service
public class WordCount {

    /** What one run printed, and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private final WasmModule wc;
    private final ObjectProvider<WasmCallObserver> observers;

    public WordCount(WasmModule wc, ObjectProvider<WasmCallObserver> observers) {
        this.wc = wc;
        this.observers = observers;
    }

    /** Runs {@code wc} with {@code options} ({@code -l}, {@code -w}, {@code -c}) as its arguments and {@code text} as its stdin. */
    public Result run(byte[] text, List<String> options) {
        List<String> args = new ArrayList<>();
        args.add("wc");
        args.addAll(options);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder()
                .args(args)
                .stdin(new ByteArrayInputStream(text))
                .stdout(stdout)
                .stderr(stderr)
                .build();
        WasmCallObserver observer = WasmCallObserver.composite(observers.orderedStream().toList());
        int exitCode = observer.observeCall(wc.name(), "_start", () -> start(config));
        return new Result(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** Links a fresh instance with WASI and the module's limits, and runs {@code _start}; returns the exit code. */
    private int start(WasiConfig config) {
        try (WasiPreview1 wasi = new WasiPreview1(config)) {
            Imports imports = wasi.addTo(Imports.builder()).build();
            Instance instance;
            try {
                instance = wc.module().instantiate(imports, wc.limits().toExecutionLimits());
            } catch (WasiExitException exitedWhileStarting) {
                return exitedWhileStarting.exitCode();
            }
            return WasiCommand.start(instance);
        }
    }
}
