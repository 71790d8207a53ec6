package io.wasmspring.boot;

import io.wasmspring.engine.Instance;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** {@link InstancePolicy#PER_CALL}: a fresh instance each time, never reused. */
final class PerCallInstances implements InstanceProvider {

    private final Supplier<Instance> factory;
    private final AtomicInteger active = new AtomicInteger();

    PerCallInstances(Supplier<Instance> factory) {
        this.factory = factory;
    }

    @Override
    public Instance borrow() {
        Instance instance = factory.get();
        active.incrementAndGet();
        return instance;
    }

    @Override
    public void release(Instance instance) {
        active.decrementAndGet();
    }

    @Override
    public void discard(Instance instance) {
        active.decrementAndGet();
    }

    @Override
    public PoolStats stats() {
        int now = active.get();
        return new PoolStats(InstancePolicy.PER_CALL, 0, now, now, 0);
    }
}
