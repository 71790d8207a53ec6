package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check-then-use race between two programs that share host directories. The victim's
 * preopen is {@code l2/sandbox}; the swapper's is {@code l2}, the directory above, where a link
 * {@code sandbox/xlink -> ../outside} is perfectly legal (it stays inside {@code l2}). The
 * swapper keeps exchanging the directory {@code sandbox/x} with that link while the victim opens,
 * stats and lists {@code x/canary.txt} and {@code x}: had the victim checked {@code x} as a
 * directory and then opened through the link, it would read the canary in {@code l2/outside}.
 * {@link NamespaceLock} keeps every check and its use together, so the victim only ever sees the
 * decoy or an error.
 */
class SharedPreopenRaceTest {

    private static final int VICTIM_CALLS = 3_000;
    private static final int MAX_SWAPS = 200_000;

    @TempDir
    Path top;

    @Test
    void aGuestSwappingADirectoryForALinkNeverLetsAnotherGuestOut() throws Exception {
        EscapeFixture fixture = new EscapeFixture(top, "race");
        Files.createDirectory(fixture.sandbox.resolve("x"));
        Files.writeString(fixture.sandbox.resolve("x/canary.txt"), "decoy");
        Map<String, String> before = fixture.snapshot();
        Path shared = fixture.sandbox.getParent();
        try (FuzzGuest victim = new FuzzGuest(WasiConfig.builder().preopen(fixture.sandbox, "/").build());
             FuzzGuest swapper = new FuzzGuest(WasiConfig.builder().preopen(shared, "/").build())) {
            assertThat(symlink(swapper, "../outside", "sandbox/xlink")).isZero();
            // A directory fd the victim holds throughout: every later use re-checks where its path
            // leads. Opened before the swapping starts, when x is sure to exist.
            int len = victim.put(FuzzGuest.PATH_A, FuzzedPaths.utf8("x"));
            assertThat(victim.call("path_open", 3, 0, FuzzGuest.PATH_A, len, Flags.OFLAGS_DIRECTORY, Rights.DIRECTORY, Rights.ALL, 0,
                    FuzzGuest.RESULT)).isZero();
            int heldFd = victim.openedFd();
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger swaps = new AtomicInteger();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<?> swapping = pool.submit(() -> {
                for (int i = 0; i < MAX_SWAPS && !done.get(); i++) {
                    // x (directory) -> x.real; xlink -> x; then back again
                    assertThat(rename(swapper, "sandbox/x", "sandbox/x.real")).isZero();
                    assertThat(rename(swapper, "sandbox/xlink", "sandbox/x")).isZero();
                    assertThat(rename(swapper, "sandbox/x", "sandbox/xlink")).isZero();
                    assertThat(rename(swapper, "sandbox/x.real", "sandbox/x")).isZero();
                    swaps.incrementAndGet();
                }
            });
            int decoysRead = 0;
            try {
                for (int i = 0; i < VICTIM_CALLS && !swapping.isDone(); i++) {
                    decoysRead += victimTurn(victim, fixture, i);
                    decoysRead += throughHeldFd(victim, fixture, heldFd, i);
                }
            } finally {
                done.set(true);
                pool.shutdown();
            }
            swapping.get(30, TimeUnit.SECONDS); // rethrows the swapper's failures
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(swaps.get()).as("swaps made while the victim ran").isPositive();
            assertThat(decoysRead).as("the victim reached x/canary.txt at all").isPositive();
        }
        assertThat(fixture.snapshot()).isEqualTo(before);
    }

