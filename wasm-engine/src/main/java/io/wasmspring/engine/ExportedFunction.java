package io.wasmspring.engine;

import io.wasmspring.engine.interpreter.Interpreter;
import io.wasmspring.engine.runtime.FunctionInstance;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import io.wasmspring.engine.runtime.Store;
import io.wasmspring.engine.runtime.WasmFunction;
import java.util.List;

/**
 * A function exported by an {@link Instance}, callable from Java. {@link #call} takes and returns
 * Java values (i32 {@link Integer}, i64 {@link Long}, f32 {@link Float}, f64 {@link Double},
 * references as objects); {@link #callRaw} takes and returns the interpreter's raw slots.
 */
public final class ExportedFunction {

    /** The store of host functions reached outside any instance. */
    private static final Store DETACHED = new Store();

    private final String name;
    private final FunctionInstance function;
    private final Instance instance;
    /** Whether some parameter is a reference, whose handle {@link #callRaw} must check. */
    private final boolean referenceParams;

    ExportedFunction(String name, FunctionInstance function, Instance instance) {
        this.name = name;
        this.function = function;
        this.instance = instance;
        this.referenceParams = function.type.params().stream().anyMatch(ValueType::isReference);
    }

    /**
     * The public handle of a function reference held by a table or global: named after the
     * function, owned by the instance that defines it ({@code null} for a host function).
     */
    static ExportedFunction ofReference(FunctionInstance function) {
        Instance owner = function instanceof WasmFunction wasm ? wasm.instance.api : null;
        return new ExportedFunction(function.displayName(), function, owner);
    }

    /** The export name. */
    public String name() {
        return name;
    }

    public FunctionType type() {
        return function.type;
    }

    /** The instance that exports this function ({@code null} for a host function reached through a table). */
    public Instance instance() {
        return instance;
    }

    /** The run-time function (also what a funcref to it holds). */
    FunctionInstance functionInstance() {
        return function;
    }

    /**
     * Calls with raw values: one slot per parameter (two for a v128), i32 in the low 32 bits,
     * floats as their IEEE bits, references as handles ({@link Instance#handle}, 0 for null).
     *
     * <p>Reference handles are numbered per thread and last for one call: a reference result
     * comes back as a handle that stays valid on this thread until its next call from Java
     * returns, so it can be passed straight to that call; after that it is unknown and refused.
     * Hold the objects ({@link #call}, {@link Instance#reference}) to keep references longer.
     *
     * @return one slot per result
     * @throws Trap when the code traps
     */
    public long[] callRaw(long... args) {
        long[] actual = args != null ? args : new long[0];
        int expected = function.type.paramSlots();
        if (actual.length != expected) {
            throw new WasmException("function \"" + name + "\" " + function.type + " takes " + expected
                    + " argument slot(s), but was called with " + actual.length);
        }
        Store store = store();
        if (referenceParams) {
            checkHandles(actual, store);
        }
        store.beginCall();
        long[] results = null;
        try {
            results = invoke(actual);
        } finally {
            // Releases the call's handles; reference results get handles that outlive it.
            store.endCall(results, function.type);
        }
        return results;
    }

    /**
     * Calls with Java values: {@link Integer} (or {@link Short}, {@link Byte}, {@link Character},
     * {@link Boolean}) for i32, {@link Long} (or a smaller integer) for i64, {@link Float} for f32,
     * {@link Double} (or a float or int) for f64, a {@code long[2]} for v128, any object or
     * {@code null} for externref, a function reference or {@code null} for funcref.
     *
     * @return one value per result: Integer, Long, Float, Double, {@code long[2]} or the referenced object
     * @throws Trap when the code traps
     */
    public Object[] call(Object... args) {
        Object[] actual = args != null ? args : new Object[] {null};
        List<ValueType> params = function.type.params();
        if (actual.length != params.size()) {
            throw new WasmException("function \"" + name + "\" " + function.type + " takes " + params.size()
                    + " argument(s), but was called with " + actual.length);
        }
        Store store = store();
        // The handles of the arguments, and of everything the call makes, last until it returns.
        store.beginCall();
        try {
            long[] raw = new long[function.type.paramSlots()];
            int slot = 0;
            for (int i = 0; i < params.size(); i++) {
                slot = ValueConversion.toRaw(actual[i], params.get(i), raw, slot, store, this, i);
            }
            long[] results = invoke(raw);
            List<ValueType> resultTypes = function.type.results();
            Object[] out = new Object[resultTypes.size()];
            slot = 0;
            for (int i = 0; i < out.length; i++) {
                ValueType type = resultTypes.get(i);
                out[i] = ValueConversion.fromRaw(results, slot, type, store);
                slot += type.slots();
            }
            return out;
        } finally {
            store.endCall();
        }
    }

    /** Runs the function on arguments already checked, inside a call begun on the store. */
    private long[] invoke(long[] args) {
        if (function instanceof HostFunctionInstance host) {
            return callHost(host, args);
        }
        return Interpreter.invoke(function, args);
    }

    /** The store whose handles this function's code understands. */
    private Store store() {
        if (function instanceof WasmFunction wasm) {
            return wasm.instance.store;
        }
        // A host function outside any instance shares no instance's store: the detached one will do.
        return instance != null ? instance.state().store : DETACHED;
    }

    /** Every reference argument of a raw call must be a handle of the store (or 0 for null). */
    private void checkHandles(long[] args, Store store) {
        int slot = 0;
        List<ValueType> params = function.type.params();
        for (int i = 0; i < params.size(); i++) {
            ValueType type = params.get(i);
            if (type.isReference() && !store.contains(args[slot])) {
                throw new WasmException("function \"" + name + "\" " + function.type + ": argument " + i + " ("
                        + type + ") is " + args[slot] + ", which is not a reference handle live on this thread"
                        + " (handles last until the outermost call that made them returns, or the next one when made"
                        + " outside a call; use 0 for null, or call(...) with the object itself)");
            }
            slot += type.slots();
        }
    }

    /**
     * A host function re-exported by the instance: called as a call from wasm would call it, with
     * the instance as caller, its failures as traps naming it and its result count checked.
     */
    private long[] callHost(HostFunctionInstance host, long[] args) {
        return Interpreter.invokeHost(host, instance, args);
    }

    /** Two handles are equal when they call the same function, whatever name they were got by. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExportedFunction that && that.function == function;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(function);
    }

    @Override
    public String toString() {
        return "\"" + name + "\" " + function.type;
    }
}
