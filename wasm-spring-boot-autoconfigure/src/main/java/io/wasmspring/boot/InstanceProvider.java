package io.wasmspring.boot;

import io.wasmspring.engine.Instance;

/** Hands out instances of one module under one {@link InstancePolicy}. */
interface InstanceProvider {

    /** An instance for the calling thread alone, until {@link #release} or {@link #discard}. */
    Instance borrow();

    /** The call went well: the instance may serve again. */
    void release(Instance instance);

    /** The call failed: the instance's state cannot be trusted, drop it. */
    void discard(Instance instance);

    PoolStats stats();
}
