package io.wasmspring.boot;

import io.wasmspring.engine.Instance;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link InstancePolicy#SHARED}: one instance for everyone, one call at a time (a fair lock, so
 * callers are served in order). A failed instance is replaced by a new one at the next call.
 */
final class SharedInstance implements InstanceProvider {

    private final Supplier<Instance> factory;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile Instance instance;

    SharedInstance(Supplier<Instance> factory) {
        this.factory = factory;
    }

    @Override
    public Instance borrow() {
        lock.lock();
        try {
            if (instance == null) {
                instance = factory.get();
            }
            return instance;
        } catch (RuntimeException | Error e) {
            lock.unlock();
            throw e;
        }
    }

    @Override
    public void release(Instance borrowed) {
        lock.unlock();
    }

    @Override
    public void discard(Instance borrowed) {
        instance = null;
        lock.unlock();
    }

    @Override
    public PoolStats stats() {
        boolean alive = instance != null;
        boolean busy = lock.isLocked();
        return new PoolStats(InstancePolicy.SHARED, 1, alive ? 1 : 0, busy ? 1 : 0, alive && !busy ? 1 : 0);
    }
}
