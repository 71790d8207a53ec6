package io.wasmspring.engine.wasi;

/**
 * {@code sock_accept}, {@code sock_recv}, {@code sock_send}, {@code sock_shutdown}. Preview1 can
 * only use sockets the host hands in as descriptors, and this host hands in none: every valid
 * descriptor is {@code notsock}, every other one {@code badf}.
 */
final class SocketFunctions {

    private final FdTable fds;

    SocketFunctions(WasiContext context) {
        this.fds = context.fds;
    }

    void register(FunctionRegistry r) {
        r.add("sock_accept", "iii", (m, a) -> notSocket((int) a[0]));
        r.add("sock_recv", "iiiiii", (m, a) -> notSocket((int) a[0]));
        r.add("sock_send", "iiiii", (m, a) -> notSocket((int) a[0]));
        r.add("sock_shutdown", "ii", (m, a) -> notSocket((int) a[0]));
    }

    private int notSocket(int fd) {
        fds.get(fd); // badf when not open
        return Errno.NOTSOCK;
    }
}
