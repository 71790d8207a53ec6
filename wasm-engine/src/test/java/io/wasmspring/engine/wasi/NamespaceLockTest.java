package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which calls hold the {@link NamespaceLock}, and how. */
class NamespaceLockTest {

    @Test
    void everyPathFunctionTakesTheLock() {
        WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().build());
        for (String name : wasi.functions().keySet()) {
            if (name.startsWith("path_")) {
                assertThat(NamespaceLock.Access.of(name)).as(name).isNotEqualTo(NamespaceLock.Access.NONE);
            }
        }
    }

    @Test
    void callsThatChangeTheTreeWriteAndTheRestRead() {
        assertThat(NamespaceLock.Access.of("path_rename").lockFor(new long[6])).isNotNull()
                .isSameAs(NamespaceLock.Access.of("path_symlink").lockFor(new long[5]));
        long[] plainOpen = new long[9];
        long[] creatingOpen = new long[9];
        creatingOpen[4] = Flags.OFLAGS_CREAT;
        assertThat(NamespaceLock.Access.of("path_open").lockFor(creatingOpen))
                .isSameAs(NamespaceLock.Access.of("path_unlink_file").lockFor(new long[3]));
        assertThat(NamespaceLock.Access.of("path_open").lockFor(plainOpen))
                .isSameAs(NamespaceLock.Access.of("fd_readdir").lockFor(new long[5]))
                .isNotSameAs(NamespaceLock.Access.of("path_rename").lockFor(new long[6]));
        // reads and writes of open files need no lock
        assertThat(NamespaceLock.Access.of("fd_read").lockFor(new long[4])).isNull();
        assertThat(NamespaceLock.Access.of("fd_write").lockFor(new long[4])).isNull();
    }
}
