package io.wasmspring.boot;

/**
 * How a {@link WasmModule} gives its callers an instance to run on. Under every policy an
 * instance on which guest code failed is discarded, never reused, and a call made from a host
 * function back into the module (on the same thread) runs on the calling instance.
 */
public enum InstancePolicy {

    /**
     * A bounded pool of instances, reused between calls: what a call that succeeded leaves in
     * memory and globals, the next call on that instance sees. Only a failure wipes the slate:
     * an instance that failed is discarded, and a call that needs one gets a fresh instance.
     */
    POOLED,

    /**
     * A new instance for every call (or {@link WasmModule#withInstance} block), dropped
     * afterwards: no state passes from one call to the next.
     */
    PER_CALL,

    /** One instance for all callers; calls are serialized, so state carries over between them. */
    SHARED
}
