package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The {@code fd_*} functions that move data: reading, writing, positioned I/O, seeking and reading directories. */
final class FdIoFunctions {

    /** The {@code dirent} header: d_next u64 @0, d_ino u64 @8, d_namlen u32 @16, d_type u8 @20. */
    static final int DIRENT_SIZE = 24;

    private final FdTable fds;

    FdIoFunctions(WasiContext context) {
        this.fds = context.fds;
    }

    void register(FunctionRegistry r) {
        r.add("fd_pread", "iiiIi", this::pread);
        r.add("fd_pwrite", "iiiIi", this::pwrite);
        r.add("fd_read", "iiii", this::read);
        r.add("fd_write", "iiii", this::write);
        r.add("fd_readdir", "iiiIi", this::readdir);
        r.add("fd_seek", "iIii", this::seek);
        r.add("fd_tell", "ii", this::tell);
    }

    private int read(Memory m, long[] a) throws IOException {
        Descriptor d = fds.get((int) a[0]);
        List<ByteBuffer> buffers = GuestMemory.iovecs(m, (int) a[1], (int) a[2]);
        long n;
        if (d instanceof StreamDescriptor s) {
            if (s.in == null) {
                return Errno.BADF;
            }
            n = readStream(s, buffers);
        } else if (d instanceof FileDescriptor f) {
            f.require(Rights.FD_READ);
            if (!f.readable) {
                return Errno.BADF;
            }
            long got = f.channel().read(buffers.toArray(new ByteBuffer[0]));
            n = Math.max(got, 0);
        } else {
            return Errno.ISDIR;
        }
        m.writeInt(Integer.toUnsignedLong((int) a[3]), (int) n);
        return Errno.SUCCESS;
    }

    /** One blocking read from a stream into the first non-empty buffer, then what is available without blocking. */
    private static long readStream(StreamDescriptor s, List<ByteBuffer> buffers) throws IOException {
        long total = 0;
        for (ByteBuffer b : buffers) {
            if (!b.hasRemaining()) {
                continue;
            }
            if (total > 0 && s.in.available() <= 0) {
                break;
            }
            int got = s.in.read(b.array(), b.arrayOffset() + b.position(), b.remaining());
            if (got <= 0) {
                break;
            }
            total += got;
            if (got < b.remaining()) {
                break;
            }
        }
        return total;
    }

    private int write(Memory m, long[] a) throws IOException {
        Descriptor d = fds.get((int) a[0]);
        List<ByteBuffer> buffers = GuestMemory.iovecs(m, (int) a[1], (int) a[2]);
        long n = GuestMemory.remaining(buffers);
        if (d instanceof StreamDescriptor s) {
            if (s.out == null) {
                return Errno.BADF;
            }
            for (ByteBuffer b : buffers) {
                s.out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            }
            s.out.flush();
        } else if (d instanceof FileDescriptor f) {
            f.require(Rights.FD_WRITE);
            if (!f.writable) {
                return Errno.BADF;
            }
            FileChannel c = f.channel();
            if ((f.fdflags & Flags.FDFLAGS_APPEND) != 0) {
                c.position(c.size());
            }
            ByteBuffer[] array = buffers.toArray(new ByteBuffer[0]);
            long written = 0;
            while (written < n) {
                written += c.write(array);
            }
        } else {
            return Errno.ISDIR;
        }
        m.writeInt(Integer.toUnsignedLong((int) a[3]), (int) n);
        return Errno.SUCCESS;
    }

    private int pread(Memory m, long[] a) throws IOException {
        FileDescriptor f = positioned((int) a[0], Rights.FD_READ | Rights.FD_SEEK);
        long offset = a[3];
        if (offset < 0) {
            return Errno.INVAL;
        }
        if (!f.readable) {
            return Errno.BADF;
        }
        long total = 0;
        for (ByteBuffer b : GuestMemory.iovecs(m, (int) a[1], (int) a[2])) {
            while (b.hasRemaining()) {
                int got = f.channel().read(b, offset + total);
                if (got <= 0) {
                    break;
                }
                total += got;
            }
            if (b.hasRemaining()) {
                break; // end of file
            }
        }
        m.writeInt(Integer.toUnsignedLong((int) a[4]), (int) total);
        return Errno.SUCCESS;
    }

