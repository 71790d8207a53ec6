package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the path functions with hostile paths ({@link FuzzedPaths}) against the tree of
 * {@link EscapeFixture}, through the real WASI handlers. After every call: nothing outside the
 * sandbox changed (names, bytes, times, link counts), no read or listing returned a canary, no
 * stat reported an outside inode, every link the guest left stays inside, and the call answered
 * with an errno (never {@code io}, which is what an unforeseen host exception becomes).
 *
 * <p>Deterministic: each seed replays the same calls; a failure names its seed and call.
 */
class SandboxFuzzTest {

    /** Seeds per run; raise it for a longer campaign: {@code mvn test -Dtest=SandboxFuzzTest -Dwasi.fuzz.seeds=2000}. */
    private static final int SEEDS = Integer.getInteger("wasi.fuzz.seeds", 32);
    /** The first seed, to continue a campaign where an earlier one stopped. */
    private static final long FIRST_SEED = Long.getLong("wasi.fuzz.first-seed", 1);
    private static final int CALLS_PER_SEED = 400;
    private static final int CHECK_EVERY = 16;
    private static final long FILE_RIGHTS = Rights.REGULAR_FILE;
    private static final long[] RIGHT_CHOICES = {
        0, Rights.FD_READ, Rights.FD_WRITE, Rights.FD_READ | Rights.FD_WRITE, FILE_RIGHTS, Rights.DIRECTORY, Rights.ALL,
    };

    @TempDir
    Path top;

    /** Successful calls per function: the fuzzer must reach the sandbox's insides, not only bounce off. */
    private final Map<String, Integer> successes = new TreeMap<>();
    private int calls;

