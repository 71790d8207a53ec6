/**
 * What a Spring application uses: {@link io.wasmspring.boot.WasmModule} (one bean per
 * configured module, thread-safe calls on pooled instances), the
 * {@link io.wasmspring.boot.WasmModules} registry, {@link io.wasmspring.boot.HostFunction} for
 * bean methods that modules import, and the start-up exceptions under
 * {@link io.wasmspring.boot.WasmSetupException}.
 */
package io.wasmspring.boot;
