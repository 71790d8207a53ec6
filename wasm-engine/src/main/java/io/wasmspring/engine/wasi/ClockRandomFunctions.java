package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.util.Random;

/** {@code clock_res_get}, {@code clock_time_get} and {@code random_get}. */
final class ClockRandomFunctions {

    private final WasiClock clock;
    private final Random random;

    ClockRandomFunctions(WasiConfig config) {
        this.clock = config.clock();
        this.random = config.random();
    }

    void register(FunctionRegistry r) {
        r.add("clock_res_get", "ii", (m, a) -> {
            checkClock((int) a[0]);
            m.writeLong(Integer.toUnsignedLong((int) a[1]), clock.resolution());
            return Errno.SUCCESS;
        });
        r.add("clock_time_get", "iIi", (m, a) -> {
            m.writeLong(Integer.toUnsignedLong((int) a[2]), now((int) a[0]));
            return Errno.SUCCESS;
        });
        r.add("random_get", "ii", this::randomGet);
    }

    /** The current time of clock {@code id}; {@code inval} for an unknown clock. */
    long now(int id) {
        switch (id) {
            case Flags.CLOCK_REALTIME: return clock.realtime();
            case Flags.CLOCK_MONOTONIC: return clock.monotonic();
            case Flags.CLOCK_PROCESS_CPUTIME: return clock.processCputime();
            case Flags.CLOCK_THREAD_CPUTIME: return clock.threadCputime();
            default: throw new ErrnoException(Errno.INVAL);
        }
    }

    private static void checkClock(int id) {
        if (id < Flags.CLOCK_REALTIME || id > Flags.CLOCK_THREAD_CPUTIME) {
            throw new ErrnoException(Errno.INVAL);
        }
    }

    private int randomGet(Memory memory, long[] a) {
        var target = GuestMemory.slice(memory, (int) a[0], (int) a[1]);
        byte[] chunk = new byte[Math.min(target.remaining(), 64 * 1024)];
        while (target.hasRemaining()) {
            int n = Math.min(chunk.length, target.remaining());
            if (n == chunk.length) {
                random.nextBytes(chunk);
                target.put(chunk);
            } else {
                byte[] last = new byte[n];
                random.nextBytes(last);
                target.put(last);
            }
        }
        return Errno.SUCCESS;
    }
}
