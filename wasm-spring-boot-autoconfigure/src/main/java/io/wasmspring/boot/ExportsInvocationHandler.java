package io.wasmspring.boot;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Backs a user's interface with a module's exports: each abstract method calls the export of the
 * same name, with the arguments and the result mapped as {@link WasmModule#call(String, Class, Object...)} does.
 */
final class ExportsInvocationHandler implements InvocationHandler {

    private final WasmModule module;
    private final Class<?> api;

    ExportsInvocationHandler(WasmModule module, Class<?> api) {
        this.module = module;
        this.api = api;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> api.getName() + " backed by wasm module '" + module.name() + "'";
                default -> throw new UnsupportedOperationException(method.toString());
            };
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return module.call(method.getName(), method.getReturnType(), args != null ? args : new Object[0]);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(WasmModule module, Class<T> api) {
        if (!api.isInterface()) {
            throw new IllegalArgumentException(api.getName() + " is not an interface; only interfaces can be bound to module '"
                    + module.name() + "'");
        }
        return (T) Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, new ExportsInvocationHandler(module, api));
    }
}
