package io.wasmspring.boot;

import java.util.List;
import java.util.function.Supplier;

/**
 * Watches calls into modules and out of them (host functions). The Micrometer
 * auto-configurations provide implementations; every bean of this type is applied.
 */
public interface WasmCallObserver {

    /** Does nothing. */
    WasmCallObserver NONE = new WasmCallObserver() {
    };

    /** The function name observed for a call of a name the module does not export (keeps metric tags bounded). */
    String UNKNOWN_FUNCTION = "unknown";

    /** Runs {@code call}, the call of export {@code function} of {@code module}, and returns its result. */
    default <T> T observeCall(String module, String function, Supplier<T> call) {
        return call.get();
    }

    /** Module {@code module} called its import {@code importModule.name}, a host function. */
    default void hostFunctionCalled(String module, String importModule, String name) {
    }

    /** All of {@code observers}, the first outermost. */
    static WasmCallObserver composite(List<? extends WasmCallObserver> observers) {
        if (observers.isEmpty()) {
            return NONE;
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        List<WasmCallObserver> all = List.copyOf(observers);
        return new WasmCallObserver() {
            @Override
            public <T> T observeCall(String module, String function, Supplier<T> call) {
                Supplier<T> chain = call;
                for (int i = all.size() - 1; i >= 0; i--) {
                    WasmCallObserver observer = all.get(i);
                    Supplier<T> inner = chain;
                    chain = () -> observer.observeCall(module, function, inner);
                }
                return chain.get();
            }

            @Override
            public void hostFunctionCalled(String module, String importModule, String name) {
                for (WasmCallObserver observer : all) {
                    observer.hostFunctionCalled(module, importModule, name);
                }
            }
        };
    }
}