    @Test
    void noFuzzedPathReachesOutsideThePreopen() throws Exception {
        EscapeFixture fixture = new EscapeFixture(top, "fuzz");
        Map<String, String> before = fixture.snapshot();
        List<String> absolute = List.of(fixture.outside.toString(), fixture.outside.resolve("canary.txt").toString(),
                fixture.sandbox.toString(), fixture.sandbox.resolve("file.txt").toString(), "/etc/passwd", "/");
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            fixture.resetSandbox();
            FuzzedPaths paths = new FuzzedPaths(seed, absolute);
            // a second preopen nested in the first: renames and links between the two, and a smaller root to stay in
            try (FuzzGuest guest = new FuzzGuest(WasiConfig.builder().stdout(new ByteArrayOutputStream())
                    .preopen(fixture.sandbox, "/").preopen(fixture.sandbox.resolve("d"), "/d").build())) {
                List<Integer> dirFds = new ArrayList<>(List.of(3, 4));
                Deque<String> recent = new ArrayDeque<>();
                for (int i = 1; i <= CALLS_PER_SEED; i++) {
                    recent.addLast("seed " + seed + " call " + i + ": " + oneCall(guest, paths, dirFds, fixture));
                    if (i % CHECK_EVERY == 0) {
                        // walking the outside tree costs more than a call: once per handful of calls,
                        // naming all of them when something changed
                        assertThat(fixture.snapshot()).as("outside the sandbox after one of\n%s", String.join("\n", recent))
                                .isEqualTo(before);
                        recent.clear();
                    }
                }
                fixture.assertGuestLinksStayInside("seed " + seed);
            }
        }
        System.out.println("SandboxFuzzTest: " + calls + " calls, successful ones by function: " + successes);
        assertThat(calls).isEqualTo(SEEDS * CALLS_PER_SEED);
        for (String f : List.of("path_open", "path_filestat_get", "path_readlink", "path_create_directory", "path_unlink_file",
                "path_remove_directory", "path_rename", "path_link", "path_symlink", "fd_readdir", "fd_read")) {
            assertThat(successes.getOrDefault(f, 0)).as("successful %s calls out of %d (%s)", f, calls, successes).isPositive();
        }
    }

    /** Makes one random call and checks what it returned; returns a description for failure messages. */
    private String oneCall(FuzzGuest g, FuzzedPaths paths, List<Integer> dirFds, EscapeFixture fixture) {
        calls++;
        Random r = paths.random();
        int dirFd = dirFds.get(r.nextInt(dirFds.size()));
        byte[] a = r.nextBoolean() ? paths.plain() : paths.next();
        byte[] b = r.nextBoolean() ? paths.plain() : paths.next();
        int lenA = g.put(FuzzGuest.PATH_A, a);
        int lenB = g.put(FuzzGuest.PATH_B, b);
        int follow = r.nextBoolean() ? Flags.LOOKUP_SYMLINK_FOLLOW : 0;
        String pa = show(a);
        String pb = show(b);
        switch (r.nextInt(11)) {
            case 0, 1, 2 -> {
                int oflags = r.nextInt(16);
                long rights = RIGHT_CHOICES[r.nextInt(RIGHT_CHOICES.length)];
                int fdflags = r.nextInt(4) == 0 ? Flags.FDFLAGS_APPEND : 0;
                String what = "path_open(" + dirFd + ", " + follow + ", " + pa + ", oflags " + oflags + ", rights " + rights + ")";
                int errno = checked(what, "path_open", g, dirFd, follow, FuzzGuest.PATH_A, lenA, oflags, rights, Rights.ALL, fdflags,
                        FuzzGuest.RESULT);
                if (errno == Errno.SUCCESS) {
                    useOpened(g, g.openedFd(), dirFds, fixture, what);
                }
                return what;
            }
            case 3 -> {
                String what = "path_filestat_get(" + dirFd + ", " + follow + ", " + pa + ")";
                if (checked(what, "path_filestat_get", g, dirFd, follow, FuzzGuest.PATH_A, lenA, FuzzGuest.STAT) == Errno.SUCCESS) {
                    assertThat(fixture.outsideInodes).as("inode from %s", what).doesNotContain(g.memory.readLong(FuzzGuest.STAT + 8));
                }
                return what;
            }
            case 4 -> {
                String what = "path_readlink(" + dirFd + ", " + pa + ")";
                checked(what, "path_readlink", g, dirFd, FuzzGuest.PATH_A, lenA, FuzzGuest.BUFFER, 512, FuzzGuest.RESULT2);
                return what;
            }
            case 5 -> {
                String what = "path_create_directory(" + dirFd + ", " + pa + ")";
                checked(what, "path_create_directory", g, dirFd, FuzzGuest.PATH_A, lenA);
                return what;
            }
            case 6 -> {
                String name = r.nextBoolean() ? "path_unlink_file" : "path_remove_directory";
                String what = name + "(" + dirFd + ", " + pa + ")";
                checked(what, name, g, dirFd, FuzzGuest.PATH_A, lenA);
                return what;
            }
            case 7 -> {
                int toFd = dirFds.get(r.nextInt(dirFds.size()));
                String what = "path_rename(" + dirFd + ", " + pa + ", " + toFd + ", " + pb + ")";
                checked(what, "path_rename", g, dirFd, FuzzGuest.PATH_A, lenA, toFd, FuzzGuest.PATH_B, lenB);
                return what;
            }
            case 8 -> {
                int toFd = dirFds.get(r.nextInt(dirFds.size()));
                String what = "path_link(" + dirFd + ", " + follow + ", " + pa + ", " + toFd + ", " + pb + ")";
                checked(what, "path_link", g, dirFd, follow, FuzzGuest.PATH_A, lenA, toFd, FuzzGuest.PATH_B, lenB);
                return what;
            }
            case 9 -> {
                // the target is any text at all: the guest writes what it likes into a link
                String what = "path_symlink(" + pa + ", " + dirFd + ", " + pb + ")";
                checked(what, "path_symlink", g, FuzzGuest.PATH_A, lenA, dirFd, FuzzGuest.PATH_B, lenB);
                return what;
            }
            default -> {
                String what = "fd_readdir(" + dirFd + ")";
                if (checkedReaddir(g, dirFd, fixture, what) == Errno.SUCCESS) {
                    successes.merge("fd_readdir", 1, Integer::sum);
                }
                return what;
            }
        }
    }

    /** Reads a file or lists a directory just opened, then keeps a few directories for later calls. */
    private void useOpened(FuzzGuest g, int fd, List<Integer> dirFds, EscapeFixture fixture, String what) {
        if (g.call("fd_fdstat_get", fd, FuzzGuest.STAT) != Errno.SUCCESS) {
            fail("fd_fdstat_get on the fd from " + what);
        }
        int filetype = g.memory.readByte(FuzzGuest.STAT);
        if (filetype == Flags.FILETYPE_DIRECTORY) {
            if (checkedReaddir(g, fd, fixture, what) == Errno.SUCCESS) {
                successes.merge("fd_readdir", 1, Integer::sum);
            }
            if (dirFds.size() < 5) {
                dirFds.add(fd);
                return;
            }
        } else {
            int errno = g.read(fd);
            if (errno == Errno.SUCCESS) {
                successes.merge("fd_read", 1, Integer::sum);
                assertThat(EscapeFixture.holdsCanary(g.memory.readBytes(FuzzGuest.BUFFER, g.resultInt()), g.resultInt()))
                        .as("canary bytes read after %s", what).isFalse();
            }
            g.write(fd, "guest-data".getBytes(StandardCharsets.US_ASCII));
            if (g.call("fd_filestat_get", fd, FuzzGuest.STAT) == Errno.SUCCESS) {
                assertThat(fixture.outsideInodes).as("inode of the fd from %s", what).doesNotContain(g.memory.readLong(FuzzGuest.STAT + 8));
            }
        }
        assertThat(g.call("fd_close", fd)).isZero();
    }

    /** Lists {@code fd}: no outside name, no outside inode, no {@code io}. */
    private int checkedReaddir(FuzzGuest g, int fd, EscapeFixture fixture, String what) {
        int errno = g.readdir(fd);
        assertThat(errno).as("errno of fd_readdir after %s", what).isNotEqualTo(Errno.IO);
        if (errno != Errno.SUCCESS) {
            return errno;
        }
        int used = g.resultInt();
        byte[] listing = g.memory.readBytes(FuzzGuest.LISTING, used);
        for (int at = 0; at + 24 <= used; ) {
            long ino = g.memory.readLong(FuzzGuest.LISTING + at + 8);
            int nameLength = g.memory.readInt(FuzzGuest.LISTING + at + 16);
            int end = Math.min(used, at + 24 + nameLength);
            String name = new String(listing, at + 24, end - at - 24, StandardCharsets.UTF_8);
            assertThat(name).as("name listed after %s", what).isNotEqualTo(fixture.outsideOnlyName);
            assertThat(fixture.outsideInodes).as("inode of %s listed after %s", name, what).doesNotContain(ino);
            at = end;
        }
        return errno;
    }

    /** Calls {@code name}: only an errno may come out, and not {@code io}. */
    private int checked(String what, String name, FuzzGuest g, long... args) {
        int errno;
        try {
            errno = g.call(name, args);
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + " threw " + e, e);
        }
        assertThat(errno).as("errno of %s", what).isBetween(0, Errno.NOTCAPABLE).isNotEqualTo(Errno.IO);
        if (errno == Errno.SUCCESS) {
            successes.merge(name, 1, Integer::sum);
        }
        return errno;
    }

    /** A path for messages: printable ASCII as is, the rest escaped, long runs shortened. */
    private static String show(byte[] path) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < path.length && i < 120; i++) {
            int c = path[i] & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.append(path.length > 120 ? "...(" + path.length + " bytes)\"" : "\"").toString();
    }
}
