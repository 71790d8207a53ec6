package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest must never reach a host file outside its preopens. The preopen is {@code host/sandbox};
 * next to it lies {@code host/secret.txt}, which every test tries to reach. The errnos are the
 * ones wasmtime gives (and the WASI test suite expects): {@code perm} for a path that leaves the
 * directory, {@code loop} for a cycle of links.
 */
class SandboxTest {

    private static final int FOLLOW = Flags.LOOKUP_SYMLINK_FOLLOW;
    private static final long READ = Rights.FD_READ;

    @TempDir
    Path host;

    private Path sandbox;
    private Path secret;
    private WasiTestSupport t;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = Files.createDirectory(host.resolve("sandbox"));
        secret = Files.writeString(host.resolve("secret.txt"), "top secret");
        Files.createDirectory(sandbox.resolve("dir"));
        Files.writeString(sandbox.resolve("dir/inside.txt"), "fine");
        t = new WasiTestSupport(WasiConfig.builder().stdout(new ByteArrayOutputStream()).preopen(sandbox, "/").build());
    }

    @Test
    void pathsInsideWorkIncludingDotDotThatStaysInside() {
        assertThat(t.open(3, 0, "dir/inside.txt", 0, READ, 0, 0)).isZero();
        assertThat(t.open(3, 0, "dir/../dir/./inside.txt", 0, READ, 0, 0)).isZero();
        assertThat(t.open(3, 0, ".", 0, 0, 0, 0)).isZero();
    }

    @Test
    void dotDotAboveThePreopenIsPerm() {
        assertThat(t.open(3, 0, "../secret.txt", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.open(3, 0, "dir/../../secret.txt", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.open(3, 0, "..", 0, 0, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.pathCall("path_create_directory", 3, "../escaped")).isEqualTo(Errno.PERM);
        assertThat(Files.exists(host.resolve("escaped"))).isFalse();
    }

    @Test
    void dotDotAboveAnOpenedDirectoryIsPermToo() {
        assertThat(t.open(3, 0, "dir", Flags.OFLAGS_DIRECTORY, Rights.DIRECTORY, Rights.ALL, 0)).isZero();
        int dirFd = t.openedFd();
        assertThat(t.open(dirFd, 0, "../dir/inside.txt", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
    }

    @Test
    void absolutePathsArePerm() {
        assertThat(t.open(3, 0, secret.toString(), 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.open(3, 0, "/dir/inside.txt", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.pathCall("path_unlink_file", 3, secret.toString())).isEqualTo(Errno.PERM);
        assertThat(Files.exists(secret)).isTrue();
    }

    @Test
    void hostSymlinksPointingOutAreRefused() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("abs"), secret);
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("up"), Path.of(".."));
        assertThat(t.open(3, FOLLOW, "abs", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.open(3, FOLLOW, "rel", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.open(3, 0, "up/secret.txt", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.call("path_filestat_get", 3, FOLLOW, t.string("abs"), 3, 100)).isEqualTo(Errno.PERM);
    }

    @Test
    void symlinksTheGuestCreatesCannotPointOut() {
        // the host might follow a link the guest leaves behind, so one that climbs out is never made
        assertThat(t.call("path_symlink", t.string("../secret.txt"), 13, 3, t.string("esc"), 3)).isEqualTo(Errno.PERM);
        assertThat(Files.exists(sandbox.resolve("esc"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        // an absolute target is refused outright
        String abs = secret.toString();
        assertThat(t.call("path_symlink", t.string(abs), WasiTestSupport.len(abs), 3, t.string("abs"), 3)).isEqualTo(Errno.PERM);
        assertThat(Files.exists(sandbox.resolve("abs"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void symlinkChainsAreResolvedComponentByComponent() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(sandbox.resolve("b"), Path.of("dir/c"));
        Files.createSymbolicLink(sandbox.resolve("dir/c"), Path.of("../../secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("ok"), Path.of("dir/../dir/inside.txt"));
        assertThat(t.open(3, FOLLOW, "a", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.open(3, FOLLOW, "ok", 0, READ, 0, 0)).isZero();
    }

    @Test
    void symlinkLoopsAreLoop() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("x"), Path.of("y"));
        Files.createSymbolicLink(sandbox.resolve("y"), Path.of("x"));
        assertThat(t.open(3, FOLLOW, "x", 0, READ, 0, 0)).isEqualTo(Errno.LOOP);
        assertThat(t.open(3, 0, "x/file", 0, READ, 0, 0)).isEqualTo(Errno.LOOP);
        // without follow, opening a link itself is loop too (O_NOFOLLOW)
        assertThat(t.open(3, 0, "x", 0, READ, 0, 0)).isEqualTo(Errno.LOOP);
    }

    @Test
    void hardLinksCannotReachOut() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../secret.txt"));
        int from = t.string("rel");
        int to = t.string("hard");
        // following the link to make a hard link of its target: the target is outside
        assertThat(t.call("path_link", 3, FOLLOW, from, 3, 3, to, 4)).isEqualTo(Errno.PERM);
        int outside = t.string("../secret.txt");
        assertThat(t.call("path_link", 3, 0, outside, 13, 3, to, 4)).isEqualTo(Errno.PERM);
        int inside = t.string("dir/inside.txt");
        int escape = t.string("../stolen");
        assertThat(t.call("path_link", 3, 0, inside, 14, 3, escape, 9)).isEqualTo(Errno.PERM);
        assertThat(Files.exists(host.resolve("stolen"))).isFalse();
    }

    @Test
    void anOpenDirectoryCannotBeReRoutedByReplacingAnAncestorWithALink() throws Exception {
        Path outside = Files.createDirectory(host.resolve("outside"));
        Files.writeString(outside.resolve("loot.txt"), "loot");
        // the guest makes a/outside, opens it, moves a away and puts a link "a" -> ".." in its place:
        // the host path sandbox/a/outside would now lead to host/outside
        assertThat(t.pathCall("path_create_directory", 3, "a")).isZero();
        assertThat(t.pathCall("path_create_directory", 3, "a/outside")).isZero();
        assertThat(t.open(3, 0, "a/outside", Flags.OFLAGS_DIRECTORY, Rights.DIRECTORY, Rights.ALL, 0)).isZero();
        int fd = t.openedFd();
        assertThat(t.call("path_rename", 3, t.string("a"), 1, 3, t.string("moved"), 5)).isZero();
        // (the guest may not make that link itself: the host, or another process, does)
        Files.createSymbolicLink(sandbox.resolve("a"), Path.of(".."));

        assertThat(t.open(fd, 0, "loot.txt", 0, READ, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.call("fd_readdir", fd, t.alloc(512), 512, 0L, 100)).isEqualTo(Errno.PERM);
        assertThat(t.call("fd_filestat_get", fd, 100)).isEqualTo(Errno.PERM);
        assertThat(t.call("fd_filestat_set_times", fd, 0L, 0L, Flags.FST_MTIM)).isEqualTo(Errno.PERM);
        assertThat(t.pathCall("path_unlink_file", fd, "loot.txt")).isEqualTo(Errno.PERM);
        assertThat(Files.exists(outside.resolve("loot.txt"))).isTrue();
    }

    @Test
    void renamesCannotMoveAcrossTheBoundary() {
        int inside = t.string("dir/inside.txt");
        int out = t.string("../moved.txt");
        assertThat(t.call("path_rename", 3, inside, 14, 3, out, 12)).isEqualTo(Errno.PERM);
        assertThat(t.call("path_rename", 3, t.string("../secret.txt"), 13, 3, t.string("got"), 3)).isEqualTo(Errno.PERM);
        assertThat(Files.exists(secret)).isTrue();
        assertThat(Files.exists(host.resolve("moved.txt"))).isFalse();
    }

    @Test
    void renamingALinkKeepsItALink() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("dir/rel"), Path.of("../dir/inside.txt"));
        assertThat(t.call("path_rename", 3, t.string("dir/rel"), 7, 3, t.string("dir/rel2"), 8)).isZero();
        assertThat(Files.isSymbolicLink(sandbox.resolve("dir/rel2"))).isTrue();
        assertThat(t.open(3, FOLLOW, "dir/rel2", 0, READ, 0, 0)).isZero();
        // moved one level up, the same text would climb out of the sandbox: refused, the link stays put
        assertThat(t.call("path_rename", 3, t.string("dir/rel2"), 8, 3, t.string("top"), 3)).isEqualTo(Errno.PERM);
        assertThat(Files.isSymbolicLink(sandbox.resolve("dir/rel2"))).isTrue();
        assertThat(Files.exists(sandbox.resolve("top"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void symlinkTargetsMayClimbOnlyToThePreopenRoot() {
        // from dir/, one ".." reaches the root: fine; two climb out
        assertThat(t.call("path_symlink", t.string("../dir/inside.txt"), 17, 3, t.string("dir/up"), 6)).isZero();
        assertThat(t.open(3, FOLLOW, "dir/up", 0, READ, 0, 0)).isZero();
        assertThat(t.call("path_symlink", t.string("../../etc/passwd"), 16, 3, t.string("dir/out"), 7))
                .isEqualTo(Errno.PERM);
        // "." components do not count; ".." after a name does not count on the name being a directory
        assertThat(t.call("path_symlink", t.string("./inside.txt"), 12, 3, t.string("dir/dot"), 7)).isZero();
        assertThat(t.call("path_symlink", t.string("x/../../.."), 10, 3, t.string("dir/mixed"), 9))
                .isEqualTo(Errno.PERM);
        // measured from the preopen, not from the directory descriptor the guest used
        assertThat(t.open(3, 0, "dir", Flags.OFLAGS_DIRECTORY, Rights.DIRECTORY, Rights.ALL, 0)).isZero();
        int dirFd = t.openedFd();
        assertThat(t.call("path_symlink", t.string("../dir"), 6, dirFd, t.string("loop"), 4)).isZero();
        assertThat(t.call("path_symlink", t.string("../../x"), 7, dirFd, t.string("far"), 3)).isEqualTo(Errno.PERM);
        assertThat(Files.exists(sandbox.resolve("dir/out"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(sandbox.resolve("dir/far"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aLinkToALinkCannotClimbThroughIt() throws Exception {
        // dir/l -> ".." is the root; "l/../x" would be read physically as root/../x, so it is refused
        assertThat(t.call("path_symlink", t.string(".."), 2, 3, t.string("dir/l"), 5)).isZero();
        assertThat(t.call("path_symlink", t.string("l/../secret.txt"), 15, 3, t.string("dir/m"), 5))
                .isEqualTo(Errno.PERM);
        // made through dir/l, a link lands in the root: its depth is counted where it really lands
        assertThat(t.call("path_symlink", t.string("../secret.txt"), 13, 3, t.string("dir/l/evil"), 10))
                .isEqualTo(Errno.PERM);
        assertThat(Files.exists(sandbox.resolve("evil"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(t.call("path_symlink", t.string("dir/inside.txt"), 14, 3, t.string("dir/l/fine"), 10)).isZero();
        assertThat(Files.isSymbolicLink(sandbox.resolve("fine"))).isTrue();
    }

    @Test
    void readlinkShowsTheTextButGivesNoAccess() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../secret.txt"));
        int buf = t.alloc(64);
        assertThat(t.call("path_readlink", 3, t.string("rel"), 3, buf, 64, 100)).isZero();
        assertThat(t.readString(buf, t.memory.readInt(100))).isEqualTo("../secret.txt");
        assertThat(t.call("path_readlink", 3, t.string("dir"), 3, buf, 64, 100)).isEqualTo(Errno.INVAL);
    }

    @Test
    void unlinkingALinkRemovesTheLinkNotItsTarget() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../secret.txt"));
        assertThat(t.pathCall("path_unlink_file", 3, "rel")).isZero();
        assertThat(Files.exists(secret)).isTrue();
    }

    @Test
    void readOnlyPreopenRefusesEveryChange() throws Exception {
        WasiTestSupport ro = new WasiTestSupport(WasiConfig.builder().preopen(sandbox, "/", true).build());
        assertThat(ro.open(3, 0, "new.txt", Flags.OFLAGS_CREAT, Rights.FD_WRITE, 0, 0)).isEqualTo(Errno.NOTCAPABLE);
        assertThat(ro.pathCall("path_create_directory", 3, "newdir")).isEqualTo(Errno.NOTCAPABLE);
        assertThat(ro.pathCall("path_unlink_file", 3, "dir/inside.txt")).isEqualTo(Errno.NOTCAPABLE);
        assertThat(ro.pathCall("path_remove_directory", 3, "dir")).isEqualTo(Errno.NOTCAPABLE);
        assertThat(ro.open(3, 0, "dir/inside.txt", Flags.OFLAGS_TRUNC, 0, 0, 0)).isEqualTo(Errno.NOTCAPABLE);
        // reading still works, and a write right asked for is simply not granted
        assertThat(ro.open(3, 0, "dir/inside.txt", 0, Rights.FD_READ | Rights.FD_WRITE, 0, 0)).isZero();
        int fd = ro.openedFd();
        int data = ro.string("x");
        assertThat(ro.call("fd_write", fd, ro.iovec(data, 1), 1, 100)).isEqualTo(Errno.NOTCAPABLE);
        int buf = ro.alloc(8);
        assertThat(ro.call("fd_read", fd, ro.iovec(buf, 8), 1, 100)).isZero();
        assertThat(ro.readString(buf, ro.memory.readInt(100))).isEqualTo("fine");
        assertThat(Files.readString(sandbox.resolve("dir/inside.txt"), StandardCharsets.UTF_8)).isEqualTo("fine");
        assertThat(Files.exists(sandbox.resolve("new.txt"))).isFalse();
    }

    @Test
    void renamingADirectoryCannotCarryALinkInsideItOut() {
        // a/b/l -> ../.. is the root; were a/b renamed to c, c/l -> ../.. would be the host directory above
        assertThat(t.pathCall("path_create_directory", 3, "a")).isZero();
        assertThat(t.pathCall("path_create_directory", 3, "a/b")).isZero();
        assertThat(t.call("path_symlink", t.string("../.."), 5, 3, t.string("a/b/l"), 5)).isZero();
        assertThat(t.call("path_rename", 3, t.string("a/b"), 3, 3, t.string("c"), 1)).isEqualTo(Errno.PERM);
        assertThat(Files.exists(sandbox.resolve("c"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.isSymbolicLink(sandbox.resolve("a/b/l"))).isTrue();
        // at the same depth the link still ends at the root: allowed
        assertThat(t.call("path_rename", 3, t.string("a/b"), 3, 3, t.string("dir/b"), 5)).isZero();
        assertThat(t.open(3, FOLLOW, "dir/b/l/dir/inside.txt", 0, READ, 0, 0)).isZero();
    }

    @Test
    void hardLinkingALinkCannotCarryItOut() {
        // dir/l -> .. is the root; a hard link to the link itself at the top, "l2" -> "..", would be above it
        assertThat(t.call("path_symlink", t.string(".."), 2, 3, t.string("dir/l"), 5)).isZero();
        assertThat(t.call("path_link", 3, 0, t.string("dir/l"), 5, 3, t.string("l2"), 2)).isEqualTo(Errno.PERM);
        assertThat(Files.exists(sandbox.resolve("l2"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        // next to the original it means the same: allowed
        assertThat(t.call("path_link", 3, 0, t.string("dir/l"), 5, 3, t.string("dir/l3"), 6)).isZero();
        assertThat(Files.isSymbolicLink(sandbox.resolve("dir/l3"))).isTrue();
    }

    @Test
    void listingThePreopenShowsNothingOfTheHostAbove() throws Exception {
        int buf = t.alloc(1024);
        assertThat(t.call("fd_readdir", 3, buf, 1024, 0L, 100)).isZero();
        // the second entry is "..": at the root it is the root itself, as at "/"
        long dotIno = t.memory.readLong(buf + 8);
        int dotLength = t.memory.readInt(buf + 16);
        int second = buf + 24 + dotLength;
        assertThat(t.readString(second + 24, t.memory.readInt(second + 16))).isEqualTo("..");
        assertThat(t.memory.readLong(second + 8)).isEqualTo(dotIno).isNotEqualTo(Filestat.of(host, true).ino());
    }

    @Test
    void renamingOntoALinkReplacesTheLinkNotItsTarget() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../secret.txt"));
        assertThat(t.call("path_rename", 3, t.string("dir/inside.txt"), 14, 3, t.string("rel"), 3)).isZero();
        assertThat(Files.isSymbolicLink(sandbox.resolve("rel"))).isFalse();
        assertThat(Files.readString(sandbox.resolve("rel"))).isEqualTo("fine");
        assertThat(Files.readString(secret)).isEqualTo("top secret");
    }

    @Test
    void renamingIntoALinkedDirectoryOutsideIsPerm() throws Exception {
        Path outside = Files.createDirectory(host.resolve("outside"));
        Files.createSymbolicLink(sandbox.resolve("out"), outside);
        Files.createSymbolicLink(sandbox.resolve("dir/up"), Path.of("../.."));
        assertThat(t.call("path_rename", 3, t.string("dir/inside.txt"), 14, 3, t.string("out/stolen"), 10)).isEqualTo(Errno.PERM);
        assertThat(t.call("path_rename", 3, t.string("dir/inside.txt"), 14, 3, t.string("dir/up/stolen"), 13)).isEqualTo(Errno.PERM);
        assertThat(t.call("path_rename", 3, t.string("out/../secret.txt"), 17, 3, t.string("got"), 3)).isEqualTo(Errno.PERM);
        assertThat(outside).isEmptyDirectory();
        assertThat(Files.exists(sandbox.resolve("dir/inside.txt"))).isTrue();
    }

    @Test
    void creatingOrTruncatingThroughALinkNeverTouchesTheOutside() throws Exception {
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("new"), Path.of("../created.txt"));
        int createTrunc = Flags.OFLAGS_CREAT | Flags.OFLAGS_TRUNC;
        assertThat(t.open(3, FOLLOW, "rel", createTrunc, Rights.FD_WRITE, 0, 0)).isEqualTo(Errno.PERM);
        assertThat(t.open(3, FOLLOW, "new", Flags.OFLAGS_CREAT, Rights.FD_WRITE, 0, 0)).isEqualTo(Errno.PERM);
        // without follow the link itself is the last component: O_NOFOLLOW's loop
        assertThat(t.open(3, 0, "rel", createTrunc, Rights.FD_WRITE, 0, 0)).isEqualTo(Errno.LOOP);
        assertThat(Files.readString(secret)).isEqualTo("top secret");
        assertThat(Files.exists(host.resolve("created.txt"))).isFalse();
    }

    @Test
    void malformedPathsAreRejected() {
        assertThat(t.open(3, 0, "", 0, READ, 0, 0)).isEqualTo(Errno.NOENT);
        assertThat(t.open(3, 0, "dir/inside.txt\0", 0, READ, 0, 0)).isEqualTo(Errno.INVAL);
        int bad = t.bytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThat(t.call("path_open", 3, 0, bad, 2, 0, READ, 0L, 0, WasiTestSupport.OUT)).isEqualTo(Errno.ILSEQ);
        assertThat(t.open(3, 0, "dir/inside.txt/", 0, READ, 0, 0)).isEqualTo(Errno.NOTDIR);
        assertThat(t.open(1, 0, "dir", 0, 0, 0, 0)).isEqualTo(Errno.NOTDIR);
        assertThat(t.open(99, 0, "dir", 0, 0, 0, 0)).isEqualTo(Errno.BADF);
    }
}
