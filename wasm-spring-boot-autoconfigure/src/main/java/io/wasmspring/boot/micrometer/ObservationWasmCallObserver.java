package io.wasmspring.boot.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.wasmspring.boot.CallOutcome;
import io.wasmspring.boot.WasmCallObserver;
import java.util.function.Supplier;

/**
 * An {@link Observation} named {@code wasm.call} around each export call, with the
 * low-cardinality keys {@code module}, {@code function} and {@code outcome}
 * (success, trap, timeout, error). With Micrometer's meter handler this makes a timer.
 */
public class ObservationWasmCallObserver implements WasmCallObserver {

    /** The observation's name. */
    public static final String NAME = "wasm.call";

    private final ObservationRegistry registry;

    public ObservationWasmCallObserver(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <T> T observeCall(String module, String function, Supplier<T> call) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("wasm " + module + "." + function)
                .lowCardinalityKeyValue("module", module)
                .lowCardinalityKeyValue("function", function);
        if (observation.isNoop()) {
            return call.get();
        }
        observation.start();
        Observation.Scope scope = observation.openScope();
        try {
            T result = call.get();
            observation.lowCardinalityKeyValue("outcome", CallOutcome.SUCCESS.tagValue());
            return result;
        } catch (RuntimeException | Error e) {
            observation.lowCardinalityKeyValue("outcome", CallOutcome.of(e).tagValue());
            observation.error(e);
            throw e;
        } finally {
            scope.close();
            observation.stop();
        }
    }
}
