package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.WasmSetupException;
import io.wasmspring.engine.LinkException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Once every singleton exists (so every {@code @HostFunction} bean does), links each module's
 * imports and creates its first instance, so that a missing import, a host function of the
 * wrong type or a trapping start function stops the application at start-up.
 */
public class WasmModulesInitializer implements SmartInitializingSingleton {

    private final ObjectProvider<WasmModule> modules;

    public WasmModulesInitializer(ObjectProvider<WasmModule> modules) {
        this.modules = modules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (WasmModule module : modules.orderedStream().toList()) {
            try {
                module.start();
            } catch (WasmSetupException e) {
                throw e;
            } catch (LinkException e) {
                throw new WasmSetupException(module.name(), "wasm module '" + module.name() + "' cannot be linked: "
                        + e.getMessage(), "Provide the import with the type the module expects.", e);
            } catch (RuntimeException e) {
                throw new WasmSetupException(module.name(), "wasm module '" + module.name()
                        + "' cannot be instantiated: " + e.getMessage(),
                        "Check the module's start function and data segments, and its limits (wasm.modules."
                                + module.name() + ".limits).", e);
            }
        }
    }
}
