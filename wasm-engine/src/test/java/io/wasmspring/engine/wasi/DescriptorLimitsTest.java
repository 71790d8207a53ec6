package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a guest can hold of the host: a capped number of open descriptors, all of them released by
 * {@link WasiPreview1#close()}, and preopen names that do not reveal host paths.
 */
class DescriptorLimitsTest {

    private static final long READ = Rights.FD_READ;

    @TempDir
    Path dir;

    @Test
    void openingPastTheCapIsMfileAndClosingMakesRoomAgain() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "x");
        // 3 streams + 1 preopen + 2 files
        WasiTestSupport t = new WasiTestSupport(WasiConfig.builder().preopen(dir, "/").maxOpenDescriptors(6).build());
        assertThat(t.open(3, 0, "f.txt", 0, READ, 0, 0)).isZero();
        assertThat(t.open(3, 0, "f.txt", 0, READ, 0, 0)).isZero();
        int last = t.openedFd();
        assertThat(t.open(3, 0, "f.txt", 0, READ, 0, 0)).isEqualTo(Errno.MFILE);
        // nothing was created on the way to the refusal
        assertThat(t.open(3, 0, "new.txt", Flags.OFLAGS_CREAT, READ, 0, 0)).isEqualTo(Errno.MFILE);
        assertThat(Files.exists(dir.resolve("new.txt"))).isFalse();
        assertThat(t.call("fd_close", last)).isZero();
        assertThat(t.open(3, 0, "f.txt", 0, READ, 0, 0)).isZero();
        assertThat(t.openedFd()).isEqualTo(last);
    }

    @Test
    void theDefaultCapIs1024AndMustLeaveRoomForStreamsAndPreopens() {
        assertThat(WasiConfig.builder().build().maxOpenDescriptors()).isEqualTo(1024);
        assertThatThrownBy(() -> WasiConfig.builder().preopen(dir, "/").maxOpenDescriptors(3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxOpenDescriptors 3");
    }

    @Test
    void closeReleasesEveryDescriptorAndMayBeCalledAgain() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "hello");
        WasiTestSupport t = new WasiTestSupport(WasiConfig.builder().preopen(dir, "/").maxOpenDescriptors(5).build());
        assertThat(t.open(3, 0, "f.txt", 0, READ, 0, 0)).isZero();
        int fd = t.openedFd();
        assertThat(t.call("fd_read", fd, t.iovec(t.alloc(8), 8), 1, 100)).isZero();

        t.wasi.close();
        assertThat(t.call("fd_read", fd, t.iovec(t.alloc(8), 8), 1, 100)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_prestat_get", 3, 100)).isEqualTo(Errno.BADF);
        assertThat(t.call("fd_write", 1, t.iovec(t.string("x"), 1), 1, 100)).isEqualTo(Errno.BADF);
        assertThatCode(t.wasi::close).doesNotThrowAnyException();
        // every slot was given back: the full cap is available again (the preopen is gone, so no path_open)
        assertThat(t.call("fd_prestat_get", 0, 100)).isEqualTo(Errno.BADF);
    }

    @Test
    void closeGoesOnPastADescriptorThatFailsToClose() throws Exception {
        Files.writeString(dir.resolve("f.txt"), "hello");
        java.io.OutputStream failing = new java.io.OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void flush() {
                throw new java.io.UncheckedIOException(new java.io.IOException("broken pipe"));
            }
        };
        WasiTestSupport t = new WasiTestSupport(WasiConfig.builder().stdout(failing).preopen(dir, "/").build());
        assertThat(t.open(3, 0, "f.txt", 0, READ, 0, 0)).isZero();
        int fd = t.openedFd();
        assertThatCode(t.wasi::close).doesNotThrowAnyException();
        assertThat(t.call("fd_read", fd, t.iovec(t.alloc(8), 8), 1, 100)).isEqualTo(Errno.BADF);
    }

    @Test
    void aPreopenWithoutAGuestPathIsNamedAfterTheDirectory() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        WasiConfig c = WasiConfig.builder().preopen(data).preopen(dir, null, true).build();
        assertThat(c.preopens()).extracting(WasiConfig.Preopen::guestPath).containsExactly("data", dir.getFileName().toString());
        assertThat(WasiConfig.defaultGuestPath(Path.of("/"))).isEqualTo("/");

        WasiTestSupport t = new WasiTestSupport(c);
        assertThat(t.call("fd_prestat_get", 3, 100)).isZero();
        assertThat(t.memory.readInt(104)).isEqualTo(4);
        assertThat(t.call("fd_prestat_dir_name", 3, 200, 4)).isZero();
        String name = t.readString(200, 4);
        assertThat(name).isEqualTo("data").doesNotContain(dir.toString());
        assertThat(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo("data");
    }

    @Test
    void streamsSurviveTheGuestButAreNotClosedByClose() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiTestSupport t = new WasiTestSupport(WasiConfig.builder().stdout(out).build());
        assertThat(t.call("fd_write", 1, t.iovec(t.string("hi"), 2), 1, 100)).isZero();
        t.wasi.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi");
        out.write('!'); // still usable by the embedder
        assertThat(out.size()).isEqualTo(3);
    }
}
