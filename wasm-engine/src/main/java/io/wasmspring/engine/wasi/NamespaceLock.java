package io.wasmspring.engine.wasi;

import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Closes the race between checking a path and using it, for every WASI program in this JVM.
 *
 * <p>{@link PathResolver} checks a path one component at a time, then the call opens, lists or
 * stats it; the JVM has no descriptor-relative calls ({@code openat}) to do both at once. A
 * second program sharing the directory could, in between, rename a checked directory away and
 * move in its place a directory whose link now climbs out. So every call that resolves a path
 * holds this read lock from the check to the use, and every call that changes the directory tree
 * (create, rename, link, symlink, unlink, rmdir, and {@code path_open} with {@code creat}) holds
 * the write lock. One lock for the whole JVM rather than one per preopen: preopens of different
 * programs may nest or overlap. Reads and writes of open files take no lock.
 *
 * <p>What this cannot stop is a process outside the JVM changing the tree; for that the calls
 * still re-check real paths after opening, which narrows the window but cannot shut it.
 */
final class NamespaceLock {

    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();

    private static final Set<String> CHANGES_TREE = Set.of("path_create_directory", "path_link", "path_remove_directory",
            "path_rename", "path_symlink", "path_unlink_file");
    private static final Set<String> USES_PATHS = Set.of("path_filestat_get", "path_filestat_set_times", "path_readlink",
            "fd_readdir", "fd_filestat_get", "fd_filestat_set_times");

    private NamespaceLock() {
    }

    /** What a function needs, decided once per function. */
    enum Access {
        NONE, READ, WRITE, OPEN;

        static Access of(String function) {
            if (CHANGES_TREE.contains(function)) {
                return WRITE;
            }
            if (function.equals("path_open")) {
                return OPEN;
            }
            return USES_PATHS.contains(function) ? READ : NONE;
        }

        /** The lock one call needs, or {@code null}; {@code path_open} writes only when it may create. */
        Lock lockFor(long[] args) {
            return switch (this) {
                case NONE -> null;
                case READ -> LOCK.readLock();
                case WRITE -> LOCK.writeLock();
                case OPEN -> args.length > 4 && ((int) args[4] & Flags.OFLAGS_CREAT) != 0 ? LOCK.writeLock() : LOCK.readLock();
            };
        }
    }
}
