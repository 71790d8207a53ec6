package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.WasmException;
import org.junit.jupiter.api.Test;

class ProcSocketFunctionsTest {

    private final WasiTestSupport t = new WasiTestSupport(WasiConfig.builder().build());

    @Test
    void procExitThrowsWithTheCodeAndReturnsNothing() {
        assertThatThrownBy(() -> t.wasi.function("proc_exit").invoke(t.memory, new long[] {3}))
                .isInstanceOf(WasiExitException.class)
                .isInstanceOf(WasmException.class)
                .satisfies(e -> assertThat(((WasiExitException) e).exitCode()).isEqualTo(3));
        assertThatThrownBy(() -> t.wasi.function("proc_exit").invoke(t.memory, new long[] {0}))
                .satisfies(e -> assertThat(((WasiExitException) e).exitCode()).isZero());
        assertThat(t.wasi.function("proc_exit").type().results()).isEmpty();
    }

    @Test
    void procRaiseIsNotSupportedAndSchedYieldSucceeds() {
        assertThat(t.call("proc_raise", 6)).isEqualTo(Errno.NOSYS);
        assertThat(t.call("sched_yield")).isZero();
    }

    @Test
    void socketsAreNotSockets() {
        assertThat(t.call("sock_shutdown", 1, 2)).isEqualTo(Errno.NOTSOCK);
        assertThat(t.call("sock_accept", 0, 0, 100)).isEqualTo(Errno.NOTSOCK);
        assertThat(t.call("sock_recv", 0, 100, 1, 0, 104, 108)).isEqualTo(Errno.NOTSOCK);
        assertThat(t.call("sock_send", 1, 100, 1, 0, 104)).isEqualTo(Errno.NOTSOCK);
    }

    @Test
    void socketCallsOnClosedDescriptorsAreBadf() {
        assertThat(t.call("sock_shutdown", 99, 2)).isEqualTo(Errno.BADF);
        assertThat(t.call("sock_accept", -1, 0, 100)).isEqualTo(Errno.BADF);
    }

    @Test
    void everyPreview1FunctionIsThere() {
        assertThat(t.wasi.functions().keySet()).containsExactlyInAnyOrder(
                "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
                "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
                "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
                "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
                "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get", "path_filestat_set_times",
                "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
                "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise", "sched_yield", "random_get", "sock_accept",
                "sock_recv", "sock_send", "sock_shutdown");
        assertThat(t.wasi.function("fd_write").type().toString()).isEqualTo("(func (param i32 i32 i32 i32) (result i32))");
        assertThat(t.wasi.function("path_open").type().toString())
                .isEqualTo("(func (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32))");
    }
}
