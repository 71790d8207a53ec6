package io.wasmspring.boot;

/**
 * A snapshot of the instances of one module.
 *
 * @param policy  how instances are handed out
 * @param maxSize the most instances that may exist at once (1 for {@link InstancePolicy#SHARED},
 *                0 for {@link InstancePolicy#PER_CALL}: no bound)
 * @param size    instances alive now
 * @param active  instances running a call now
 * @param idle    instances waiting for a call
 */
public record PoolStats(InstancePolicy policy, int maxSize, int size, int active, int idle) {
}
