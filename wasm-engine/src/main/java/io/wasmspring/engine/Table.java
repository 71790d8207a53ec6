package io.wasmspring.engine;

import java.util.Arrays;

/**
 * A table of references. Elements are {@code null}, a function (for {@code funcref} tables: an
 * engine-internal function object) or any host object (for {@code externref} tables).
 */
public final class Table {

    /** Upper bound on table size, so that a hostile module cannot demand an absurd array. */
    public static final int MAX_ELEMENTS = 10_000_000;

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
        this.elements = new Object[(int) type.limits().min()];
        if (init != null) {
            Arrays.fill(elements, init);
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

    public Object get(int index) {
        if (index < 0 || index >= elements.length) {
            throw new Trap(Trap.OUT_OF_BOUNDS_TABLE);
        }
        return elements[index];
    }

    public void set(int index, Object value) {
        if (index < 0 || index >= elements.length) {
            throw new Trap(Trap.OUT_OF_BOUNDS_TABLE);
        }
        elements[index] = value;
    }

    /** Grows by {@code delta} elements set to {@code init}; returns the old size, or -1 past the maximum. */
    public int grow(int delta, Object init) {
        int old = elements.length;
        long max = declaredMax == Limits.UNBOUNDED ? MAX_ELEMENTS : Math.min(declaredMax, MAX_ELEMENTS);
        if (delta < 0 || (long) old + delta > max) {
            return -1;
        }
        Object[] larger = Arrays.copyOf(elements, old + delta);
        Arrays.fill(larger, old, old + delta, init);
        elements = larger;
        return old;
    }
}
