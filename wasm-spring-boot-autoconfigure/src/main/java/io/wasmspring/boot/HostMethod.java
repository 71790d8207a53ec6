package io.wasmspring.boot;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.host.HostFunctionDefinition;
import io.wasmspring.engine.host.HostSignatureException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A Java method seen as a host function, bound by the engine's typed binder
 * ({@link HostFunctionDefinition}, which defines the Java-to-wasm type mapping). The object the
 * method is called on is looked up at each call, so a Spring bean can be bound before it exists.
 */
public final class HostMethod {

    private static final MethodHandle SUPPLIER_GET;

    static {
        try {
            SUPPLIER_GET = MethodHandles.lookup().findVirtual(Supplier.class, "get", MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Method method;
    private final HostFunctionDefinition definition;

    private HostMethod(Method method, HostFunctionDefinition definition) {
        this.method = method;
        this.definition = definition;
    }

    /**
     * Reads {@code method}'s signature; {@code target} supplies the object to call it on
     * (ignored for a static method).
     *
     * @throws IllegalArgumentException naming the parameter or result that has no wasm counterpart
     */
    public static HostMethod of(String displayName, Method method, Supplier<Object> target) {
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) {
                MethodHandle receiver = SUPPLIER_GET.bindTo(target)
                        .asType(MethodType.methodType(method.getDeclaringClass()));
                handle = MethodHandles.foldArguments(handle, receiver);
            }
            return new HostMethod(method, HostFunctionDefinition.of(displayName, handle));
        } catch (HostSignatureException e) {
            throw new IllegalArgumentException(describe(method) + ": " + e.getMessage(), e);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException(describe(method) + " cannot be called: " + e.getMessage(), e);
        }
    }

    /** The wasm type the Java signature stands for. */
    public FunctionType type() {
        return definition.type();
    }

    public Method method() {
        return method;
    }

    /** {@code SimpleClass.method(ParamType, ...)}, for messages. */
    public String describe() {
        return describe(method);
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The engine-level host function; {@code onCall} runs before each call (for metrics). What
     * the method throws fails the wasm call with a {@link io.wasmspring.engine.Trap} naming it
     * (the engine's own exceptions and {@code Error}s pass through as they are).
     */
    public io.wasmspring.engine.HostFunction asHostFunction(Runnable onCall) {
        io.wasmspring.engine.HostFunction function = definition.function();
        return (caller, args) -> {
            onCall.run();
            return function.call(caller, args);
        };
    }
}
