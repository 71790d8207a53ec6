/**
 * The {@code .wast} script format of the spec test suite: {@link io.wasmspring.engine.wast.WastParser}
 * reads a script into {@link io.wasmspring.engine.wast.Command}s, {@link io.wasmspring.engine.wast.WastRunner}
 * executes them against the engine and counts what passed.
 */
package io.wasmspring.engine.wast;
