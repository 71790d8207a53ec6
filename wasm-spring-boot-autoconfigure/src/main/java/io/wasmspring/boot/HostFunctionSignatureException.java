package io.wasmspring.boot;

/** A {@link HostFunction} method's Java signature cannot serve the import it is named after. */
public class HostFunctionSignatureException extends WasmSetupException {

    public HostFunctionSignatureException(String moduleName, String message, String action) {
        super(moduleName, message, action);
    }
}
