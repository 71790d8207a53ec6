package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code fd_*} functions that describe and manage descriptors: metadata, flags, rights, sizes, preopens, closing. */
final class FdFunctions {

    private final WasiContext context;
    private final FdTable fds;

    FdFunctions(WasiContext context) {
        this.context = context;
        this.fds = context.fds;
    }

    void register(FunctionRegistry r) {
        r.add("fd_advise", "iIIi", (m, a) -> advise((int) a[0], a[1], a[2], (int) a[3]));
        r.add("fd_allocate", "iII", (m, a) -> allocate((int) a[0], a[1], a[2]));
        r.add("fd_close", "i", (m, a) -> {
            fds.remove((int) a[0]).close();
            return Errno.SUCCESS;
        });
        r.add("fd_datasync", "i", (m, a) -> sync((int) a[0], false));
        r.add("fd_sync", "i", (m, a) -> sync((int) a[0], true));
        r.add("fd_fdstat_get", "ii", this::fdstatGet);
        r.add("fd_fdstat_set_flags", "ii", (m, a) -> setFlags((int) a[0], (int) a[1]));
        r.add("fd_fdstat_set_rights", "iII", (m, a) -> setRights((int) a[0], a[1], a[2]));
        r.add("fd_filestat_get", "ii", this::filestatGet);
        r.add("fd_filestat_set_size", "iI", (m, a) -> setSize((int) a[0], a[1]));
        r.add("fd_filestat_set_times", "iIIi", (m, a) -> setTimes((int) a[0], a[1], a[2], (int) a[3]));
        r.add("fd_prestat_get", "ii", this::prestatGet);
        r.add("fd_prestat_dir_name", "iii", this::prestatDirName);
        r.add("fd_renumber", "ii", (m, a) -> {
            fds.renumber((int) a[0], (int) a[1]);
            return Errno.SUCCESS;
        });
    }

    /** A regular file; directories and streams give {@code errnoIfOther}. */
    private FileDescriptor file(int fd, int errnoIfOther) {
        return fds.get(fd, FileDescriptor.class, errnoIfOther);
    }

    private int advise(int fd, long offset, long len, int advice) {
        FileDescriptor f = file(fd, Errno.BADF);
        f.require(Rights.FD_ADVISE);
        if (offset < 0 || len < 0 || advice < 0 || advice > Flags.ADVICE_MAX) {
            return Errno.INVAL;
        }
        return Errno.SUCCESS; // advice is only a hint; the JVM has no way to pass it on
    }

    private int allocate(int fd, long offset, long len) throws IOException {
        FileDescriptor f = file(fd, Errno.BADF);
        f.require(Rights.FD_ALLOCATE);
        if (offset < 0 || len <= 0 || offset + len < 0) {
            return Errno.INVAL;
        }
        if (!f.writable) {
            return Errno.BADF;
        }
        growTo(f.channel(), offset + len);
        return Errno.SUCCESS;
    }

    /** Extends a file with zeros to {@code size} bytes unless it is already that long. */
    private static void growTo(FileChannel channel, long size) throws IOException {
        if (channel.size() < size) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
    }

    private int sync(int fd, boolean metadata) throws IOException {
        Descriptor d = fds.get(fd);
        if (d instanceof FileDescriptor f) {
            f.require(metadata ? Rights.FD_SYNC : Rights.FD_DATASYNC);
            if (f.channel != null) {
                f.channel.force(metadata);
            }
        } else if (d instanceof StreamDescriptor s && s.out != null) {
            s.out.flush();
        }
        return Errno.SUCCESS;
    }

    private int fdstatGet(Memory m, long[] a) {
        Descriptor d = fds.get((int) a[0]);
        long ptr = Integer.toUnsignedLong((int) a[1]);
        m.writeLong(ptr, 0);
        m.writeByte(ptr, (byte) d.filetype());
        m.writeShort(ptr + 2, (short) d.fdflags);
        m.writeLong(ptr + 8, d.rightsBase);
        m.writeLong(ptr + 16, d.rightsInheriting);
        return Errno.SUCCESS;
    }

