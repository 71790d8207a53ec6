package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll_oneoff}. Files and output streams are always ready, as on POSIX; an input stream is
 * ready when it has bytes available (or is not the JVM's own stdin, whose end cannot block). When
 * nothing is ready the call sleeps until the earliest clock subscription is due.
 *
 * <p>Layouts: {@code subscription} (48 bytes) userdata u64 @0, tag u8 @8, then for a clock
 * id u32 @16, timeout u64 @24, precision u64 @32, flags u16 @40, or for fd_read/fd_write fd u32 @16.
 * {@code event} (32 bytes) userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24.
 */
final class PollFunctions {

    static final int SUBSCRIPTION_SIZE = 48;
    static final int EVENT_SIZE = 32;

    private final FdTable fds;
    private final ClockRandomFunctions clocks;

    PollFunctions(WasiContext context, ClockRandomFunctions clocks) {
        this.fds = context.fds;
        this.clocks = clocks;
    }

    void register(FunctionRegistry r) {
        r.add("poll_oneoff", "iiii", this::pollOneoff);
    }

    private record Event(long userdata, int error, int type, long nbytes, int flags) {
    }

    private int pollOneoff(Memory m, long[] a) throws IOException {
        long in = Integer.toUnsignedLong((int) a[0]);
        long out = Integer.toUnsignedLong((int) a[1]);
        int count = (int) a[2];
        if (count <= 0) {
            return Errno.INVAL;
        }
        if (in + (long) SUBSCRIPTION_SIZE * count > m.size() || out + (long) EVENT_SIZE * count > m.size()) {
            return Errno.FAULT;
        }
        List<Event> ready = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        List<long[]> clockSubs = new ArrayList<>(); // {userdata, remaining nanos}
        for (int i = 0; i < count; i++) {
            long sub = in + (long) SUBSCRIPTION_SIZE * i;
            long userdata = m.readLong(sub);
            int tag = m.readByte(sub + 8) & 0xFF;
            switch (tag) {
                case Flags.EVENTTYPE_CLOCK -> {
                    int id = m.readInt(sub + 16);
                    long timeout = m.readLong(sub + 24);
                    int flags = m.readShort(sub + 40) & 0xFFFF;
                    long remaining;
                    try {
                        long now = clocks.now(id); // also rejects an unknown clock
                        remaining = (flags & Flags.SUBCLOCK_ABSTIME) != 0 ? timeout - now : timeout;
                    } catch (ErrnoException badClock) {
                        ready.add(new Event(userdata, badClock.errno, tag, 0, 0));
                        continue;
                    }
                    remaining = Math.max(0, remaining);
                    clockSubs.add(new long[] {userdata, remaining});
                    earliest = Math.min(earliest, remaining);
                }
                case Flags.EVENTTYPE_FD_READ, Flags.EVENTTYPE_FD_WRITE -> ready.add(fdEvent(userdata, tag, m.readInt(sub + 16)));
                default -> {
                    return Errno.INVAL;
                }
            }
        }
        if (ready.isEmpty() && !clockSubs.isEmpty()) {
            sleep(earliest);
        }
        if (ready.isEmpty()) {
            for (long[] c : clockSubs) {
                if (c[1] <= earliest) {
                    ready.add(new Event(c[0], Errno.SUCCESS, Flags.EVENTTYPE_CLOCK, 0, 0));
                }
            }
        } else {
            for (long[] c : clockSubs) {
                if (c[1] == 0) {
                    ready.add(new Event(c[0], Errno.SUCCESS, Flags.EVENTTYPE_CLOCK, 0, 0));
                }
            }
        }
        for (int i = 0; i < ready.size(); i++) {
            Event e = ready.get(i);
            long ev = out + (long) EVENT_SIZE * i;
            m.writeLong(ev, e.userdata());
            m.writeLong(ev + 8, 0);
            m.writeShort(ev + 8, (short) e.error());
            m.writeByte(ev + 10, (byte) e.type());
            m.writeLong(ev + 16, e.nbytes());
            m.writeLong(ev + 24, 0);
            m.writeShort(ev + 24, (short) e.flags());
        }
        m.writeInt(Integer.toUnsignedLong((int) a[3]), ready.size());
        return Errno.SUCCESS;
    }

    private Event fdEvent(long userdata, int type, int fd) throws IOException {
        Descriptor d;
        try {
            d = fds.get(fd);
        } catch (ErrnoException e) {
            return new Event(userdata, e.errno, type, 0, 0);
        }
        if (d instanceof FileDescriptor f && type == Flags.EVENTTYPE_FD_READ && f.channel != null) {
            return new Event(userdata, Errno.SUCCESS, type, Math.max(0, f.channel.size() - f.channel.position()), 0);
        }
        if (d instanceof StreamDescriptor s) {
            if (type == Flags.EVENTTYPE_FD_READ && s.in == null || type == Flags.EVENTTYPE_FD_WRITE && s.out == null) {
                return new Event(userdata, Errno.BADF, type, 0, 0);
            }
            if (type == Flags.EVENTTYPE_FD_READ) {
                int available = s.in.available();
                return new Event(userdata, Errno.SUCCESS, type, Math.max(available, 0), 0);
            }
        }
        if (d instanceof DirectoryDescriptor) {
            return new Event(userdata, Errno.BADF, type, 0, 0);
        }
        return new Event(userdata, Errno.SUCCESS, type, 0, 0);
    }

    private static void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrnoException(Errno.INTR);
        }
    }
}
