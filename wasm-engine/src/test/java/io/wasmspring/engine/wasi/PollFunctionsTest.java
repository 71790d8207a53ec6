package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class PollFunctionsTest {

    private final WasiTestSupport t = new WasiTestSupport(WasiConfig.builder()
            .stdin(new ByteArrayInputStream(new byte[] {1, 2, 3}))
            .stdout(new ByteArrayOutputStream())
            .build());

    private void clockSubscription(int at, long userdata, int clock, long timeout, int flags) {
        t.memory.writeLong(at, userdata);
        t.memory.writeByte(at + 8, (byte) Flags.EVENTTYPE_CLOCK);
        t.memory.writeInt(at + 16, clock);
        t.memory.writeLong(at + 24, timeout);
        t.memory.writeLong(at + 32, 0);
        t.memory.writeShort(at + 40, (short) flags);
    }

    private void fdSubscription(int at, long userdata, int type, int fd) {
        t.memory.writeLong(at, userdata);
        t.memory.writeByte(at + 8, (byte) type);
        t.memory.writeInt(at + 16, fd);
    }

    @Test
    void relativeClockSleepsAndFires() {
        clockSubscription(1000, 77, Flags.CLOCK_MONOTONIC, 5_000_000L, 0);
        long start = System.nanoTime();
        assertThat(t.call("poll_oneoff", 1000, 2000, 1, 100)).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(4_000_000L);
        assertThat(t.memory.readInt(100)).isEqualTo(1);
        assertThat(t.memory.readLong(2000)).isEqualTo(77);
        assertThat(t.memory.readShort(2008)).isZero();
        assertThat(t.memory.readByte(2010)).isEqualTo((byte) Flags.EVENTTYPE_CLOCK);
    }

    @Test
    void absoluteClockInThePastFiresAtOnce() {
        clockSubscription(1000, 5, Flags.CLOCK_REALTIME, 1L, Flags.SUBCLOCK_ABSTIME);
        assertThat(t.call("poll_oneoff", 1000, 2000, 1, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(1);
        assertThat(t.memory.readLong(2000)).isEqualTo(5);
    }

    @Test
    void readyDescriptorsWinOverALongTimeout() {
        clockSubscription(1000, 1, Flags.CLOCK_MONOTONIC, 60_000_000_000L, 0);
        fdSubscription(1048, 2, Flags.EVENTTYPE_FD_READ, 0);
        fdSubscription(1096, 3, Flags.EVENTTYPE_FD_WRITE, 1);
        assertThat(t.call("poll_oneoff", 1000, 2000, 3, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(2);
        assertThat(t.memory.readLong(2000)).isEqualTo(2);
        assertThat(t.memory.readByte(2010)).isEqualTo((byte) Flags.EVENTTYPE_FD_READ);
        assertThat(t.memory.readLong(2016)).isEqualTo(3); // bytes available on stdin
        assertThat(t.memory.readLong(2032)).isEqualTo(3);
        assertThat(t.memory.readByte(2042)).isEqualTo((byte) Flags.EVENTTYPE_FD_WRITE);
    }

    @Test
    void badDescriptorIsReportedInTheEvent() {
        fdSubscription(1000, 9, Flags.EVENTTYPE_FD_READ, 42);
        assertThat(t.call("poll_oneoff", 1000, 2000, 1, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(1);
        assertThat(t.memory.readShort(2008)).isEqualTo((short) Errno.BADF);
    }

    @Test
    void invalidRequestsAreRejected() {
        assertThat(t.call("poll_oneoff", 1000, 2000, 0, 100)).isEqualTo(Errno.INVAL);
        t.memory.writeByte(1008, (byte) 9);
        assertThat(t.call("poll_oneoff", 1000, 2000, 1, 100)).isEqualTo(Errno.INVAL);
        assertThat(t.call("poll_oneoff", 65500, 2000, 1, 100)).isEqualTo(Errno.FAULT);
        clockSubscription(1000, 4, 99, 0, 0);
        assertThat(t.call("poll_oneoff", 1000, 2000, 1, 100)).isZero();
        assertThat(t.memory.readShort(2008)).isEqualTo((short) Errno.INVAL);
    }
}
