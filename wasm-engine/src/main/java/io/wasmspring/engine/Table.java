package io.wasmspring.engine;

import io.wasmspring.engine.runtime.FunctionInstance;
import java.util.Arrays;

/**
 * A table of references. Elements are {@code null}, a function (for {@code funcref} tables) or any
 * host object (for {@code externref} tables). Java code sees a function as an
 * {@link ExportedFunction} it can call, and may store one (or {@code null}) into a funcref table;
 * inside, the table holds the engine's function objects, which the interpreter reads through
 * {@link #elements()}.
 */
public final class Table {

    /** Upper bound on table size, so that a hostile module cannot demand an absurd array. */
    public static final int MAX_ELEMENTS = 10_000_000;

    /**
     * Upper bound on the elements of all the tables of one instance together (its own and the
     * ones it imports), checked when it is instantiated and when its code grows a table.
     */
    public static final long MAX_INSTANCE_ELEMENTS = MAX_ELEMENTS;

    private final ValueType elementType;
    private final long declaredMax;
    private Object[] elements;

    public Table(TableType type) {
        this(type, null);
    }

    /** A table of {@code type}'s minimum size, every element set to {@code init}. */
    public Table(TableType type, Object init) {
        if (type.limits().min() > MAX_ELEMENTS) {
            throw new LinkException("table of " + type.limits().min() + " elements exceeds the limit of " + MAX_ELEMENTS);
        }
        this.elementType = type.elementType();
        this.declaredMax = type.limits().max();
        Object element = checkElement(init);
        this.elements = new Object[(int) type.limits().min()];
        if (element != null) {
            Arrays.fill(elements, element);
        }
    }

    /** The table's type, with its current size as the minimum. */
    public TableType type() {
        return new TableType(elementType, new Limits(size(), declaredMax));
    }

    public ValueType elementType() {
        return elementType;
    }

    public int size() {
        return elements.length;
    }

    /** The backing array, for the interpreter; replaced when the table grows. */
    public Object[] elements() {
        return elements;
    }

    /**
     * The element at {@code index}: {@code null}, an {@link ExportedFunction} for a function
     * reference (callable, and equal to the function's export), or the host object of an externref.
     */
    public Object get(int index) {
        if (index < 0 || index >= elements.length) {
            throw new Trap(Trap.OUT_OF_BOUNDS_TABLE);
        }
        Object element = elements[index];
        return element instanceof FunctionInstance function ? ExportedFunction.ofReference(function) : element;
    }

    /**
     * Sets the element at {@code index}. A funcref table takes {@code null} or a function
     * ({@link ExportedFunction}, or what {@link #get} returned); an externref table takes any object.
     *
     * @throws WasmException when {@code value} is not a function reference for a funcref table
     */
    public void set(int index, Object value) {
        Object element = checkElement(value);
        if (index < 0 || index >= elements.length) {
            throw new Trap(Trap.OUT_OF_BOUNDS_TABLE);
        }
        elements[index] = element;
    }

    /**
     * Grows by {@code delta} elements set to {@code init} (checked as {@link #set} checks it);
     * returns the old size, or -1 past the maximum or when the JVM has no room for the larger table.
     */
    public int grow(int delta, Object init) {
        Object element = checkElement(init);
        int old = elements.length;
        long max = declaredMax == Limits.UNBOUNDED ? MAX_ELEMENTS : Math.min(declaredMax, MAX_ELEMENTS);
        if (delta < 0 || (long) old + delta > max) {
            return -1;
        }
        Object[] larger;
        try {
            larger = Arrays.copyOf(elements, old + delta);
        } catch (OutOfMemoryError e) {
            // The spec lets table.grow fail for any reason; a full heap is a good one.
            return -1;
        }
        Arrays.fill(larger, old, old + delta, element);
        elements = larger;
        return old;
    }

    /** What the table stores for {@code value}: function references unwrapped to the engine's function object. */
    private Object checkElement(Object value) {
        if (elementType != ValueType.FUNCREF || value == null || value instanceof FunctionInstance) {
            return value;
        }
        if (value instanceof ExportedFunction function) {
            return function.functionInstance();
        }
        throw new WasmException("a funcref table holds functions (an ExportedFunction) or null, not "
                + value.getClass().getName() + " " + value);
    }
}
