package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.WasmSetupException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link WasmSetupException} into the start-up report's description and action. */
class WasmSetupFailureAnalyzer extends AbstractFailureAnalyzer<WasmSetupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WasmSetupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
