package io.wasmspring.engine.wasi;

import java.io.IOException;

/**
 * What a WASI file descriptor refers to, with the rights and flags preview1 keeps per descriptor.
 * Rights only ever shrink ({@code fd_fdstat_set_rights}).
 */
abstract class Descriptor {

    long rightsBase;
    long rightsInheriting;
    int fdflags;

    Descriptor(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    /** The preview1 {@code filetype} of this descriptor. */
    abstract int filetype();

    /** Fails with {@code notcapable} unless this descriptor holds every right in {@code rights}. */
    final void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new ErrnoException(Errno.NOTCAPABLE);
        }
    }

    /** Releases host resources; called once, by {@code fd_close} or when the program ends. */
    void close() throws IOException {
    }
}
