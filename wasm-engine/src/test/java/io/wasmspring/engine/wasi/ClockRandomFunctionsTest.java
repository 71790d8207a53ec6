package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClockRandomFunctionsTest {

    private static final WasiClock FIXED = new WasiClock() {
        @Override
        public long realtime() {
            return 1_700_000_000_123_456_789L;
        }

        @Override
        public long monotonic() {
            return 42;
        }

        @Override
        public long processCputime() {
            return 7;
        }

        @Override
        public long threadCputime() {
            return 8;
        }
    };

    private final WasiTestSupport t = new WasiTestSupport(WasiConfig.builder().clock(FIXED).random(new Random(1)).build());

    @Test
    void everyClockReadsTheConfiguredSource() {
        long[] expected = {1_700_000_000_123_456_789L, 42, 7, 8};
        for (int id = 0; id < 4; id++) {
            assertThat(t.call("clock_time_get", id, 0L, 100)).isZero();
            assertThat(t.memory.readLong(100)).isEqualTo(expected[id]);
        }
    }

    @Test
    void unknownClockIsInval() {
        assertThat(t.call("clock_time_get", 4, 0L, 100)).isEqualTo(Errno.INVAL);
        assertThat(t.call("clock_res_get", 9, 100)).isEqualTo(Errno.INVAL);
    }

    @Test
    void resolutionIsPositive() {
        assertThat(t.call("clock_res_get", 1, 100)).isZero();
        assertThat(t.memory.readLong(100)).isPositive();
    }

    @Test
    void systemClockMovesForward() throws InterruptedException {
        WasiClock clock = WasiClock.system();
        long a = clock.monotonic();
        Thread.sleep(2);
        assertThat(clock.monotonic()).isGreaterThan(a);
        assertThat(clock.realtime()).isGreaterThan(1_600_000_000_000_000_000L);
    }

    @Test
    void randomFillsFromTheConfiguredSource() {
        assertThat(t.call("random_get", 100, 16)).isZero();
        byte[] expected = new byte[16];
        new Random(1).nextBytes(expected);
        assertThat(t.memory.readBytes(100, 16)).isEqualTo(expected);
    }

    @Test
    void randomOfZeroBytesSucceedsAndOutOfBoundsFaults() {
        assertThat(t.call("random_get", 100, 0)).isZero();
        assertThat(t.call("random_get", 65530, 100)).isEqualTo(Errno.FAULT);
    }
}
