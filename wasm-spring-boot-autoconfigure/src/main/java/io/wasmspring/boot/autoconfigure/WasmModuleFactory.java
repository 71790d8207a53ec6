package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.WasmCallObserver;
import io.wasmspring.boot.WasmLimits;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.WasmModuleLoadException;
import io.wasmspring.boot.WasmSetupException;
import io.wasmspring.engine.ImportType;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.wasi.WasiConfig;
import io.wasmspring.engine.wasi.WasiPreview1;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.util.function.SingletonSupplier;

/** Creates the {@link WasmModule} of each configured name from {@link WasmProperties}. */
public class WasmModuleFactory {

    private final WasmProperties properties;
    private final HostFunctionRegistry hostFunctions;
    private final Supplier<WasmCallObserver> observer;

    public WasmModuleFactory(WasmProperties properties, HostFunctionRegistry hostFunctions,
            ObjectProvider<WasmCallObserver> observers) {
        this.properties = properties;
        this.hostFunctions = hostFunctions;
        this.observer = SingletonSupplier.of(() -> WasmCallObserver.composite(observers.orderedStream().toList()));
    }

    /** The module configured under {@code wasm.modules.<name>}; loads and validates its file now. */
    public WasmModule create(String name) {
        WasmProperties.Module config = properties.getModules().get(name);
        if (config == null) {
            throw new WasmSetupException(name, "no configuration for wasm module '" + name + "'",
                    "Set wasm.modules." + name + ".location.");
        }
        Module module = load(name, config.getLocation());
        Supplier<WasiConfig> wasi = wasiEnabled(config.getWasi(), module) ? new WasiConfigFactory(name, config.getWasi()) : null;
        return WasmModule.builder(name, module)
                .instanceImports(new ModuleImports(name, module, hostFunctions, wasi, observer))
                .policy(config.getPolicy())
                .pool(config.getPool().getMaxSize(), config.getPool().getMaxWait())
                .allocator(config.getAllocator().getAllocate(), config.getAllocator().getDeallocate())
                .freeResults(config.getAllocator().isFreeResults())
                .limits(limits(config.getLimits(), properties.getLimits()))
                .observer(observer)
                .build();
    }

    private static boolean wasiEnabled(WasmProperties.Wasi wasi, Module module) {
        if (wasi.getEnabled() != null) {
            return wasi.getEnabled();
        }
        return module.imports().stream().map(ImportType::module).anyMatch(WasiPreview1.MODULE::equals);
    }

    static WasmLimits limits(WasmProperties.Limits own, WasmProperties.Limits defaults) {
        Integer pages = own.getMaxMemoryPages() != null ? own.getMaxMemoryPages() : defaults.getMaxMemoryPages();
        Long fuel = own.getFuel() != null ? own.getFuel() : defaults.getFuel();
        Integer depth = own.getMaxCallDepth() != null ? own.getMaxCallDepth() : defaults.getMaxCallDepth();
        return new WasmLimits(pages != null ? pages : 0,
                own.getCallTimeout() != null ? own.getCallTimeout() : defaults.getCallTimeout(),
                fuel != null ? fuel : 0, depth != null ? depth : 0);
    }

    private static Module load(String name, Resource location) {
        String property = "wasm.modules." + name + ".location";
        if (location == null) {
            throw new WasmModuleLoadException(name, "wasm module '" + name + "' has no location",
                    "Set " + property + " to the module's file, e.g. classpath:wasm/" + name + ".wasm.", null);
        }
        if (!location.exists()) {
            throw new WasmModuleLoadException(name, "the file of wasm module '" + name + "' does not exist: " + location,
                    "Check " + property + " (classpath: resources are under src/main/resources; file: paths are"
                            + " relative to the working directory).", null);
        }
        byte[] bytes;
        try (InputStream in = location.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new WasmModuleLoadException(name, "cannot read wasm module '" + name + "' from " + location + ": " + e.getMessage(),
                    "Check that " + property + " points to a readable file.", e);
        }
        try {
            return isBinary(bytes) ? Module.decode(bytes) : Module.parseText(new String(bytes, StandardCharsets.UTF_8));
        } catch (MalformedModuleException e) {
            throw new WasmModuleLoadException(name, "wasm module '" + name + "' (" + location + ") is malformed: " + e.getMessage(),
                    "Rebuild the module, or point " + property + " to a WebAssembly binary (.wasm) or text (.wat) file.", e);
        } catch (InvalidModuleException e) {
            throw new WasmModuleLoadException(name, "wasm module '" + name + "' (" + location + ") is invalid: " + e.getMessage(),
                    "Rebuild the module with a compiler that targets WebAssembly 2.0 (no SIMD, threads or GC).", e);
        } catch (WasmException e) {
            throw new WasmModuleLoadException(name, "wasm module '" + name + "' (" + location + ") cannot be loaded: "
                    + e.getMessage(), "Check the module's file.", e);
        }
    }

    private static boolean isBinary(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm';
    }
}
