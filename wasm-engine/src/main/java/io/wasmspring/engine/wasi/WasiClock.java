package io.wasmspring.engine.wasi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The clocks a WASI program can read, in nanoseconds. Replace it in {@link WasiConfig} to make
 * time deterministic in tests.
 */
public interface WasiClock {

    /** Wall-clock time since the Unix epoch. */
    long realtime();

    /** A clock that never goes backwards; its origin is arbitrary. */
    long monotonic();

    /** CPU time used by the process (the JVM). */
    default long processCputime() {
        return monotonic();
    }

    /** CPU time used by the calling thread. */
    default long threadCputime() {
        return monotonic();
    }

    /** Resolution of every clock, in nanoseconds. */
    default long resolution() {
        return 1_000;
    }

    /** The JVM's clocks: {@link System#currentTimeMillis()}-based wall time and {@link System#nanoTime()}. */
    static WasiClock system() {
        return SystemClock.INSTANCE;
    }

    /** The host's real clocks. */
    final class SystemClock implements WasiClock {
        static final SystemClock INSTANCE = new SystemClock();

        private SystemClock() {
        }

        @Override
        public long realtime() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public long monotonic() {
            return System.nanoTime();
        }

        @Override
        public long processCputime() {
            // the JVM exposes no process-wide CPU clock without com.sun.management; the thread's is a fair stand-in
            return threadCputime();
        }

        @Override
        public long threadCputime() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads.isCurrentThreadCpuTimeSupported()) {
                long t = threads.getCurrentThreadCpuTime();
                if (t >= 0) {
                    return t;
                }
            }
            return System.nanoTime();
        }
    }
}
