package io.wasmspring.engine;

/** An instantiated module. (Placeholder of the contract; the runtime work fills it in.) */
public final class Instance {
}
