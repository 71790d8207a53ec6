/**
 * Embedding helpers: typed host functions and host modules, and passing strings and bytes to
 * and from a guest's linear memory.
 *
 * <ul>
 *   <li>{@link io.wasmspring.engine.host.HostModule} groups host functions under a module name,
 *       built from lambdas, typed methods ({@link io.wasmspring.engine.host.HostFunctionDefinition})
 *       or {@link io.wasmspring.engine.host.WasmImport}-annotated objects.</li>
 *   <li>{@link io.wasmspring.engine.host.GuestMemory} and
 *       {@link io.wasmspring.engine.host.GuestAllocator} copy data into blocks the guest
 *       allocates and read results back; {@link io.wasmspring.engine.host.GuestFunction} declares
 *       once per export how its strings go in and come out.</li>
 * </ul>
 */
package io.wasmspring.engine.host;
