package io.wasmspring.engine.runtime;

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
        if (handle < 0 || handle > objects.size()) {
            throw new IllegalArgumentException("unknown reference handle " + handle);
        }
        return objects.get((int) handle - 1);
    }
}
