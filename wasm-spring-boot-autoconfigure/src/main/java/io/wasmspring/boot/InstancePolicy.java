package io.wasmspring.boot;

/** How a {@link WasmModule} gives its callers an instance to run on. */
public enum InstancePolicy {

    /** A bounded pool of instances, reused between calls; an instance that failed is discarded. */
    POOLED,

    /** A new instance for every call (or {@link WasmModule#withInstance} block), dropped afterwards. */
    PER_CALL,

    /** One instance for all callers; calls are serialized, so state carries over between them. */
    SHARED
}