    private int pwrite(Memory m, long[] a) throws IOException {
        FileDescriptor f = positioned((int) a[0], Rights.FD_WRITE | Rights.FD_SEEK);
        long offset = a[3];
        if (offset < 0) {
            return Errno.INVAL;
        }
        if (!f.writable) {
            return Errno.BADF;
        }
        long total = 0;
        for (ByteBuffer b : GuestMemory.iovecs(m, (int) a[1], (int) a[2])) {
            while (b.hasRemaining()) {
                total += f.channel().write(b, offset + total);
            }
        }
        m.writeInt(Integer.toUnsignedLong((int) a[4]), (int) total);
        return Errno.SUCCESS;
    }

    /** A file for a positioned call: directories give {@code isdir}, streams {@code spipe}. */
    private FileDescriptor positioned(int fd, long rights) {
        Descriptor d = fds.get(fd);
        if (d instanceof DirectoryDescriptor) {
            throw new ErrnoException(Errno.ISDIR);
        }
        if (!(d instanceof FileDescriptor f)) {
            throw new ErrnoException(Errno.SPIPE);
        }
        f.require(rights);
        return f;
    }

    private int seek(Memory m, long[] a) throws IOException {
        long offset = a[1];
        int whence = (int) a[2];
        FileDescriptor f = positioned((int) a[0], offset == 0 && whence == Flags.WHENCE_CUR ? Rights.FD_TELL : Rights.FD_SEEK);
        FileChannel c = f.channel();
        long base;
        switch (whence) {
            case Flags.WHENCE_SET: base = 0; break;
            case Flags.WHENCE_CUR: base = c.position(); break;
            case Flags.WHENCE_END: base = c.size(); break;
            default: return Errno.INVAL;
        }
        long target = base + offset;
        if (target < 0) {
            return Errno.INVAL;
        }
        c.position(target);
        m.writeLong(Integer.toUnsignedLong((int) a[3]), target);
        return Errno.SUCCESS;
    }

    private int tell(Memory m, long[] a) throws IOException {
        FileDescriptor f = positioned((int) a[0], Rights.FD_TELL);
        m.writeLong(Integer.toUnsignedLong((int) a[1]), f.channel().position());
        return Errno.SUCCESS;
    }

    private int readdir(Memory m, long[] a) throws IOException {
        DirectoryDescriptor dir = fds.get((int) a[0], DirectoryDescriptor.class, Errno.NOTDIR);
        dir.require(Rights.FD_READDIR);
        ByteBuffer out = GuestMemory.slice(m, (int) a[1], (int) a[2]);
        long cookie = a[3];
        if (cookie == 0 || dir.listing == null) {
            dir.listing = list(PathResolver.stillInPlace(dir.path), dir.root);
        }
        List<DirectoryDescriptor.DirectoryEntry> entries = dir.listing;
        int capacity = out.remaining();
        for (long i = cookie; i >= 0 && i < entries.size() && out.hasRemaining(); i++) {
            DirectoryDescriptor.DirectoryEntry e = entries.get((int) i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer record = ByteBuffer.allocate(DIRENT_SIZE + name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            record.putLong(0, i + 1);
            record.putLong(8, e.inode());
            record.putInt(16, name.length);
            record.put(20, (byte) e.filetype());
            record.position(DIRENT_SIZE);
            record.put(name);
            record.flip();
            if (record.remaining() > out.remaining()) {
                record.limit(out.remaining()); // the guest sees a full buffer and asks again with a bigger one
            }
            out.put(record);
        }
        m.writeInt(Integer.toUnsignedLong((int) a[4]), capacity - out.remaining());
        return Errno.SUCCESS;
    }

    /**
     * A directory's entries, {@code .} and {@code ..} first, the rest sorted by name so that cookies
     * are stable. At the preopen's root, {@code ..} is the root itself (as at {@code /}): the guest
     * learns nothing of the host directory above.
     */
    private static List<DirectoryDescriptor.DirectoryEntry> list(Path dir, Path root) throws IOException {
        List<DirectoryDescriptor.DirectoryEntry> entries = new ArrayList<>();
        entries.add(new DirectoryDescriptor.DirectoryEntry(".", Filestat.of(dir, true).ino(), Flags.FILETYPE_DIRECTORY));
        Path parent = dir.equals(root) || dir.getParent() == null ? dir : dir.getParent();
        entries.add(new DirectoryDescriptor.DirectoryEntry("..", Filestat.of(parent, true).ino(), Flags.FILETYPE_DIRECTORY));
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path child : children) {
            long ino = 0;
            int type = Flags.FILETYPE_UNKNOWN;
            try {
                Filestat st = Filestat.of(child, false);
                ino = st.ino();
                type = st.filetype();
            } catch (IOException vanished) {
                if (!Files.exists(child, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
            }
            entries.add(new DirectoryDescriptor.DirectoryEntry(child.getFileName().toString(), ino, type));
        }
        return entries;
    }
}
