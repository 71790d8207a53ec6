package io.wasmspring.engine.runtime;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Trap;

/**
 * Maps references (functions and host objects) to the {@code long} handles that stand for them
 * on the interpreter's stack, and back. Handle 0 is the null reference, so zeroed locals start
 * out null. Tables and globals hold the objects themselves; only the stack and raw calls see
 * handles, so a handle need only last as long as the call it was made in.
 *
 * <p>Handles are therefore numbered per thread and released when the thread's outermost call
 * from Java returns ({@link #beginCall}, {@link #endCall}): a long-lived instance fed fresh
 * objects keeps no more than one call's worth, and threads never contend for handles. A handle
 * means the same in every instance the thread runs; kept past its call, or used on another
 * thread, it is unknown and traps rather than name another object. Instances that link to each
 * other share one store.
 */
public final class Store {

    /** The handle of the null reference. */
    public static final long NULL = 0;

    /** The handle for {@code ref} on this thread, assigning one on first use; {@link #NULL} for {@code null}. */
    public long handle(Object ref) {
        return ref == null ? NULL : HandleTable.current().handle(ref);
    }

    /** The reference a handle stands for ({@code null} for {@link #NULL}). */
    public Object ref(long handle) {
        if (handle == NULL) {
            return null;
        }
        Object ref = HandleTable.current().get(handle);
        if (ref == null) {
            throw new Trap("unknown reference handle " + handle + ": references on the stack and in raw calls must"
                    + " be handles given out on this thread during the current call from Java (0 for null)");
        }
        return ref;
    }

    /** Whether {@code handle} is {@link #NULL} or a live handle on this thread. */
    public boolean contains(long handle) {
        return handle == NULL || HandleTable.current().get(handle) != null;
    }

    /** A call from Java into one of the store's instances starts on this thread; pair with {@link #endCall}. */
    public void beginCall() {
        HandleTable.current().enter();
    }

    /**
     * The call begun by {@link #beginCall} ends (normally or not). When it was the thread's
     * outermost call, every handle it or the calls within it made is released.
     */
    public void endCall() {
        HandleTable.current().exit(null, null);
    }

    /**
     * Like {@link #endCall()}, for a call whose raw results go back to Java: reference results
     * are handed out again so that they stay valid until the thread's next outermost call
     * returns (the handles in {@code results} are rewritten in place).
     *
     * @param results the raw results, one slot per result slot of {@code type}, or {@code null} when the call failed
     */
    public void endCall(long[] results, FunctionType type) {
        HandleTable.current().exit(results, type);
    }

    /** How many references have live handles on the current thread (for tests). */
    int liveHandles() {
        return HandleTable.current().size();
    }

    /** How many references the current thread's table has room for (for tests). */
    int handleCapacity() {
        return HandleTable.current().capacity();
    }
}
