package io.wasmspring.boot;

/**
 * A configured module cannot be made ready: its file is missing or is not a valid module, an
 * import has no provider, or a host function cannot serve the import it is meant for. Thrown
 * at start-up; {@link #action()} tells the user what to change.
 */
public class WasmSetupException extends RuntimeException {

    private final String moduleName;
    private final String action;

    public WasmSetupException(String moduleName, String message, String action) {
        this(moduleName, message, action, null);
    }

    public WasmSetupException(String moduleName, String message, String action, Throwable cause) {
        super(message, cause);
        this.moduleName = moduleName;
        this.action = action;
    }

    /** The configured name of the module concerned. */
    public String moduleName() {
        return moduleName;
    }

    /** What to change so that start-up succeeds. */
    public String action() {
        return action;
    }
}
