package io.wasmspring.engine.fuzz;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a step of the engine (loading, instantiation, a call) on a worker thread and reports a
 * hang when it is still running well past the call timeout of {@link FuzzLimits#LIMITS}: the
 * engine must stop runaway code itself, and loading a small module takes milliseconds, so a
 * step that outlives that deadline by seconds is a finding. The finding's cause carries the stack of the runaway thread, so that the fuzzer
 * tells one hang site from another.
 *
 * <p>A runaway worker cannot be left spinning (it would take a core for the rest of the run),
 * so it is interrupted, which the engine should answer with a CallInterruptedException, and if
 * that does not stop it, stopped with {@link Thread#stop()}, the only way to end a thread that
 * never looks at its interrupt flag. That is acceptable for a test harness that throws the
 * instance away; where the JVM no longer supports it the thread is left to run as a daemon.
 */
final class HangGuard {

    /**
     * How long past its timeout a step may run: generous by default, as a shared machine has
     * pauses of its own; a long fuzzing run may lower it ({@code -Dfuzz.hangMargin=3s}) so that
     * a known hang costs it less time each time it turns up.
     */
    static final Duration MARGIN = Duration.parse("PT" + System.getProperty("fuzz.hangMargin", "10s"));

    private static ExecutorService worker = newWorker();
    private static volatile Thread workerThread;

    private HangGuard() {
    }

    /** Runs {@code step} on the worker thread; its result, or its own failure rethrown. */
    static <T> T run(String what, Supplier<T> step) {
        return run(what, FuzzLimits.CALL_TIMEOUT.plus(MARGIN), step);
    }

    /** Same, giving up on {@code step} after {@code limit}. */
    static synchronized <T> T run(String what, Duration limit, Supplier<T> step) {
        Future<T> result = worker.submit(step::get);
        try {
            return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            Thread runaway = workerThread;
            RunawayCode where = new RunawayCode(runaway.getStackTrace());
            stop(runaway);
            throw new EngineInvariant.UndocumentedFailure(what + " was still running after " + limit.toMillis()
                    + " ms (call timeout " + FuzzLimits.CALL_TIMEOUT.toMillis() + " ms): the engine did not stop it", where);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread runaway) {
        worker.shutdownNow(); // interrupts it
        try {
            if (!worker.awaitTermination(1, TimeUnit.SECONDS)) {
                runaway.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // Newer JVMs cannot stop a thread: it stays a daemon and dies with the JVM.
        }
        worker = newWorker();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "fuzz-wasm-worker");
            thread.setDaemon(true);
            workerThread = thread;
            return thread;
        });
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(failure);
    }

    /**
     * Where a runaway step was when it was given up on. Line numbers are dropped: they say where
     * in the loop the thread happened to be, and would make the fuzzer report one hang many times.
     */
    static final class RunawayCode extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RunawayCode(StackTraceElement[] stack) {
            super("the runaway thread's stack when it was given up on (methods only)", null, false, true);
            StackTraceElement[] methods = new StackTraceElement[stack.length];
            for (int i = 0; i < stack.length; i++) {
                StackTraceElement e = stack[i];
                methods[i] = new StackTraceElement(e.getClassName(), e.getMethodName(), e.getFileName(), -1);
            }
            setStackTrace(methods);
        }
    }
}
