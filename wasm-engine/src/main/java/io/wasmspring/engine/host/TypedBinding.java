package io.wasmspring.engine.host;

import static java.lang.invoke.MethodType.methodType;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.HostFunction;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds a typed Java method handle as a raw {@link HostFunction}: derives the wasm
 * {@link FunctionType} from the Java signature and adapts the handle, with
 * {@link MethodHandles} combinators, to {@code (Instance caller, long[] args) -> long[]}.
 */
final class TypedBinding {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType RAW = methodType(long[].class, Instance.class, long[].class);

    /** A Java type that is one wasm value, with the conversions for it in {@link RawValues}. */
    private record Scalar(ValueType type, Class<?> primitive, String read, String result, String boxedResult, String slot) {
    }

    private static final Scalar I32 = new Scalar(ValueType.I32, int.class, "i32", "ofI32", "ofBoxedI32", "slotI32");
    private static final Scalar I64 = new Scalar(ValueType.I64, long.class, "i64", "ofI64", "ofBoxedI64", "slotI64");
    private static final Scalar F32 = new Scalar(ValueType.F32, float.class, "f32", "ofF32", "ofBoxedF32", "slotF32");
    private static final Scalar F64 = new Scalar(ValueType.F64, double.class, "f64", "ofF64", "ofBoxedF64", "slotF64");
    private static final Scalar BOOL = new Scalar(ValueType.I32, boolean.class, "bool", "ofBool", "ofBoxedBool", "slotBool");

    private static final Map<Class<?>, Scalar> SCALARS = Map.of(
            int.class, I32, Integer.class, I32,
            long.class, I64, Long.class, I64,
            float.class, F32, Float.class, F32,
            double.class, F64, Double.class, F64,
            boolean.class, BOOL, Boolean.class, BOOL);

    private static final String SUPPORTED_PARAMS = "int, long, float, double, boolean (or their boxes), "
            + "String or byte[] (an (offset, length) pair in the caller's memory), Memory or Instance (the caller's)";
    private static final String SUPPORTED_RESULTS = "void, int, long, float, double, boolean (or their boxes), "
            + "or a record of those for several results";

    private TypedBinding() {
    }

