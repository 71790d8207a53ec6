package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FdFunctionsTest {

    private static final long FILE_RIGHTS = Rights.REGULAR_FILE;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private WasiTestSupport wasi() {
        return new WasiTestSupport(WasiConfig.builder()
                .stdin(new ByteArrayInputStream("input!".getBytes(StandardCharsets.UTF_8)))
                .stdout(stdout)
                .preopen(dir, "/sandbox")
                .build());
    }

    @Test
    void fdWriteGathersIovecsToStdout() {
        WasiTestSupport t = wasi();
        int hello = t.string("hello, ");
        int world = t.string("world");
        int iovs = t.iovec(hello, 7);
        t.iovec(world, 5);
        assertThat(t.call("fd_write", 1, iovs, 2, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(12);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("hello, world");
    }

    @Test
    void fdReadFromStdinThenEndOfFile() {
        WasiTestSupport t = wasi();
        int buf = t.alloc(16);
        int iovs = t.iovec(buf, 16);
        assertThat(t.call("fd_read", 0, iovs, 1, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(6);
        assertThat(t.readString(buf, 6)).isEqualTo("input!");
        assertThat(t.call("fd_read", 0, iovs, 1, 100)).isZero();
        assertThat(t.memory.readInt(100)).isZero();
    }

    @Test
    void wrongDirectionAndClosedDescriptorsAreBadf() {
        WasiTestSupport t = wasi();
        int iovs = t.iovec(t.alloc(4), 4);
        assertThat(t.call("fd_write", 0, iovs, 1, 100)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_read", 1, iovs, 1, 100)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_write", 42, iovs, 1, 100)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_close", 42)).isEqualTo(Errno.BADF);
    }

    @Test
    void iovecOutsideMemoryIsFault() {
        WasiTestSupport t = wasi();
        int iovs = t.iovec(65000, 4096);
        assertThat(t.call("fd_write", 1, iovs, 1, 100)).isEqualTo(Errno.FAULT);
    }

    @Test
    void preopenIsDescribedByPrestat() {
        WasiTestSupport t = wasi();
        assertThat(t.call("fd_prestat_get", 3, 100)).isZero();
        assertThat(t.memory.readByte(100)).isEqualTo((byte) 0);
        assertThat(t.memory.readInt(104)).isEqualTo(8);
        assertThat(t.call("fd_prestat_dir_name", 3, 200, 8)).isZero();
        assertThat(t.readString(200, 8)).isEqualTo("/sandbox");
        assertThat(t.call("fd_prestat_dir_name", 3, 200, 3)).isEqualTo(Errno.NAMETOOLONG);
        assertThat(t.call("fd_prestat_get", 1, 100)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_prestat_get", 4, 100)).isEqualTo(Errno.BADF);
    }

    @Test
    void fdstatReportsTypeFlagsAndRights() {
        WasiTestSupport t = wasi();
        assertThat(t.call("fd_fdstat_get", 1, 100)).isZero();
        assertThat(t.memory.readByte(100)).isEqualTo((byte) Flags.FILETYPE_CHARACTER_DEVICE);
        assertThat(t.call("fd_fdstat_get", 3, 100)).isZero();
        assertThat(t.memory.readByte(100)).isEqualTo((byte) Flags.FILETYPE_DIRECTORY);
        assertThat(t.memory.readLong(108) & Rights.PATH_OPEN).isNotZero();
        assertThat(t.memory.readLong(116) & Rights.FD_READ).isNotZero();
    }

    @Test
    void fileReadWriteSeekTellAndAppend() {
        WasiTestSupport t = wasi();
        assertThat(t.open(3, 0, "f.txt", Flags.OFLAGS_CREAT, FILE_RIGHTS, 0, 0)).isZero();
        int fd = t.openedFd();
        assertThat(fd).isEqualTo(4);
        int data = t.string("abcdef");
        assertThat(t.call("fd_write", fd, t.iovec(data, 6), 1, 100)).isZero();
        assertThat(t.call("fd_tell", fd, 100)).isZero();
        assertThat(t.memory.readLong(100)).isEqualTo(6);
        assertThat(t.call("fd_seek", fd, -4L, Flags.WHENCE_END, 100)).isZero();
        assertThat(t.memory.readLong(100)).isEqualTo(2);
        int buf = t.alloc(8);
        assertThat(t.call("fd_read", fd, t.iovec(buf, 8), 1, 100)).isZero();
        assertThat(t.readString(buf, t.memory.readInt(100))).isEqualTo("cdef");
        assertThat(t.call("fd_seek", fd, -1L, Flags.WHENCE_SET, 100)).isEqualTo(Errno.INVAL);
        assertThat(t.call("fd_seek", fd, 0L, 7, 100)).isEqualTo(Errno.INVAL);

        assertThat(t.call("fd_fdstat_set_flags", fd, Flags.FDFLAGS_APPEND)).isZero();
        assertThat(t.call("fd_seek", fd, 0L, Flags.WHENCE_SET, 100)).isZero();
        assertThat(t.call("fd_write", fd, t.iovec(data, 2), 1, 100)).isZero();
        assertThat(t.call("fd_close", fd)).isZero();
        assertThat(Files.exists(dir.resolve("f.txt"))).isTrue();
        assertThat(read(dir.resolve("f.txt"))).isEqualTo("abcdefab");
    }

    @Test
    void preadAndPwriteLeaveThePositionAlone() {
        WasiTestSupport t = wasi();
        assertThat(t.open(3, 0, "p.bin", Flags.OFLAGS_CREAT, FILE_RIGHTS, 0, 0)).isZero();
        int fd = t.openedFd();
        int data = t.string("xyz");
        assertThat(t.call("fd_pwrite", fd, t.iovec(data, 3), 1, 10L, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(3);
        assertThat(t.call("fd_tell", fd, 100)).isZero();
        assertThat(t.memory.readLong(100)).isZero();
        int buf = t.alloc(8);
        assertThat(t.call("fd_pread", fd, t.iovec(buf, 8), 1, 9L, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(4);
        assertThat(t.memory.readBytes(buf, 4)).containsExactly(0, 'x', 'y', 'z');
        assertThat(t.call("fd_pread", fd, t.iovec(buf, 8), 1, -1L, 100)).isEqualTo(Errno.INVAL);
        assertThat(t.call("fd_pread", 1, t.iovec(buf, 8), 1, 0L, 100)).isEqualTo(Errno.SPIPE);
        assertThat(t.call("fd_pwrite", 3, t.iovec(buf, 8), 1, 0L, 100)).isEqualTo(Errno.ISDIR);
    }

    @Test
    void sizeAllocateAndFilestat() {
        WasiTestSupport t = wasi();
        assertThat(t.open(3, 0, "s.bin", Flags.OFLAGS_CREAT, FILE_RIGHTS, 0, 0)).isZero();
        int fd = t.openedFd();
        assertThat(t.call("fd_allocate", fd, 0L, 100L)).isZero();
        assertThat(t.call("fd_filestat_get", fd, 100)).isZero();
        assertThat(t.memory.readByte(116)).isEqualTo((byte) Flags.FILETYPE_REGULAR_FILE);
        assertThat(t.memory.readLong(132)).isEqualTo(100);
        assertThat(t.call("fd_filestat_set_size", fd, 10L)).isZero();
        assertThat(t.call("fd_filestat_get", fd, 100)).isZero();
        assertThat(t.memory.readLong(132)).isEqualTo(10);
        assertThat(t.call("fd_filestat_set_size", fd, -1L)).isEqualTo(Errno.INVAL);
        assertThat(t.call("fd_allocate", 3, 0L, 1L)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_advise", fd, 0L, 10L, 9)).isEqualTo(Errno.INVAL);
        assertThat(t.call("fd_advise", fd, 0L, 10L, 2)).isZero();
        assertThat(t.call("fd_sync", fd)).isZero();
        assertThat(t.call("fd_datasync", fd)).isZero();
    }

    @Test
    void anUnlinkedOpenFileStillAnswersFilestatFromItsChannel() {
        WasiTestSupport t = wasi();
        assertThat(t.open(3, 0, "gone.bin", Flags.OFLAGS_CREAT, FILE_RIGHTS, 0, 0)).isZero();
        int fd = t.openedFd();
        assertThat(t.call("fd_write", fd, t.iovec(t.string("12345"), 5), 1, 100)).isZero();
        assertThat(t.pathCall("path_unlink_file", 3, "gone.bin")).isZero();
        assertThat(t.call("fd_filestat_get", fd, 100)).isZero();
        assertThat(t.memory.readByte(116)).isEqualTo((byte) Flags.FILETYPE_REGULAR_FILE);
        assertThat(t.memory.readLong(124)).isZero(); // no links left
        assertThat(t.memory.readLong(132)).isEqualTo(5);
    }

    @Test
    void filestatSetTimesValidatesFlags() {
        WasiTestSupport t = wasi();
        assertThat(t.open(3, 0, "t.bin", Flags.OFLAGS_CREAT, FILE_RIGHTS, 0, 0)).isZero();
        int fd = t.openedFd();
        assertThat(t.call("fd_filestat_set_times", fd, 0L, 5_000_000_000L, Flags.FST_MTIM)).isZero();
        assertThat(t.call("fd_filestat_get", fd, 100)).isZero();
        assertThat(t.memory.readLong(148)).isEqualTo(5_000_000_000L);
        assertThat(t.call("fd_filestat_set_times", fd, 0L, 0L, Flags.FST_MTIM | Flags.FST_MTIM_NOW)).isEqualTo(Errno.INVAL);
        assertThat(t.call("fd_filestat_set_times", fd, 0L, 0L, Flags.FST_ATIM | Flags.FST_ATIM_NOW)).isEqualTo(Errno.INVAL);
    }

    @Test
    void rightsOnlyShrink() {
        WasiTestSupport t = wasi();
        assertThat(t.open(3, 0, "r.bin", Flags.OFLAGS_CREAT, Rights.FD_READ | Rights.FD_WRITE | Rights.FD_SEEK, 0, 0)).isZero();
        int fd = t.openedFd();
        assertThat(t.call("fd_fdstat_set_rights", fd, Rights.FD_SEEK, 0L)).isZero();
        int iovs = t.iovec(t.string("x"), 1);
        assertThat(t.call("fd_write", fd, iovs, 1, 100)).isEqualTo(Errno.NOTCAPABLE);
        assertThat(t.call("fd_read", fd, iovs, 1, 100)).isEqualTo(Errno.NOTCAPABLE);
        assertThat(t.call("fd_fdstat_set_rights", fd, Rights.FD_SEEK | Rights.FD_READ, 0L)).isEqualTo(Errno.NOTCAPABLE);
    }

    @Test
    void renumberMovesAndCloses() {
        WasiTestSupport t = wasi();
        assertThat(t.open(3, 0, "a", Flags.OFLAGS_CREAT, FILE_RIGHTS, 0, 0)).isZero();
        int a = t.openedFd();
        assertThat(t.open(3, 0, "b", Flags.OFLAGS_CREAT, FILE_RIGHTS, 0, 0)).isZero();
        int b = t.openedFd();
        assertThat(t.call("fd_renumber", a, b)).isZero();
        assertThat(t.call("fd_fdstat_get", a, 100)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_fdstat_get", b, 100)).isZero();
        assertThat(t.call("fd_renumber", a, b)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_renumber", b, 77)).isEqualTo(Errno.BADF);
    }

    @Test
    void streamsCannotSeek() {
        WasiTestSupport t = wasi();
        assertThat(t.call("fd_seek", 1, 0L, 0, 100)).isEqualTo(Errno.SPIPE);
        assertThat(t.call("fd_tell", 3, 100)).isEqualTo(Errno.ISDIR);
    }

    @Test
    void readdirListsEveryEntryAndResumesFromCookies() throws Exception {
        for (String name : List.of("alpha", "beta", "gamma")) {
            Files.writeString(dir.resolve(name), name);
        }
        Files.createDirectory(dir.resolve("sub"));
        WasiTestSupport t = wasi();
        int buf = t.alloc(4096);
        assertThat(t.call("fd_readdir", 3, buf, 4096, 0L, 100)).isZero();
        List<String> names = new ArrayList<>();
        List<Long> cookies = new ArrayList<>();
        int used = t.memory.readInt(100);
        for (int at = buf; at < buf + used; ) {
            int namlen = t.memory.readInt(at + 16);
            cookies.add(t.memory.readLong(at));
            names.add(t.readString(at + 24, namlen));
            if (names.get(names.size() - 1).equals("sub")) {
                assertThat(t.memory.readByte(at + 20)).isEqualTo((byte) Flags.FILETYPE_DIRECTORY);
            }
            at += 24 + namlen;
        }
        assertThat(names).containsExactly(".", "..", "alpha", "beta", "gamma", "sub");
        assertThat(cookies).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

        // resume after "beta": the next entry is "gamma"
        assertThat(t.call("fd_readdir", 3, buf, 4096, 4L, 100)).isZero();
        assertThat(t.readString(buf + 24, t.memory.readInt(buf + 16))).isEqualTo("gamma");

        // a buffer too small for everything comes back full, so the guest knows to ask again
        assertThat(t.call("fd_readdir", 3, buf, 30, 0L, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(30);

        // past the end: nothing
        assertThat(t.call("fd_readdir", 3, buf, 4096, 6L, 100)).isZero();
        assertThat(t.memory.readInt(100)).isZero();
        assertThat(t.call("fd_readdir", 1, buf, 4096, 0L, 100)).isEqualTo(Errno.NOTDIR);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
