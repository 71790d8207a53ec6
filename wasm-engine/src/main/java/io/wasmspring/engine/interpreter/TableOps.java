package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.Table;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.runtime.FunctionInstance;
import io.wasmspring.engine.runtime.InstanceState;
import java.util.Arrays;

/**
 * Table and reference instructions (spec 4.4.6) and the table lookup of {@code call_indirect}.
 * Tables hold reference objects; on the stack a reference is its handle in the instance's store.
 */
final class TableOps {

    private TableOps() {
    }

    private static final Object[] EMPTY = new Object[0];

    static Trap outOfBounds() {
        return new Trap(Trap.OUT_OF_BOUNDS_TABLE);
    }

    /** The function {@code call_indirect} calls, after the spec's three checks (messages name the index). */
    static FunctionInstance indirectCallee(InstanceState instance, int typeIndex, int tableIndex, int i) {
        Object[] elements = instance.tables[tableIndex].elements();
        if (i < 0 || i >= elements.length) {
            throw new Trap(Trap.UNDEFINED_ELEMENT + " " + Integer.toUnsignedString(i));
        }
        Object element = elements[i];
        if (element == null) {
            throw new Trap(Trap.UNINITIALIZED_ELEMENT + " " + i);
        }
        FunctionInstance callee = (FunctionInstance) element;
        if (callee.type != instance.types[typeIndex]) {
            throw new Trap(Trap.INDIRECT_CALL_TYPE_MISMATCH);
        }
        return callee;
    }

    static long get(InstanceState instance, int table, int i) {
        Object[] elements = instance.tables[table].elements();
        if (i < 0 || i >= elements.length) {
            throw outOfBounds();
        }
        return instance.store.handle(elements[i]);
    }

    static void set(InstanceState instance, int table, int i, long ref) {
        Object[] elements = instance.tables[table].elements();
        if (i < 0 || i >= elements.length) {
            throw outOfBounds();
        }
        elements[i] = instance.store.ref(ref);
    }

    static int size(InstanceState instance, int table) {
        return instance.tables[table].size();
    }

    /** table.grow: the old size, or -1; {@code delta} is unsigned. */
    static int grow(InstanceState instance, int table, long init, int delta) {
        if (delta < 0 || totalElements(instance) + delta > Table.MAX_INSTANCE_ELEMENTS) {
            return -1;
        }
        return instance.tables[table].grow(delta, instance.store.ref(init));
    }

    /** The elements of all the instance's tables, which {@link Table#MAX_INSTANCE_ELEMENTS} caps. */
    private static long totalElements(InstanceState instance) {
        long total = 0;
        for (Table t : instance.tables) {
            total += t.size();
        }
        return total;
    }

    private static void checkRange(long start, long length, int size) {
        if (start + length > size) {
            throw outOfBounds();
        }
    }

    static void fill(InstanceState instance, int table, long i, long ref, long n) {
        Object[] elements = instance.tables[table].elements();
        i &= 0xFFFF_FFFFL;
        n &= 0xFFFF_FFFFL;
        checkRange(i, n, elements.length);
        Arrays.fill(elements, (int) i, (int) (i + n), instance.store.ref(ref));
    }

    static void copy(InstanceState instance, int destination, int source, long d, long s, long n) {
        Object[] to = instance.tables[destination].elements();
        Object[] from = instance.tables[source].elements();
        d &= 0xFFFF_FFFFL;
        s &= 0xFFFF_FFFFL;
        n &= 0xFFFF_FFFFL;
        checkRange(d, n, to.length);
        checkRange(s, n, from.length);
        System.arraycopy(from, (int) s, to, (int) d, (int) n);
    }

    static void init(InstanceState instance, int table, int segment, long d, long s, long n) {
        Object[] to = instance.tables[table].elements();
        Object[] from = instance.elements[segment];
        d &= 0xFFFF_FFFFL;
        s &= 0xFFFF_FFFFL;
        n &= 0xFFFF_FFFFL;
        checkRange(s, n, from.length);
        checkRange(d, n, to.length);
        System.arraycopy(from, (int) s, to, (int) d, (int) n);
    }

    static void dropElement(InstanceState instance, int segment) {
        instance.elements[segment] = EMPTY;
    }

}
