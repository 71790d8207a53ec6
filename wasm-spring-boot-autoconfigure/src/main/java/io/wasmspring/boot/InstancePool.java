package io.wasmspring.boot;

import io.wasmspring.engine.Instance;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link InstancePolicy#POOLED}: at most {@code maxSize} instances, created on demand and reused.
 * A permit of the semaphore stands for the right to hold one instance; idle instances wait in a
 * deque (last in, first out, so a warm instance serves next).
 */
final class InstancePool implements InstanceProvider {

    private final String moduleName;
    private final Supplier<Instance> factory;
    private final int maxSize;
    private final Duration maxWait;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Instance> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();

    InstancePool(String moduleName, Supplier<Instance> factory, int maxSize, Duration maxWait) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool of module '" + moduleName + "': max-size must be at least 1, was " + maxSize);
        }
        this.moduleName = moduleName;
        this.factory = factory;
        this.maxSize = maxSize;
        this.maxWait = maxWait;
        this.permits = new Semaphore(maxSize, true);
    }

    @Override
    public Instance borrow() {
        acquire();
        try {
            Instance instance = idle.pollFirst();
            if (instance == null) {
                instance = factory.get();
                size.incrementAndGet();
            }
            active.incrementAndGet();
            return instance;
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    private void acquire() {
        try {
            long nanos = maxWait == null || maxWait.isNegative() ? Long.MAX_VALUE : maxWait.toNanos();
            if (!permits.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
                throw new WasmPoolExhaustedException("no instance of module '" + moduleName + "' became free within "
                        + maxWait + " (all " + maxSize + " busy); raise wasm.modules." + moduleName
                        + ".pool.max-size or .max-wait");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WasmPoolExhaustedException("interrupted while waiting for an instance of module '" + moduleName + "'");
        }
    }

    @Override
    public void release(Instance instance) {
        active.decrementAndGet();
        idle.offerFirst(instance);
        permits.release();
    }

    @Override
    public void discard(Instance instance) {
        active.decrementAndGet();
        size.decrementAndGet();
        permits.release();
    }

    @Override
    public PoolStats stats() {
        return new PoolStats(InstancePolicy.POOLED, maxSize, size.get(), active.get(), idle.size());
    }
}
