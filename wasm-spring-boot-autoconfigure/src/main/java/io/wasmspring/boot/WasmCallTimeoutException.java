package io.wasmspring.boot;

import io.wasmspring.engine.CallTimeoutException;
import java.time.Duration;

/**
 * A call did not finish within its module's {@code limits.call-timeout}. It is the engine's
 * {@link CallTimeoutException} (so code catching that, or {@link io.wasmspring.engine.Trap},
 * still sees it) with a message naming the Spring property to raise instead of the engine's API;
 * the engine's exception is the cause.
 */
public class WasmCallTimeoutException extends CallTimeoutException {

    private final String message;

    /** A timeout with {@code message} as is (no engine exception behind it). */
    public WasmCallTimeoutException(String message) {
        super(Duration.ZERO);
        this.message = message;
    }

    /** Restates the engine's {@code timeout} for module {@code moduleName}, keeping its wasm stack trace. */
    public WasmCallTimeoutException(String moduleName, CallTimeoutException timeout) {
        super(timeout.timeout());
        this.message = "call to module '" + moduleName + "' timed out: it ran longer than wasm.modules." + moduleName
                + ".limits.call-timeout (" + format(timeout.timeout()) + "); raise that property (or wasm.limits.call-timeout"
                + " for every module) to allow longer calls";
        initCause(timeout);
        setWasmStackTrace(timeout.wasmStackTrace());
        setStackTrace(timeout.getStackTrace());
    }

    /** As the property would be written: {@code 200ms}, {@code 5s}. */
    private static String format(Duration d) {
        if (d == null) {
            return "unset";
        }
        long millis = d.toMillis();
        return millis % 1000 == 0 && millis > 0 ? millis / 1000 + "s" : millis + "ms";
    }

    @Override
    public String getMessage() {
        return message;
    }
}
