package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathFunctionsTest {

    private static final long FILE = Rights.REGULAR_FILE;

    @TempDir
    Path dir;

    private WasiTestSupport t;

    @BeforeEach
    void setUp() {
        t = new WasiTestSupport(WasiConfig.builder().preopen(dir, ".").build());
    }

    private int rename(String from, String to) {
        return t.call("path_rename", 3, t.string(from), WasiTestSupport.len(from), 3, t.string(to), WasiTestSupport.len(to));
    }

    private int symlink(String target, String link) {
        return t.call("path_symlink", t.string(target), WasiTestSupport.len(target), 3, t.string(link), WasiTestSupport.len(link));
    }

    @Test
    void createAndRemoveDirectories() {
        assertThat(t.pathCall("path_create_directory", 3, "d")).isZero();
        assertThat(Files.isDirectory(dir.resolve("d"))).isTrue();
        assertThat(t.pathCall("path_create_directory", 3, "d")).isEqualTo(Errno.EXIST);
        assertThat(t.pathCall("path_create_directory", 3, "missing/d")).isEqualTo(Errno.NOENT);
        assertThat(t.pathCall("path_create_directory", 3, "d/e/")).isZero();
        assertThat(t.pathCall("path_remove_directory", 3, "d")).isEqualTo(Errno.NOTEMPTY);
        assertThat(t.pathCall("path_remove_directory", 3, "d/e/")).isZero();
        assertThat(t.pathCall("path_remove_directory", 3, "d")).isZero();
        assertThat(t.pathCall("path_remove_directory", 3, "d")).isEqualTo(Errno.NOENT);
        assertThat(t.pathCall("path_remove_directory", 3, ".")).isEqualTo(Errno.BUSY);
    }

    @Test
    void removeDirectoryAndUnlinkFileKeepToTheirKind() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        Files.createDirectory(dir.resolve("d"));
        assertThat(t.pathCall("path_remove_directory", 3, "f")).isEqualTo(Errno.NOTDIR);
        assertThat(t.pathCall("path_unlink_file", 3, "d")).isEqualTo(Errno.ISDIR);
        assertThat(t.pathCall("path_unlink_file", 3, "f/")).isEqualTo(Errno.NOTDIR);
        assertThat(t.pathCall("path_unlink_file", 3, "f")).isZero();
        assertThat(t.pathCall("path_unlink_file", 3, "f")).isEqualTo(Errno.NOENT);
    }

    @Test
    void aTrailingSlashNeverTurnsAnEntryCallOntoALinksTarget() throws Exception {
        Files.createDirectory(dir.resolve("target"));
        assertThat(symlink("target", "link")).isZero();
        assertThat(t.pathCall("path_remove_directory", 3, "link/")).isEqualTo(Errno.NOTDIR);
        assertThat(t.pathCall("path_unlink_file", 3, "link/")).isEqualTo(Errno.NOTDIR);
        assertThat(rename("link/", "other")).isEqualTo(Errno.NOTDIR);
        assertThat(Files.isDirectory(dir.resolve("target"))).isTrue();
        // opening through it is fine: that is what the slash asks for
        assertThat(t.open(3, 0, "link/", Flags.OFLAGS_DIRECTORY, Rights.FD_READDIR, 0, 0)).isZero();
        assertThat(t.pathCall("path_unlink_file", 3, "link")).isZero();
        assertThat(Files.isDirectory(dir.resolve("target"))).isTrue();
    }

    @Test
    void openFlags() throws Exception {
        Files.writeString(dir.resolve("f"), "content");
        assertThat(t.open(3, 0, "f", Flags.OFLAGS_CREAT | Flags.OFLAGS_EXCL, FILE, 0, 0)).isEqualTo(Errno.EXIST);
        assertThat(t.open(3, 0, "f", Flags.OFLAGS_DIRECTORY, FILE, 0, 0)).isEqualTo(Errno.NOTDIR);
        assertThat(t.open(3, 0, "nope", 0, FILE, 0, 0)).isEqualTo(Errno.NOENT);
        assertThat(t.open(3, 0, "nope", Flags.OFLAGS_DIRECTORY, 0, 0, 0)).isEqualTo(Errno.NOENT);
        assertThat(t.open(3, 0, ".", Flags.OFLAGS_TRUNC, 0, 0, 0)).isEqualTo(Errno.ISDIR);
        assertThat(t.open(3, 0, ".", 0, Rights.FD_WRITE, 0, 0)).isEqualTo(Errno.ISDIR);
        assertThat(t.open(3, 0, "f", Flags.OFLAGS_TRUNC, FILE, 0, 0)).isZero();
        assertThat(Files.size(dir.resolve("f"))).isZero();
        assertThat(t.open(3, 0, "new/", Flags.OFLAGS_CREAT, FILE, 0, 0)).isEqualTo(Errno.ISDIR);
        assertThat(t.open(3, 0, "f", 64, FILE, 0, 0)).isEqualTo(Errno.INVAL);
    }

    @Test
    void openedDescriptorsGetOnlyInheritableRights() {
        assertThat(t.open(3, 0, ".", Flags.OFLAGS_DIRECTORY, Rights.PATH_OPEN, Rights.FD_READ, 0)).isZero();
        int sub = t.openedFd();
        assertThat(t.call("fd_fdstat_get", sub, 100)).isZero();
        assertThat(t.memory.readLong(108)).isEqualTo(Rights.PATH_OPEN);
        assertThat(t.memory.readLong(116)).isEqualTo(Rights.FD_READ);
        // the sub-directory cannot create files: it was not given the right
        assertThat(t.open(sub, 0, "x", Flags.OFLAGS_CREAT, Rights.FD_READ, 0, 0)).isEqualTo(Errno.NOTCAPABLE);
    }

    @Test
    void filestatFollowsLinksOnlyWhenAsked() throws Exception {
        Files.writeString(dir.resolve("f"), "12345");
        assertThat(symlink("f", "l")).isZero();
        int l = t.string("l");
        assertThat(t.call("path_filestat_get", 3, 0, l, 1, 100)).isZero();
        assertThat(t.memory.readByte(116)).isEqualTo((byte) Flags.FILETYPE_SYMBOLIC_LINK);
        assertThat(t.call("path_filestat_get", 3, Flags.LOOKUP_SYMLINK_FOLLOW, l, 1, 100)).isZero();
        assertThat(t.memory.readByte(116)).isEqualTo((byte) Flags.FILETYPE_REGULAR_FILE);
        assertThat(t.memory.readLong(132)).isEqualTo(5);
        assertThat(t.memory.readLong(124)).isEqualTo(1); // nlink
        assertThat(t.call("path_filestat_get", 3, 0, t.string("zz"), 2, 100)).isEqualTo(Errno.NOENT);
    }

    @Test
    void setTimesKeepsNanoseconds() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        int f = t.string("f");
        assertThat(t.call("path_filestat_set_times", 3, 0, f, 1, 1_000_000_123L, 2_000_000_456L, Flags.FST_ATIM | Flags.FST_MTIM)).isZero();
        assertThat(t.call("path_filestat_get", 3, 0, f, 1, 100)).isZero();
        assertThat(t.memory.readLong(140)).isEqualTo(1_000_000_123L);
        assertThat(t.memory.readLong(148)).isEqualTo(2_000_000_456L);
        assertThat(t.call("path_filestat_set_times", 3, 0, f, 1, 0L, 0L, Flags.FST_ATIM | Flags.FST_ATIM_NOW)).isEqualTo(Errno.INVAL);
    }

    @Test
    void renameFollowsPosixRules() throws Exception {
        Files.writeString(dir.resolve("a"), "A");
        Files.writeString(dir.resolve("b"), "B");
        Files.createDirectories(dir.resolve("d1"));
        Files.createDirectories(dir.resolve("d2/x"));
        assertThat(rename("a", "b")).isZero();
        assertThat(Files.readString(dir.resolve("b"))).isEqualTo("A");
        assertThat(rename("a", "c")).isEqualTo(Errno.NOENT);
        assertThat(rename("b", "d1")).isEqualTo(Errno.ISDIR);
        assertThat(rename("d1", "b")).isEqualTo(Errno.NOTDIR);
        assertThat(rename("d1", "d2")).isEqualTo(Errno.NOTEMPTY);
        assertThat(rename("b/", "c")).isEqualTo(Errno.NOTDIR);
        assertThat(rename("d1", "d3/")).isZero();
        assertThat(Files.isDirectory(dir.resolve("d3"))).isTrue();
        assertThat(rename("d2", "d2/x/inside")).isEqualTo(Errno.INVAL);
    }

    @Test
    void symlinkAndLink() throws Exception {
        Files.writeString(dir.resolve("f"), "x");
        assertThat(symlink("f", "l")).isZero();
        assertThat(symlink("f", "l")).isEqualTo(Errno.EXIST);
        assertThat(symlink("", "e")).isEqualTo(Errno.NOENT);
        assertThat(symlink("dangling", "dl")).isZero();
        assertThat(Files.isSymbolicLink(dir.resolve("dl"))).isTrue();
        int f = t.string("f");
        assertThat(t.call("path_link", 3, 0, f, 1, 3, t.string("h"), 1)).isZero();
        assertThat(Files.isSameFile(dir.resolve("f"), dir.resolve("h"))).isTrue();
        assertThat(t.call("path_link", 3, 0, f, 1, 3, t.string("h"), 1)).isEqualTo(Errno.EXIST);
        assertThat(t.call("path_link", 3, 0, t.string("."), 1, 3, t.string("h2"), 2)).isEqualTo(Errno.PERM);
        // a hard link of a symbolic link is a link too, never a copy of its target
        assertThat(t.call("path_link", 3, 0, t.string("l"), 1, 3, t.string("l2"), 2)).isZero();
        assertThat(Files.isSymbolicLink(dir.resolve("l2"))).isTrue();
        assertThat(Files.exists(dir.resolve("l2"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void readlinkTruncatesToTheBuffer() {
        assertThat(symlink("some/target", "l")).isZero();
        int buf = t.alloc(16);
        assertThat(t.call("path_readlink", 3, t.string("l"), 1, buf, 4, 100)).isZero();
        assertThat(t.memory.readInt(100)).isEqualTo(4);
        assertThat(t.readString(buf, 4)).isEqualTo("some");
        assertThat(t.call("path_readlink", 3, t.string("zz"), 2, buf, 4, 100)).isEqualTo(Errno.NOENT);
    }
}
