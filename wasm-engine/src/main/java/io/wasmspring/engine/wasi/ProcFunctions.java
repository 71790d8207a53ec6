package io.wasmspring.engine.wasi;

/** {@code proc_exit}, {@code proc_raise} and {@code sched_yield}. */
final class ProcFunctions {

    void register(FunctionRegistry r) {
        r.addNoResult("proc_exit", "i", (m, a) -> {
            throw new WasiExitException((int) a[0]);
        });
        // a JVM cannot deliver a signal to the guest, and preview1 programs rarely ask
        r.add("proc_raise", "i", (m, a) -> Errno.NOSYS);
        r.add("sched_yield", "", (m, a) -> {
            Thread.yield();
            return Errno.SUCCESS;
        });
    }
}
