package io.wasmspring.boot;

/** A module's file is missing, unreadable, malformed or fails validation. */
public class WasmModuleLoadException extends WasmSetupException {

    public WasmModuleLoadException(String moduleName, String message, String action, Throwable cause) {
        super(moduleName, message, action, cause);
    }
}