    /** Binds a method of {@code target} ({@code null} for a static method). */
    static HostFunctionDefinition bind(String name, String displayName, Object target, Method method) {
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = LOOKUP.unreflect(method);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new HostSignatureException("host function " + displayName + ": cannot access method "
                    + describe(method) + " (" + e.getMessage() + "); make it public", e);
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            if (target == null) {
                throw new HostSignatureException("host function " + displayName + ": method " + describe(method)
                        + " is not static, so it needs an object to be called on");
            }
            handle = handle.bindTo(target);
        }
        String[] names = Arrays.stream(method.getParameters()).map(Parameter::getName).toArray(String[]::new);
        return bind(name, displayName, handle, "method " + describe(method), names);
    }

    /**
     * Binds {@code handle}, whose type is the Java signature to map.
     *
     * @param owner      how to name the method in messages
     * @param paramNames the parameters' names for messages, or {@code null}
     */
    static HostFunctionDefinition bind(String name, String displayName, MethodHandle handle, String owner, String[] paramNames) {
        MethodType javaType = handle.type();
        int count = javaType.parameterCount();
        List<ValueType> params = new ArrayList<>();
        MethodHandle[] extractors = new MethodHandle[count];
        for (int i = 0; i < count; i++) {
            Class<?> p = javaType.parameterType(i);
            String what = "parameter " + i + (paramNames != null ? " (" + paramNames[i] + ")" : "")
                    + " of host function " + displayName;
            int slot = params.size();
            if (p == Instance.class) {
                extractors[i] = helper("instance", methodType(Instance.class, Instance.class, long[].class, String.class), what);
            } else if (p == Memory.class) {
                extractors[i] = helper("memory", methodType(Memory.class, Instance.class, long[].class, String.class), what);
            } else if (p == String.class || p == byte[].class) {
                String kind = p == String.class ? "string" : "bytes";
                extractors[i] = MethodHandles.insertArguments(
                        find(kind, methodType(p, Instance.class, long[].class, int.class, String.class)), 2, slot, kind + " " + what);
                params.add(ValueType.I32);
                params.add(ValueType.I32);
            } else {
                Scalar scalar = SCALARS.get(p);
                if (scalar == null) {
                    throw new HostSignatureException("host function " + displayName + ": " + owner + " has parameter "
                            + i + (paramNames != null ? " (" + paramNames[i] + ")" : "") + " of type " + p.getName()
                            + ", which has no wasm counterpart; parameters may be " + SUPPORTED_PARAMS);
                }
                MethodHandle read = find(scalar.read(), methodType(scalar.primitive(), long[].class, int.class));
                read = MethodHandles.insertArguments(read, 1, slot).asType(methodType(p, long[].class));
                extractors[i] = MethodHandles.dropArguments(read, 0, Instance.class);
                params.add(scalar.type());
            }
        }
        MethodHandle raw = rawArguments(handle, extractors);
        Class<?> r = javaType.returnType();
        List<ValueType> results = new ArrayList<>();
        String resultWhat = "host function " + displayName;
        MethodHandle toSlots = resultConverter(r, results, resultWhat, owner, displayName);
        MethodHandle adapted = (toSlots == null
                ? MethodHandles.filterReturnValue(raw, MethodHandles.constant(long[].class, RawValues.NO_VALUES))
                : MethodHandles.filterReturnValue(raw, toSlots)).asType(RAW);
        FunctionType type = FunctionType.of(params, results);
        return new HostFunctionDefinition(name, type, invoker(adapted, displayName));
    }

    /** {@code handle} with every parameter computed from the same {@code (Instance, long[])} pair. */
    private static MethodHandle rawArguments(MethodHandle handle, MethodHandle[] extractors) {
        Class<?> r = handle.type().returnType();
        if (extractors.length == 0) {
            return MethodHandles.dropArguments(handle, 0, Instance.class, long[].class);
        }
        // Replace each parameter by its (Instance, long[]) extractor, last first so positions stay put.
        MethodHandle spread = handle;
        for (int i = extractors.length - 1; i >= 0; i--) {
            spread = MethodHandles.collectArguments(spread, i, extractors[i]);
        }
        int[] reorder = new int[2 * extractors.length];
        for (int i = 0; i < extractors.length; i++) {
            reorder[2 * i] = 0;
            reorder[2 * i + 1] = 1;
        }
        return MethodHandles.permuteArguments(spread, methodType(r, Instance.class, long[].class), reorder);
    }

    /** {@code (R)long[]} for result type {@code r}, adding its wasm types to {@code results}; {@code null} for void. */
    private static MethodHandle resultConverter(Class<?> r, List<ValueType> results, String what, String owner, String displayName) {
        if (r == void.class) {
            return null;
        }
        Scalar scalar = SCALARS.get(r);
        if (scalar != null) {
            results.add(scalar.type());
            if (r.isPrimitive()) {
                return find(scalar.result(), methodType(long[].class, r));
            }
            return MethodHandles.insertArguments(find(scalar.boxedResult(), methodType(long[].class, r, String.class)), 1, what);
        }
        if (r.isRecord()) {
            RecordComponent[] components = r.getRecordComponents();
            MethodHandle[] getters = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                Scalar part = SCALARS.get(component.getType());
                if (part == null) {
                    throw new HostSignatureException("host function " + displayName + ": " + owner + " returns record "
                            + r.getName() + " whose component " + component.getName() + " has type "
                            + component.getType().getName() + ", which has no wasm counterpart; components may be "
                            + "int, long, float, double or boolean (or their boxes)");
                }
                results.add(part.type());
                getters[i] = slotGetter(r, component, part, displayName);
            }
            MethodHandle ofRecord = find("ofRecord", methodType(long[].class, Object.class, MethodHandle[].class, String.class));
            return MethodHandles.insertArguments(ofRecord, 1, getters, what).asType(methodType(long[].class, r));
        }
        throw new HostSignatureException("host function " + displayName + ": " + owner + " returns " + r.getName()
                + ", which has no wasm counterpart; results may be " + SUPPORTED_RESULTS);
    }

    /** {@code (Object)long}: reads one record component as a raw slot. */
    private static MethodHandle slotGetter(Class<?> record, RecordComponent component, Scalar part, String displayName) {
        MethodHandle accessor;
        try {
            Method method = component.getAccessor();
            method.setAccessible(true);
            accessor = LOOKUP.unreflect(method);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new HostSignatureException("host function " + displayName + ": cannot read component "
                    + component.getName() + " of record " + record.getName() + " (" + e.getMessage() + "); make it public", e);
        }
        MethodHandle toSlot = find(part.slot(), methodType(long.class, part.primitive()));
        return MethodHandles.filterReturnValue(accessor.asType(methodType(part.primitive(), Object.class)), toSlot);
    }

    /**
     * The raw host function around the adapted handle. What the Java code throws keeps going as
     * the cause of a {@link Trap} that names the host function; the engine's own exceptions
     * (a trap of a nested wasm call, a WASI exit) pass through unchanged.
     */
    private static HostFunction invoker(MethodHandle adapted, String displayName) {
        return (caller, args) -> {
            try {
                return (long[]) adapted.invokeExact(caller, args);
            } catch (WasmException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new Trap("host function " + displayName + " failed: " + e, e);
            }
        };
    }

    private static MethodHandle helper(String name, MethodType type, String what) {
        return MethodHandles.insertArguments(find(name, type), 2, what);
    }

    private static MethodHandle find(String name, MethodType type) {
        try {
            return LOOKUP.findStatic(RawValues.class, name, type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("missing conversion RawValues." + name + type, e);
        }
    }

    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