    private int setFlags(int fd, int flags) {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FDSTAT_SET_FLAGS);
        if ((flags & ~Flags.FDFLAGS_ALL) != 0) {
            return Errno.INVAL;
        }
        if ((flags & (Flags.FDFLAGS_DSYNC | Flags.FDFLAGS_RSYNC | Flags.FDFLAGS_SYNC)) != 0) {
            return Errno.NOTSUP; // synchronous-write modes cannot be switched on an open JVM channel
        }
        if ((flags & Flags.FDFLAGS_APPEND) != 0 && d instanceof DirectoryDescriptor) {
            return Errno.BADF; // nothing to append to
        }
        d.fdflags = flags; // append is honoured by fd_write; nonblock changes nothing for JVM streams
        return Errno.SUCCESS;
    }

    private int setRights(int fd, long base, long inheriting) {
        Descriptor d = fds.get(fd);
        if ((base & ~d.rightsBase) != 0 || (inheriting & ~d.rightsInheriting) != 0) {
            return Errno.NOTCAPABLE; // rights can only be dropped
        }
        d.rightsBase = base;
        d.rightsInheriting = inheriting;
        return Errno.SUCCESS;
    }

    private int filestatGet(Memory m, long[] a) throws IOException {
        Descriptor d = fds.get((int) a[0]);
        d.require(Rights.FD_FILESTAT_GET);
        Filestat stat;
        if (d instanceof FileDescriptor f) {
            stat = fileStat(f);
        } else if (d instanceof DirectoryDescriptor dir) {
            stat = Filestat.of(PathResolver.stillInPlace(dir.path), true);
        } else {
            stat = new Filestat(0, 0, d.filetype(), 1, 0, 0, 0, 0);
        }
        stat.write(m, (int) a[1]);
        return Errno.SUCCESS;
    }

    /**
     * A file's metadata through its path, with the size from the open channel. When the file was
     * renamed or unlinked since it was opened, the JVM can no longer reach its metadata; what the
     * channel still knows (type and size) is reported then.
     */
    private static Filestat fileStat(FileDescriptor f) throws IOException {
        boolean open = f.channel != null && f.channel.isOpen();
        Filestat stat;
        try {
            stat = Filestat.of(PathResolver.stillInPlace(f.path), true);
        } catch (ErrnoException | IOException gone) {
            if (!open) {
                throw gone;
            }
            return new Filestat(0, 0, Flags.FILETYPE_REGULAR_FILE, 0, f.channel.size(), 0, 0, 0);
        }
        return open ? new Filestat(stat.dev(), stat.ino(), stat.filetype(), stat.nlink(), f.channel.size(), stat.atim(), stat.mtim(), stat.ctim())
                : stat;
    }

    private int setSize(int fd, long size) throws IOException {
        FileDescriptor f = file(fd, Errno.BADF);
        f.require(Rights.FD_FILESTAT_SET_SIZE);
        if (size < 0) {
            return Errno.INVAL;
        }
        if (!f.writable) {
            return Errno.BADF;
        }
        FileChannel c = f.channel();
        if (size < c.size()) {
            c.truncate(size);
        } else {
            growTo(c, size);
        }
        return Errno.SUCCESS;
    }

    private int setTimes(int fd, long atim, long mtim, int fstflags) throws IOException {
        Descriptor d = fds.get(fd);
        d.require(Rights.FD_FILESTAT_SET_TIMES);
        Path path;
        if (d instanceof FileDescriptor f) {
            path = f.path;
        } else if (d instanceof DirectoryDescriptor dir) {
            path = dir.path;
        } else {
            return Errno.BADF;
        }
        FileTimes.set(PathResolver.stillInPlace(path), true, atim, mtim, fstflags, context.config.clock());
        return Errno.SUCCESS;
    }

    private int prestatGet(Memory m, long[] a) {
        DirectoryDescriptor dir = preopen((int) a[0]);
        long ptr = Integer.toUnsignedLong((int) a[1]);
        m.writeLong(ptr, 0);
        m.writeByte(ptr, (byte) Flags.PREOPENTYPE_DIR);
        m.writeInt(ptr + 4, dir.preopenName.getBytes(StandardCharsets.UTF_8).length);
        return Errno.SUCCESS;
    }

    private int prestatDirName(Memory m, long[] a) {
        DirectoryDescriptor dir = preopen((int) a[0]);
        byte[] name = dir.preopenName.getBytes(StandardCharsets.UTF_8);
        if (Integer.toUnsignedLong((int) a[2]) < name.length) {
            return Errno.NAMETOOLONG;
        }
        GuestMemory.slice(m, (int) a[1], name.length).put(name);
        return Errno.SUCCESS;
    }

    private DirectoryDescriptor preopen(int fd) {
        Descriptor d = fds.get(fd);
        if (d instanceof DirectoryDescriptor dir && dir.preopenName != null) {
            return dir;
        }
        throw new ErrnoException(Errno.BADF);
    }
}
