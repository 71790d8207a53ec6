package io.wasmspring.engine.runtime;

import io.wasmspring.engine.Trap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Maps references (functions and host objects) to the {@code long} handles that stand for them
 * on the interpreter's stack, and back. Handle 0 is the null reference, so zeroed locals start
 * out null. Instances that link to each other share one store, so handles mean the same in all.
 * Tables and globals hold the objects themselves; only the stack and raw host calls see handles.
 */
public final class Store {

    /** The handle of the null reference. */
    public static final long NULL = 0;

    private final List<Object> objects = new ArrayList<>();
    private final IdentityHashMap<Object, Long> handles = new IdentityHashMap<>();

    /** The handle for {@code ref}, assigning one on first use; {@link #NULL} for {@code null}. */
    public synchronized long handle(Object ref) {
        if (ref == null) {
            return NULL;
        }
        Long h = handles.get(ref);
        if (h == null) {
            objects.add(ref);
            h = (long) objects.size();
            handles.put(ref, h);
        }
        return h;
    }

    /** The reference a handle stands for ({@code null} for {@link #NULL}). */
    public synchronized Object ref(long handle) {
        if (handle == NULL) {
            return null;
        }
        if (!contains(handle)) {
            throw new Trap("unknown reference handle " + handle + ": references on the stack and in raw calls must"
                    + " be handles this instance's store gave out (0 for null)");
        }
        return objects.get((int) handle - 1);
    }

    /** Whether {@code handle} is {@link #NULL} or a handle this store gave out. */
    public synchronized boolean contains(long handle) {
        return handle >= 0 && handle <= objects.size();
    }
}
