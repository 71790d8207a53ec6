package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code path_*} functions. Every path goes through {@link PathResolver}, so none of them can
 * touch a host file outside the directory descriptor it is given.
 */
final class PathFunctions {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final FdTable fds;
    private final WasiClock clock;

    PathFunctions(WasiContext context) {
        this.fds = context.fds;
        this.clock = context.config.clock();
    }

    void register(FunctionRegistry r) {
        r.add("path_create_directory", "iii", this::createDirectory);
        r.add("path_filestat_get", "iiiii", this::filestatGet);
        r.add("path_filestat_set_times", "iiiiIIi", this::filestatSetTimes);
        r.add("path_link", "iiiiiii", this::link);
        r.add("path_open", "iiiiiIIii", this::open);
        r.add("path_readlink", "iiiiii", this::readlink);
        r.add("path_remove_directory", "iii", this::removeDirectory);
        r.add("path_rename", "iiiiii", this::rename);
        r.add("path_symlink", "iiiii", this::symlink);
        r.add("path_unlink_file", "iii", this::unlinkFile);
    }

    /** The directory {@code fd} with {@code right}, and the guest path read from memory resolved under it. */
    private PathResolver.Resolved resolve(Memory m, int fd, long right, int pathPtr, int pathLen, boolean follow) {
        DirectoryDescriptor dir = fds.directory(fd);
        dir.require(right);
        String path = GuestMemory.string(m, pathPtr, pathLen);
        return PathResolver.resolve(dir.path, path, follow);
    }

    /** Same, for a call on the entry itself (see {@link PathResolver#resolveEntry}). */
    private PathResolver.Resolved entry(Memory m, int fd, long right, int pathPtr, int pathLen) {
        DirectoryDescriptor dir = fds.directory(fd);
        dir.require(right);
        String path = GuestMemory.string(m, pathPtr, pathLen);
        return PathResolver.resolveEntry(dir.path, path);
    }

    private static boolean exists(Path p) {
        return Files.exists(p, NOFOLLOW);
    }

    private int createDirectory(Memory m, long[] a) throws IOException {
        PathResolver.Resolved r = entry(m, (int) a[0], Rights.PATH_CREATE_DIRECTORY, (int) a[1], (int) a[2]);
        if (r.isBase() || exists(r.host())) {
            return Errno.EXIST;
        }
        Files.createDirectory(r.host());
        return Errno.SUCCESS;
    }

