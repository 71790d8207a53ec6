package io.wasmspring.engine.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Applies the {@code fstflags} of {@code fd_filestat_set_times} and {@code path_filestat_set_times}. */
final class FileTimes {

    private FileTimes() {
    }

    static void set(Path path, boolean follow, long atim, long mtim, int fstflags, WasiClock clock) throws IOException {
        if ((fstflags & ~(Flags.FST_ATIM | Flags.FST_ATIM_NOW | Flags.FST_MTIM | Flags.FST_MTIM_NOW)) != 0
                || (fstflags & (Flags.FST_ATIM | Flags.FST_ATIM_NOW)) == (Flags.FST_ATIM | Flags.FST_ATIM_NOW)
                || (fstflags & (Flags.FST_MTIM | Flags.FST_MTIM_NOW)) == (Flags.FST_MTIM | Flags.FST_MTIM_NOW)) {
            throw new ErrnoException(Errno.INVAL);
        }
        long now = clock.realtime();
        FileTime access = (fstflags & Flags.FST_ATIM_NOW) != 0 ? time(now)
                : (fstflags & Flags.FST_ATIM) != 0 ? time(atim) : null;
        FileTime modified = (fstflags & Flags.FST_MTIM_NOW) != 0 ? time(now)
                : (fstflags & Flags.FST_MTIM) != 0 ? time(mtim) : null;
        if (access == null && modified == null) {
            return;
        }
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Files.getFileAttributeView(path, BasicFileAttributeView.class, options).setTimes(modified, access, null);
    }

    private static FileTime time(long nanos) {
        return FileTime.from(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }
}
