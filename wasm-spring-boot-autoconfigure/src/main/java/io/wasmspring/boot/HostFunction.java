package io.wasmspring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as a host function: every configured WebAssembly module that
 * imports ({@link #module()}, {@link #name()}) gets it as that import. Discovered the way
 * {@code @EventListener} methods are, so methods of proxied beans work too.
 *
 * <p>Parameters map to wasm values: {@code int}/{@code Integer}/{@code boolean} to i32,
 * {@code long} to i64, {@code float} to f32, {@code double} to f64, and a {@code String} or
 * {@code byte[]} to two i32 values {@code (offset, length)} read from the caller's memory
 * (strings as UTF-8). A parameter of type {@link io.wasmspring.engine.Instance} or
 * {@link io.wasmspring.engine.Memory} receives the calling instance or its memory and takes no
 * wasm value. The result is {@code void}, one of the numeric types above, or a record of them
 * (one wasm result per component). The mapping is the engine's
 * ({@link io.wasmspring.engine.host.HostFunctionDefinition}). What the method throws fails the
 * wasm call: as a {@link io.wasmspring.engine.Trap} that names the host function, with the
 * exception as its cause, or, for the engine's own exceptions
 * ({@link io.wasmspring.engine.WasmException}s, such as a failure of a nested call) and
 * {@code Error}s, as that exception itself. Either way the calling instance is discarded.
 *
 * <p>The method may call back into the module that called it (through its {@code WasmModule}
 * bean): on the same thread, that call runs on the calling instance.
 *
 * <pre>{@code
 * @Component
 * class Console {
 *     @HostFunction
 *     void hostLogString(String message) { log.info(message); }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HostFunction {

    /** The import's function name; the method's name when empty. */
    String name() default "";

    /** The import's module name. */
    String module() default "env";
}