    private int filestatGet(Memory m, long[] a) throws IOException {
        boolean follow = ((int) a[1] & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
        PathResolver.Resolved r = resolve(m, (int) a[0], Rights.PATH_FILESTAT_GET, (int) a[2], (int) a[3], follow);
        Filestat.of(r.host(), false).write(m, (int) a[4]);
        return Errno.SUCCESS;
    }

    private int filestatSetTimes(Memory m, long[] a) throws IOException {
        boolean follow = ((int) a[1] & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
        PathResolver.Resolved r = resolve(m, (int) a[0], Rights.PATH_FILESTAT_SET_TIMES, (int) a[2], (int) a[3], follow);
        if (!exists(r.host())) {
            return Errno.NOENT;
        }
        // the resolved path holds no link but perhaps its last component; following is only
        // harmless, and more precise (futimens), when that is not a link either
        FileTimes.set(r.host(), !Files.isSymbolicLink(r.host()), a[4], a[5], (int) a[6], clock);
        return Errno.SUCCESS;
    }

    private int link(Memory m, long[] a) throws IOException {
        boolean follow = ((int) a[1] & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
        PathResolver.Resolved from = follow
                ? resolve(m, (int) a[0], Rights.PATH_LINK_SOURCE, (int) a[2], (int) a[3], true)
                : entry(m, (int) a[0], Rights.PATH_LINK_SOURCE, (int) a[2], (int) a[3]);
        PathResolver.Resolved to = entry(m, (int) a[4], Rights.PATH_LINK_TARGET, (int) a[5], (int) a[6]);
        if (!exists(from.host())) {
            return Errno.NOENT;
        }
        if (Files.isDirectory(from.host(), NOFOLLOW)) {
            return Errno.PERM; // no hard links to directories
        }
        if (from.trailingSlash()) {
            return Errno.NOTDIR;
        }
        if (to.isBase() || exists(to.host())) {
            return Errno.EXIST;
        }
        if (to.trailingSlash()) {
            return Errno.NOENT;
        }
        // link(2) links a symbolic link itself, never its target: the same text then sits in another
        // directory, where it must still stay inside the preopen
        if (!SymlinkTargets.movedEntryStaysInside(fds.directory((int) a[4]).root, from.host(), to.host())) {
            return Errno.PERM;
        }
        Files.createLink(to.host(), from.host());
        return Errno.SUCCESS;
    }

    private int open(Memory m, long[] a) throws IOException {
        DirectoryDescriptor dir = fds.directory((int) a[0]);
        int dirflags = (int) a[1];
        int oflags = (int) a[4];
        long rightsBase = a[5];
        long rightsInheriting = a[6];
        int fdflags = (int) a[7];
        dir.require(Rights.PATH_OPEN);
        boolean create = (oflags & Flags.OFLAGS_CREAT) != 0;
        boolean exclusive = (oflags & Flags.OFLAGS_EXCL) != 0;
        boolean truncate = (oflags & Flags.OFLAGS_TRUNC) != 0;
        boolean directory = (oflags & Flags.OFLAGS_DIRECTORY) != 0;
        if (create) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (truncate) {
            dir.require(Rights.PATH_FILESTAT_SET_SIZE);
        }
        if ((fdflags & ~Flags.FDFLAGS_ALL) != 0 || (oflags & ~15) != 0) {
            return Errno.INVAL;
        }
        if (!fds.hasRoom()) {
            return Errno.MFILE; // before anything is created or opened on the host
        }
        String path = GuestMemory.string(m, (int) a[2], (int) a[3]);
        boolean follow = (dirflags & Flags.LOOKUP_SYMLINK_FOLLOW) != 0;
        PathResolver.Resolved r = PathResolver.resolve(dir.path, path, follow);
        Path host = r.host();
        boolean exists = exists(host);
        if (exists && create && exclusive) {
            return Errno.EXIST;
        }
        if (exists && Files.isSymbolicLink(host)) {
            return Errno.LOOP; // O_NOFOLLOW on a link
        }
        long base = rightsBase & dir.rightsInheriting;
        long inheriting = rightsInheriting & dir.rightsInheriting;
        if (exists && Files.isDirectory(host, NOFOLLOW)) {
            if (truncate || (create && !directory)) {
                return Errno.ISDIR;
            }
            if ((rightsBase & Rights.FD_WRITE) != 0) {
                return Errno.ISDIR; // a directory cannot be opened for writing
            }
            Path real = host.toRealPath();
            if (!real.startsWith(dir.root)) {
                return Errno.PERM; // the tree changed under us (see NamespaceLock): never keep a path from outside
            }
            return result(m, a[8], new DirectoryDescriptor(real, dir.root, null, base & Rights.DIRECTORY, inheriting));
        }
        if (directory) {
            return exists ? Errno.NOTDIR : Errno.NOENT;
        }
        if (!exists) {
            if (!create) {
                return Errno.NOENT;
            }
            if (r.trailingSlash()) {
                return Errno.ISDIR;
            }
            try {
                Files.createFile(host);
            } catch (FileAlreadyExistsException raced) {
                if (exclusive) {
                    return Errno.EXIST;
                }
            }
        } else if (!Files.isRegularFile(host, NOFOLLOW)) {
            return Errno.NOTSUP; // devices, sockets and fifos are not for a sandboxed guest
        }
        base &= Rights.REGULAR_FILE;
        boolean read = (base & (Rights.FD_READ | Rights.FD_READDIR)) != 0;
        boolean write = (base & (Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE)) != 0;
        if (truncate) {
            try (FileChannel c = FileChannel.open(host, StandardOpenOption.WRITE, NOFOLLOW)) {
                if (!stillUnder(dir.root, host)) {
                    return Errno.PERM; // checked before a single byte goes
                }
                c.truncate(0);
            }
        }
        FileChannel channel;
        Set<OpenOption> options = new HashSet<>();
        options.add(NOFOLLOW);
        if (read || !write) {
            options.add(StandardOpenOption.READ);
        }
        if (write) {
            options.add(StandardOpenOption.WRITE);
            if ((fdflags & Flags.FDFLAGS_SYNC) != 0 || (fdflags & Flags.FDFLAGS_RSYNC) != 0) {
                options.add(StandardOpenOption.SYNC);
            } else if ((fdflags & Flags.FDFLAGS_DSYNC) != 0) {
                options.add(StandardOpenOption.DSYNC);
            }
        }
        try {
            channel = FileChannel.open(host, options);
        } catch (IOException e) {
            if (read || write) {
                throw e;
            }
            channel = null; // opened with no I/O rights: metadata only
        }
        if (channel != null && !stillUnder(dir.root, host, channel)) {
            return Errno.PERM; // the tree changed between the check and the open (see NamespaceLock)
        }
        FileDescriptor file = new FileDescriptor(host, channel, channel != null && (read || !write), write, base, inheriting);
        file.fdflags = fdflags;
        return result(m, a[8], file);
    }

    /** Whether {@code host} still really lies under {@code root}, checked after opening it. */
    private static boolean stillUnder(Path root, Path host) throws IOException {
        return host.toRealPath().startsWith(root);
    }

    /** Same for a channel just opened, which is closed unless the answer is yes. */
    private static boolean stillUnder(Path root, Path host, FileChannel opened) throws IOException {
        boolean under = false;
        try {
            under = stillUnder(root, host);
            return under;
        } finally {
            if (!under) {
                opened.close();
            }
        }
    }

    private int result(Memory m, long fdPtr, Descriptor d) throws IOException {
        long ptr = Integer.toUnsignedLong((int) fdPtr);
        if (ptr + 4 > m.size() || !fds.hasRoom()) {
            d.close(); // nobody could ever close it
            return ptr + 4 > m.size() ? Errno.FAULT : Errno.MFILE;
        }
        m.writeInt(ptr, fds.add(d));
        return Errno.SUCCESS;
    }

    private int readlink(Memory m, long[] a) throws IOException {
        PathResolver.Resolved r = entry(m, (int) a[0], Rights.PATH_READLINK, (int) a[1], (int) a[2]);
        if (!Files.isSymbolicLink(r.host())) {
            return exists(r.host()) ? Errno.INVAL : Errno.NOENT;
        }
        byte[] target = Files.readSymbolicLink(r.host()).toString().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(target.length, Integer.toUnsignedLong((int) a[4]));
        GuestMemory.slice(m, (int) a[3], n).put(target, 0, n);
        m.writeInt(Integer.toUnsignedLong((int) a[5]), n);
        return Errno.SUCCESS;
    }

    private int removeDirectory(Memory m, long[] a) throws IOException {
        PathResolver.Resolved r = entry(m, (int) a[0], Rights.PATH_REMOVE_DIRECTORY, (int) a[1], (int) a[2]);
        if (r.isBase()) {
            return Errno.BUSY; // "." would remove the directory the guest is working in
        }
        if (!exists(r.host())) {
            return Errno.NOENT;
        }
        if (!Files.isDirectory(r.host(), NOFOLLOW)) {
            return Errno.NOTDIR;
        }
        Files.delete(r.host());
        return Errno.SUCCESS;
    }

    private int rename(Memory m, long[] a) throws IOException {
        PathResolver.Resolved from = entry(m, (int) a[0], Rights.PATH_RENAME_SOURCE, (int) a[1], (int) a[2]);
        PathResolver.Resolved to = entry(m, (int) a[3], Rights.PATH_RENAME_TARGET, (int) a[4], (int) a[5]);
        if (from.isBase() || to.isBase()) {
            return Errno.BUSY;
        }
        if (!exists(from.host())) {
            return Errno.NOENT;
        }
        boolean fromDir = Files.isDirectory(from.host(), NOFOLLOW);
        if (!fromDir && (from.trailingSlash() || to.trailingSlash())) {
            return Errno.NOTDIR;
        }
        if (exists(to.host())) {
            boolean toDir = Files.isDirectory(to.host(), NOFOLLOW);
            if (fromDir && !toDir) {
                return Errno.NOTDIR;
            }
            if (!fromDir && toDir) {
                return Errno.ISDIR;
            }
        }
        // rename(2) moves the entry itself (a link stays a link, a directory keeps the links in it);
        // a link's text is re-read from its new place, so it must still stay inside the preopen there
        if (!SymlinkTargets.movedEntryStaysInside(fds.directory((int) a[3]).root, from.host(), to.host())) {
            return Errno.PERM;
        }
        Files.move(from.host(), to.host(), StandardCopyOption.ATOMIC_MOVE);
        return Errno.SUCCESS;
    }

    private int symlink(Memory m, long[] a) throws IOException {
        String target = GuestMemory.string(m, (int) a[0], (int) a[1]);
        PathResolver.Resolved r = entry(m, (int) a[2], Rights.PATH_SYMLINK, (int) a[3], (int) a[4]);
        if (target.isEmpty()) {
            return Errno.NOENT;
        }
        if (target.indexOf('\0') >= 0) {
            return Errno.INVAL;
        }
        if (target.startsWith("/")) {
            return Errno.PERM; // an absolute target could only mean a host path
        }
        if (r.isBase() || exists(r.host())) {
            return Errno.EXIST;
        }
        if (r.trailingSlash()) {
            return Errno.NOENT;
        }
        if (!SymlinkTargets.staysInside(fds.directory((int) a[2]).root, r.host().getParent(), target)) {
            return Errno.PERM; // the host may follow the link one day, when it reads the guest's files
        }
        Files.createSymbolicLink(r.host(), Path.of(target));
        return Errno.SUCCESS;
    }

    private int unlinkFile(Memory m, long[] a) throws IOException {
        PathResolver.Resolved r = entry(m, (int) a[0], Rights.PATH_UNLINK_FILE, (int) a[1], (int) a[2]);
        if (r.isBase()) {
            return Errno.ISDIR;
        }
        if (!exists(r.host())) {
            return Errno.NOENT;
        }
        if (Files.isDirectory(r.host(), NOFOLLOW)) {
            return Errno.ISDIR;
        }
        if (r.trailingSlash()) {
            return Errno.NOTDIR;
        }
        Files.delete(r.host());
        return Errno.SUCCESS;
    }
}
