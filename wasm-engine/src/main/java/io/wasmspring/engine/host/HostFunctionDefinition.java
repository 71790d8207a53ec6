package io.wasmspring.engine.host;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.HostFunction;
import io.wasmspring.engine.WasmException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;

/**
 * One host function ready to be imported: its field name, its wasm type and the raw handler.
 * Make one from a raw handler (the constructor) or bind a typed Java method or method handle
 * with {@link #of(String, MethodHandle)} / {@link #of(String, Object, Method)}.
 *
 * <h2>How a Java signature maps to wasm</h2>
 * <ul>
 *   <li>{@code int}, {@code long}, {@code float}, {@code double} (or their boxes) are i32, i64, f32, f64;
 *       {@code boolean} is an i32 (0 is false, anything else true; a result is 1 or 0).</li>
 *   <li>A {@code String} or {@code byte[]} parameter takes two i32 params, an unsigned
 *       {@code (offset, length)} pair in the caller's memory; the string is decoded as UTF-8, the
 *       bytes are copied.</li>
 *   <li>A {@link io.wasmspring.engine.Memory} or {@link io.wasmspring.engine.Instance} parameter
 *       is the caller's, injected; it takes no wasm param.</li>
 *   <li>The result is {@code void} (none), one of the scalars above, or a record whose
 *       components are scalars: one wasm result per component, in order (multi-value).</li>
 * </ul>
 * Anything else is a {@link HostSignatureException} naming the method and the parameter. The
 * call goes through an adapted {@link MethodHandle}, converting raw slots without boxing.
 * An exception the Java code throws fails the wasm call with a {@link io.wasmspring.engine.Trap}
 * that names the host function and keeps the exception as its cause.
 */
public record HostFunctionDefinition(String name, FunctionType type, HostFunction function) {

    public HostFunctionDefinition {
        if (name == null || type == null || function == null) {
            throw new WasmException("a host function needs a name, a type and a handler (got name " + name
                    + ", type " + type + ", handler " + function + ")");
        }
    }

    /** Binds a method handle whose type is the Java signature (bind a receiver first with {@link MethodHandle#bindTo}). */
    public static HostFunctionDefinition of(String name, MethodHandle handle) {
        return of(name, name, handle);
    }

    /** Binds {@code method}, called on {@code target} ({@code null} for a static method). */
    public static HostFunctionDefinition of(String name, Object target, Method method) {
        requireName(name);
        if (method == null) {
            throw new WasmException("host function " + name + ": no method given");
        }
        return TypedBinding.bind(name, name, target, method);
    }

    /** As {@link #of(String, MethodHandle)}, naming the function {@code displayName} (e.g. {@code env.log}) in messages. */
    static HostFunctionDefinition of(String name, String displayName, MethodHandle handle) {
        requireName(name);
        if (handle == null) {
            throw new WasmException("host function " + displayName + ": no method handle given");
        }
        return TypedBinding.bind(name, displayName, handle, "method handle " + handle.type(), null);
    }

    private static void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new WasmException("a host function needs a name");
        }
    }
}
