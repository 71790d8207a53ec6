package io.wasmspring.engine.wasi;

/**
 * Ends a WASI call early with an {@link Errno}; the dispatcher turns it into the call's result.
 * Carries no stack trace: it is control flow, not a failure of the host.
 */
final class ErrnoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int errno;

    ErrnoException(int errno) {
        super("errno " + errno, null, false, false);
        this.errno = errno;
    }
}
