package io.wasmspring.engine.runtime;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference handles of one thread. A handle only ever lives on the thread's wasm value stack
 * and in the raw values of its calls (tables and globals hold the objects), so each thread
 * numbers its references on its own, without locks, and forgets them all when its outermost call
 * from Java returns: the table never holds more than one call's references.
 *
 * <p>A handle is {@code generation << 32 | index + 1}. Every release starts a new generation,
 * drawn from a counter shared by all threads, so a handle kept past its call, or carried to
 * another thread, is recognised as unknown instead of standing for some other object.
 */
final class HandleTable {

    /** How many distinct references one call may hold handles for: past this it traps rather than exhaust the heap. */
    static final int MAX_LIVE_HANDLES = 1 << 20;
    static final int INITIAL_CAPACITY = 16;
    /** A table that grew past this many references gives its arrays back when released, not keep them for the thread. */
    static final int RETAINED_CAPACITY = 1024;

    private static final AtomicInteger GENERATIONS = new AtomicInteger();
    private static final ThreadLocal<HandleTable> CURRENT = ThreadLocal.withInitial(HandleTable::new);

    /** The referenced objects, by handle index. */
    private Object[] objects = new Object[INITIAL_CAPACITY];
    /** Open addressing by identity hash; a slot holds a handle, and is free unless it is of the current generation. */
    private long[] slots = new long[2 * INITIAL_CAPACITY];
    private int size;
    private int generation = nextGeneration();
    /** Calls from Java active on this thread (more than one when a host function calls back into wasm). */
    private int depth;

    private HandleTable() {
    }

    /** The current thread's table. */
    static HandleTable current() {
        return CURRENT.get();
    }

    /** The handle of {@code ref} (not null), assigned on first use in this generation. */
    long handle(Object ref) {
        int hash = spread(System.identityHashCode(ref));
        int mask = slots.length - 1;
        int i = hash & mask;
        while (true) {
            long entry = slots[i];
            if ((int) (entry >>> 32) != generation) {
                break;
            }
            if (objects[(int) entry - 1] == ref) {
                return entry;
            }
            i = (i + 1) & mask;
        }
        if (size >= MAX_LIVE_HANDLES) {
            throw new Trap("too many references in one call: more than " + MAX_LIVE_HANDLES
                    + " distinct references were given handles before the outermost call returned");
        }
        if (size == objects.length) {
            grow();
            i = freeSlot(hash);
        }
        int index = size++;
        objects[index] = ref;
        long handle = handleOf(index);
        slots[i] = handle;
        return handle;
    }

    /** The object {@code handle} stands for, or {@code null} when it is not a live handle of this table. */
    Object get(long handle) {
        if ((int) (handle >>> 32) == generation) {
            int index = (int) handle - 1;
            if (index >= 0 && index < size) {
                return objects[index];
            }
        }
        return null;
    }

    /** A call from Java starts on this thread. */
    void enter() {
        depth++;
    }

    /**
     * A call from Java ends. When it was the outermost one, every handle is released, except
     * that the reference results in {@code results} (raw results going back to Java, or
     * {@code null}) are given handles again in the new generation, rewritten in place, so they
     * outlive the call.
     */
    void exit(long[] results, FunctionType type) {
        if (--depth > 0 || size == 0) {
            return;
        }
        if (results == null || type == null) {
            release();
            return;
        }
        List<ValueType> types = type.results();
        Object[] kept = new Object[types.size()];
        int slot = 0;
        for (int i = 0; i < kept.length; i++) {
            ValueType t = types.get(i);
            if (t.isReference() && slot < results.length && results[slot] != 0) {
                kept[i] = get(results[slot]);
            }
            slot += t.slots();
        }
        release();
        slot = 0;
        for (int i = 0; i < kept.length; i++) {
            // A handle that was not live stays as it was: it is as unknown after the call as before.
            if (kept[i] != null) {
                results[slot] = handle(kept[i]);
            }
            slot += types.get(i).slots();
        }
    }

    /** How many references have live handles on this thread. */
    int size() {
        return size;
    }

    /** How many references the table has room for before it grows. */
    int capacity() {
        return objects.length;
    }

    /** Forgets every handle: a new generation, and the objects left to the garbage collector. */
    private void release() {
        if (objects.length > RETAINED_CAPACITY) {
            objects = new Object[INITIAL_CAPACITY];
            slots = new long[2 * INITIAL_CAPACITY];
        } else {
            Arrays.fill(objects, 0, size, null);
        }
        size = 0;
        generation = nextGeneration();
    }

    private void grow() {
        objects = Arrays.copyOf(objects, objects.length * 2);
        slots = new long[objects.length * 2];
        for (int index = 0; index < size; index++) {
            slots[freeSlot(spread(System.identityHashCode(objects[index])))] = handleOf(index);
        }
    }

    /** The first free slot for an object of hash {@code hash}; there is one, as the slots are never more than half full. */
    private int freeSlot(int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while ((int) (slots[i] >>> 32) == generation) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private long handleOf(int index) {
        return (long) generation << 32 | (index + 1L);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** A fresh generation, never 0, so that the zeros of a new slot array are free slots. */
    private static int nextGeneration() {
        int next;
        do {
            next = GENERATIONS.incrementAndGet();
        } while (next == 0);
        return next;
    }
}
