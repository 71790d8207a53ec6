package io.wasmspring.engine.wasi;

import java.nio.file.Path;
import java.util.List;

/**
 * An open directory: a preopen or one opened through {@code path_open}. Paths given relative to
 * it never leave it (see {@link PathResolver}).
 */
final class DirectoryDescriptor extends Descriptor {

    /** The host directory, a real path with no symbolic links in it. */
    final Path path;
    /** The preopen this directory was reached from (a real path): no link the guest makes may lead above it. */
    final Path root;
    /** The name the guest knows a preopen by, or {@code null} for a directory opened with {@code path_open}. */
    final String preopenName;
    /** Entries listed by the last {@code fd_readdir} that started at cookie 0, so that cookies stay stable. */
    List<DirectoryEntry> listing;

    DirectoryDescriptor(Path path, Path root, String preopenName, long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.path = path;
        this.root = root;
        this.preopenName = preopenName;
    }

    @Override
    int filetype() {
        return Flags.FILETYPE_DIRECTORY;
    }

    /** One entry of a directory listing, as {@code fd_readdir} reports it. */
    record DirectoryEntry(String name, long inode, int filetype) {
    }
}