    /** One open-and-read, one stat and one listing through {@code x}; returns 1 when the decoy was read. */
    private static int victimTurn(FuzzGuest victim, EscapeFixture fixture, int i) {
        int follow = i % 2 == 0 ? Flags.LOOKUP_SYMLINK_FOLLOW : 0;
        int read = 0;
        int len = victim.put(FuzzGuest.PATH_A, FuzzedPaths.utf8("x/canary.txt"));
        int errno = victim.call("path_open", 3, follow, FuzzGuest.PATH_A, len, 0, Rights.FD_READ, 0L, 0, FuzzGuest.RESULT);
        assertThat(errno).isIn(Errno.SUCCESS, Errno.PERM, Errno.NOENT, Errno.NOTDIR);
        if (errno == Errno.SUCCESS) {
            int fd = victim.openedFd();
            assertThat(victim.read(fd)).isZero();
            byte[] data = victim.memory.readBytes(FuzzGuest.BUFFER, victim.resultInt());
            assertThat(EscapeFixture.holdsCanary(data, data.length)).as("call %d read %s", i, new String(data)).isFalse();
            read = 1;
            assertThat(victim.call("fd_close", fd)).isZero();
        }
        if (victim.call("path_filestat_get", 3, follow, FuzzGuest.PATH_A, len, FuzzGuest.STAT) == Errno.SUCCESS) {
            assertThat(fixture.outsideInodes).doesNotContain(victim.memory.readLong(FuzzGuest.STAT + 8));
        }
        len = victim.put(FuzzGuest.PATH_A, FuzzedPaths.utf8("x"));
        if (victim.call("path_open", 3, follow, FuzzGuest.PATH_A, len, Flags.OFLAGS_DIRECTORY, Rights.DIRECTORY, Rights.ALL, 0,
                FuzzGuest.RESULT) == Errno.SUCCESS) {
            int fd = victim.openedFd();
            if (victim.readdir(fd) == Errno.SUCCESS) {
                byte[] listing = victim.memory.readBytes(FuzzGuest.LISTING, victim.resultInt());
                assertThat(new String(listing, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(fixture.outsideOnlyName);
            }
            assertThat(victim.call("fd_close", fd)).isZero();
        }
        return read;
    }

    /** Reads {@code canary.txt} and lists, relative to the directory fd opened before the swapping began. */
    private static int throughHeldFd(FuzzGuest victim, EscapeFixture fixture, int fd, int i) {
        int read = 0;
        int len = victim.put(FuzzGuest.PATH_A, FuzzedPaths.utf8("canary.txt"));
        int errno = victim.call("path_open", fd, 0, FuzzGuest.PATH_A, len, 0, Rights.FD_READ, 0L, 0, FuzzGuest.RESULT);
        assertThat(errno).isIn(Errno.SUCCESS, Errno.PERM, Errno.NOENT);
        if (errno == Errno.SUCCESS) {
            int opened = victim.openedFd();
            assertThat(victim.read(opened)).isZero();
            byte[] data = victim.memory.readBytes(FuzzGuest.BUFFER, victim.resultInt());
            assertThat(EscapeFixture.holdsCanary(data, data.length)).as("call %d read %s through the held fd", i, new String(data)).isFalse();
            read = 1;
            assertThat(victim.call("fd_close", opened)).isZero();
        }
        if (victim.readdir(fd) == Errno.SUCCESS) {
            byte[] listing = victim.memory.readBytes(FuzzGuest.LISTING, victim.resultInt());
            assertThat(new String(listing, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(fixture.outsideOnlyName);
        }
        return read;
    }

    private static int rename(FuzzGuest g, String from, String to) {
        int a = g.put(FuzzGuest.PATH_A, FuzzedPaths.utf8(from));
        int b = g.put(FuzzGuest.PATH_B, FuzzedPaths.utf8(to));
        return g.call("path_rename", 3, FuzzGuest.PATH_A, a, 3, FuzzGuest.PATH_B, b);
    }

    private static int symlink(FuzzGuest g, String target, String link) {
        int a = g.put(FuzzGuest.PATH_A, FuzzedPaths.utf8(target));
        int b = g.put(FuzzGuest.PATH_B, FuzzedPaths.utf8(link));
        return g.call("path_symlink", FuzzGuest.PATH_A, a, 3, FuzzGuest.PATH_B, b);
    }
}
