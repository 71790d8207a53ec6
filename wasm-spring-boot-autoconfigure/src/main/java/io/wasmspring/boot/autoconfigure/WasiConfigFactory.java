package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.WasmSetupException;
import io.wasmspring.engine.wasi.WasiConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a fresh {@link WasiConfig} for each instance of a module from its {@code wasi.*} properties. */
final class WasiConfigFactory implements Supplier<WasiConfig> {

    private final String moduleName;
    private final WasmProperties.Wasi properties;
    private final Logger logger;

    WasiConfigFactory(String moduleName, WasmProperties.Wasi properties) {
        this.moduleName = moduleName;
        this.properties = properties;
        this.logger = LoggerFactory.getLogger("wasm." + moduleName);
        for (WasmProperties.Preopen preopen : properties.getPreopens()) {
            if (preopen.getHostPath() == null || !Files.isDirectory(Path.of(preopen.getHostPath()))) {
                throw new WasmSetupException(moduleName, "module '" + moduleName + "': preopened directory "
                        + preopen.getHostPath() + " does not exist or is not a directory",
                        "Create the directory or fix wasm.modules." + moduleName + ".wasi.preopens[].host-path.");
            }
        }
    }

    /** Whether each config gets a stream of its own for stdin (opened from {@code wasi.stdin}), to be closed with its instance. */
    boolean opensStdin() {
        return properties.getStdin() != null;
    }

    @Override
    public WasiConfig get() {
        WasiConfig.Builder builder = WasiConfig.builder();
        builder.args(properties.getArgs().isEmpty() ? java.util.List.of(moduleName) : properties.getArgs());
        if (properties.isInheritEnv()) {
            builder.inheritEnv();
        }
        builder.env(properties.getEnv());
        if (properties.getStdin() != null) {
            try {
                builder.stdin(properties.getStdin().getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("module '" + moduleName + "': cannot read wasi.stdin " + properties.getStdin(), e);
            }
        }
        builder.stdout(output(properties.getStdout(), false));
        builder.stderr(output(properties.getStderr(), true));
        for (WasmProperties.Preopen preopen : properties.getPreopens()) {
            // No guest path: the engine names it after the directory, never exposing the host path to the guest.
            String guest = preopen.getGuestPath();
            builder.preopen(Path.of(preopen.getHostPath()), guest, preopen.isReadOnly());
        }
        return builder.build();
    }

    private OutputStream output(WasmProperties.Output output, boolean error) {
        return switch (output) {
            case LOG -> new LoggingOutputStream(logger, error);
            case INHERIT -> error ? System.err : System.out;
            case DISCARD -> OutputStream.nullOutputStream();
        };
    }
}
