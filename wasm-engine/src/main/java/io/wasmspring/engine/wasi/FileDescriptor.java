package io.wasmspring.engine.wasi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * An open regular file. The channel is {@code null} when the host file could not be opened for
 * the access the rights ask for (e.g. a path opened with no rights at all); such a descriptor
 * still answers the metadata calls through its path.
 */
final class FileDescriptor extends Descriptor {

    final Path path;
    final FileChannel channel;
    /** Whether the channel was opened for reading / writing (independent of the rights, which may shrink). */
    final boolean readable;
    final boolean writable;

    FileDescriptor(Path path, FileChannel channel, boolean readable, boolean writable, long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.path = path;
        this.channel = channel;
        this.readable = readable;
        this.writable = writable;
    }

    @Override
    int filetype() {
        return Flags.FILETYPE_REGULAR_FILE;
    }

    /** The channel, or {@code badf} when the file is not open for I/O. */
    FileChannel channel() {
        if (channel == null) {
            throw new ErrnoException(Errno.BADF);
        }
        return channel;
    }

    @Override
    void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
