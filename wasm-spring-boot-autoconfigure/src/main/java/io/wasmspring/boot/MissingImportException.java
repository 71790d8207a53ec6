package io.wasmspring.boot;

import io.wasmspring.engine.ImportType;
import java.util.List;

/** A module imports something that neither a {@link HostFunction}, WASI nor the configuration provides. */
public class MissingImportException extends WasmSetupException {

    private final List<ImportType> missingImports;

    public MissingImportException(String moduleName, List<ImportType> missingImports, String message, String action) {
        super(moduleName, message, action);
        this.missingImports = List.copyOf(missingImports);
    }

    /** The first import nothing provides, with the type the module expects. */
    public ImportType missingImport() {
        return missingImports.get(0);
    }

    /** Every import nothing provides, in the module's order. */
    public List<ImportType> missingImports() {
        return missingImports;
    }
}
