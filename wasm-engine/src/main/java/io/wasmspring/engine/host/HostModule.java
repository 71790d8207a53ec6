package io.wasmspring.engine.host;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.HostFunction;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * A named group of host functions that modules import from, {@code env} the usual name. Build
 * one with {@link #builder(String)} or collect the {@link WasmImport} methods of an object with
 * {@link #fromAnnotated(Object)}, then add it to {@link Imports.Builder#module(HostModule)}.
 *
 * <pre>{@code
 * HostModule env = HostModule.builder("env")
 *         .function("hostLogUint32", (IntConsumer) sum -> System.out.println(sum))
 *         .function("hostLogString", (Consumer<String>) System.out::println)
 *         .build();
 * Instance instance = module.instantiate(Imports.builder().module(env).build());
 * }</pre>
 * Immutable.
 */
public final class HostModule {

    private final String name;
    private final Map<String, HostFunctionDefinition> functions;

    private HostModule(String name, Map<String, HostFunctionDefinition> functions) {
        this.name = name;
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    /** A builder for the host module that imports name as their module name. */
    public static Builder builder(String name) {
        if (name == null) {
            throw new WasmException("a host module needs a name (\"env\" is the usual one)");
        }
        return new Builder(name);
    }

    /**
     * The {@link WasmImport} methods of {@code target}, one host module per module name, in the
     * order the names first appear. When {@code target} is a {@link Class}, its static methods.
     *
     * @throws HostSignatureException when a method's signature cannot map to wasm
     * @throws WasmException          when there is no annotated method
     */
    public static List<HostModule> fromAnnotated(Object target) {
        if (target == null) {
            throw new WasmException("HostModule.fromAnnotated: no object given");
        }
        Map<String, Builder> builders = new LinkedHashMap<>();
        for (AnnotatedMethod m : annotatedMethods(target)) {
            builders.computeIfAbsent(m.module(), Builder::new).annotated(m, target);
        }
        if (builders.isEmpty()) {
            throw new WasmException(describeTarget(target) + " has no method annotated @WasmImport");
        }
        List<HostModule> modules = new ArrayList<>();
        builders.values().forEach(b -> modules.add(b.build()));
        return List.copyOf(modules);
    }

    /** The module name modules import these functions from. */
    public String name() {
        return name;
    }

    /** The functions, in the order they were added. */
    public List<HostFunctionDefinition> functions() {
        return List.copyOf(functions.values());
    }

    /** The function with field name {@code name}, or {@code null}. */
    public HostFunctionDefinition function(String name) {
        return functions.get(name);
    }

    /** Adds every function to {@code imports} under this module's name. */
    public Imports.Builder addTo(Imports.Builder imports) {
        for (HostFunctionDefinition f : functions.values()) {
            imports.function(name, f.name(), f.type(), f.function());
        }
        return imports;
    }

    /** Imports holding just this module. */
    public Imports toImports() {
        return addTo(Imports.builder()).build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("HostModule ").append(name).append(" {");
        functions.values().forEach(f -> sb.append(' ').append(f.name()).append(' ').append(f.type()).append(';'));
        return sb.append(" }").toString();
    }

    private record AnnotatedMethod(Method method, String module, String name) {
    }

    private static List<AnnotatedMethod> annotatedMethods(Object target) {
        boolean staticOnly = target instanceof Class<?>;
        Class<?> type = staticOnly ? (Class<?>) target : target.getClass();
        List<AnnotatedMethod> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                WasmImport annotation = method.getAnnotation(WasmImport.class);
                if (annotation == null || method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                if (staticOnly && !Modifier.isStatic(method.getModifiers())) {
                    throw new HostSignatureException("@WasmImport method " + TypedBinding.describe(method)
                            + " is not static, but only a class was given: pass an object to bind instance methods");
                }
                String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
                found.add(new AnnotatedMethod(method, annotation.module(), name));
            }
        }
        // getDeclaredMethods has no defined order: sort by name so that modules come out the same every time
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return found;
    }

    private static String describeTarget(Object target) {
        return target instanceof Class<?> c ? "class " + c.getName() : "object of " + target.getClass().getName();
    }

    /**
     * Builds a {@link HostModule}. Each {@code function} overload adds one function; a name may
     * be added once. The functional-interface overloads bind a lambda without reflection (cast
     * the lambda to pick one): {@code (IntConsumer) v -> ...} is {@code (param i32)}.
     */
    // An implicitly typed lambda would match several overloads; the cast is what picks the wasm type.
    @SuppressWarnings("overloads")
    public static final class Builder {

        private static final ValueType I32 = ValueType.I32;
        private static final ValueType I64 = ValueType.I64;
        private static final ValueType F64 = ValueType.F64;
        private static final long U32 = 0xFFFF_FFFFL;

        private final String name;
        private final Map<String, HostFunctionDefinition> functions = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** A function already defined (typed or raw). */
        public Builder function(HostFunctionDefinition function) {
            if (function == null) {
                throw new WasmException("host module " + name + ": no function given");
            }
            if (functions.putIfAbsent(function.name(), function) != null) {
                throw new WasmException("host module " + name + " already has a function named \"" + function.name() + "\"");
            }
            return this;
        }

        /** A raw host function of the given type. */
        public Builder function(String name, FunctionType type, HostFunction function) {
            return function(new HostFunctionDefinition(name, type, function));
        }

        /** A typed method handle; its Java type maps to wasm as {@link HostFunctionDefinition} describes. */
        public Builder function(String name, MethodHandle handle) {
            return function(HostFunctionDefinition.of(name, displayName(name), handle));
        }

        /** A typed method called on {@code target} ({@code null} for a static method). */
        public Builder function(String name, Object target, Method method) {
            if (method == null) {
                throw new WasmException("host function " + displayName(name) + ": no method given");
            }
            return function(TypedBinding.bind(name, displayName(name), target, method));
        }

        /**
         * The {@link WasmImport} methods of {@code target} (static ones of a class) whose module is
         * this one's name.
         */
        public Builder functions(Object target) {
            if (target == null) {
                throw new WasmException("host module " + name + ": no object given");
            }
            int added = 0;
            for (AnnotatedMethod m : annotatedMethods(target)) {
                if (m.module().equals(name)) {
                    annotated(m, target);
                    added++;
                }
            }
            if (added == 0) {
                throw new WasmException(describeTarget(target) + " has no method annotated @WasmImport for module \"" + name + "\"");
            }
            return this;
        }

        // ---- lambdas: one overload per shape; void and primitive results ----

        /** {@code (func)}. */
        public Builder function(String name, Runnable function) {
            return raw(name, function, List.of(), List.of(), (caller, args) -> {
                function.run();
                return RawValues.NO_VALUES;
            });
        }

        /** {@code (func (param i32))}. */
        public Builder function(String name, IntConsumer function) {
            return raw(name, function, List.of(I32), List.of(), (caller, args) -> {
                function.accept((int) args[0]);
                return RawValues.NO_VALUES;
            });
        }

        /** {@code (func (param i64))}. */
        public Builder function(String name, LongConsumer function) {
            return raw(name, function, List.of(I64), List.of(), (caller, args) -> {
                function.accept(args[0]);
                return RawValues.NO_VALUES;
            });
        }

        /** {@code (func (param f64))}. */
        public Builder function(String name, DoubleConsumer function) {
            return raw(name, function, List.of(F64), List.of(), (caller, args) -> {
                function.accept(Double.longBitsToDouble(args[0]));
                return RawValues.NO_VALUES;
            });
        }

        /** {@code (func (param i32 i32))}: the UTF-8 string at {@code (offset, length)} in the caller's memory. */
        public Builder function(String name, Consumer<String> function) {
            String what = "string parameter 0 of host function " + displayName(name);
            return raw(name, function, List.of(I32, I32), List.of(), (caller, args) -> {
                function.accept(RawValues.string(caller, args, 0, what));
                return RawValues.NO_VALUES;
            });
        }

        /** {@code (func (result i32))}. */
        public Builder function(String name, IntSupplier function) {
            return raw(name, function, List.of(), List.of(I32), (caller, args) -> new long[] {function.getAsInt() & U32});
        }

        /** {@code (func (result i64))}. */
        public Builder function(String name, LongSupplier function) {
            return raw(name, function, List.of(), List.of(I64), (caller, args) -> new long[] {function.getAsLong()});
        }

        /** {@code (func (result f64))}. */
        public Builder function(String name, DoubleSupplier function) {
            return raw(name, function, List.of(), List.of(F64),
                    (caller, args) -> new long[] {Double.doubleToRawLongBits(function.getAsDouble())});
        }

        /** {@code (func (param i32) (result i32))}. */
        public Builder function(String name, IntUnaryOperator function) {
            return raw(name, function, List.of(I32), List.of(I32),
                    (caller, args) -> new long[] {function.applyAsInt((int) args[0]) & U32});
        }

        /** {@code (func (param i32 i32) (result i32))}. */
        public Builder function(String name, IntBinaryOperator function) {
            return raw(name, function, List.of(I32, I32), List.of(I32),
                    (caller, args) -> new long[] {function.applyAsInt((int) args[0], (int) args[1]) & U32});
        }

        /** {@code (func (param i64) (result i64))}. */
        public Builder function(String name, LongUnaryOperator function) {
            return raw(name, function, List.of(I64), List.of(I64), (caller, args) -> new long[] {function.applyAsLong(args[0])});
        }

        /** {@code (func (param i64 i64) (result i64))}. */
        public Builder function(String name, LongBinaryOperator function) {
            return raw(name, function, List.of(I64, I64), List.of(I64),
                    (caller, args) -> new long[] {function.applyAsLong(args[0], args[1])});
        }

        /** {@code (func (param f64) (result f64))}. */
        public Builder function(String name, DoubleUnaryOperator function) {
            return raw(name, function, List.of(F64), List.of(F64), (caller, args) -> new long[] {
                Double.doubleToRawLongBits(function.applyAsDouble(Double.longBitsToDouble(args[0])))});
        }

        /** {@code (func (param f64 f64) (result f64))}. */
        public Builder function(String name, DoubleBinaryOperator function) {
            return raw(name, function, List.of(F64, F64), List.of(F64), (caller, args) -> new long[] {Double.doubleToRawLongBits(
                    function.applyAsDouble(Double.longBitsToDouble(args[0]), Double.longBitsToDouble(args[1])))});
        }

        public HostModule build() {
            return new HostModule(name, functions);
        }

        private void annotated(AnnotatedMethod m, Object target) {
            Object receiver = target instanceof Class<?> ? null : target;
            function(TypedBinding.bind(m.name(), displayName(m.name()), receiver, m.method()));
        }

        /** A lambda's handler, wrapped so that what it throws fails the call as a typed function's would. */
        private Builder raw(String name, Object function, List<ValueType> params, List<ValueType> results, HostFunction handler) {
            if (function == null) {
                throw new WasmException("host function " + displayName(name) + ": no function given");
            }
            String display = displayName(name);
            HostFunction guarded = (caller, args) -> {
                try {
                    return handler.call(caller, args);
                } catch (WasmException | Error e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new Trap("host function " + display + " failed: " + e, e);
                }
            };
            return function(new HostFunctionDefinition(name, FunctionType.of(params, results), guarded));
        }

        private String displayName(String function) {
            return name + "." + function;
        }
    }
}
