package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * The preview1 {@code filestat} struct (64 bytes): dev u64 @0, ino u64 @8, filetype u8 @16,
 * nlink u64 @24, size u64 @32, atim @40, mtim @48, ctim @56 (timestamps in nanoseconds).
 */
record Filestat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {

    static final int SIZE = 64;

    /** Reads a host file's metadata; a symbolic link itself unless {@code follow}. */
    static Filestat of(Path path, boolean follow) throws IOException {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,nlink,size,mode,lastAccessTime,lastModifiedTime,ctime", options);
            int mode = ((Number) a.get("mode")).intValue();
            return new Filestat(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue(), filetypeOfMode(mode),
                    ((Number) a.get("nlink")).longValue(), ((Number) a.get("size")).longValue(),
                    nanos((FileTime) a.get("lastAccessTime")), nanos((FileTime) a.get("lastModifiedTime")), nanos((FileTime) a.get("ctime")));
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            BasicFileAttributes b = Files.readAttributes(path, BasicFileAttributes.class, options);
            int type = b.isDirectory() ? Flags.FILETYPE_DIRECTORY
                    : b.isSymbolicLink() ? Flags.FILETYPE_SYMBOLIC_LINK
                    : b.isRegularFile() ? Flags.FILETYPE_REGULAR_FILE : Flags.FILETYPE_UNKNOWN;
            Object key = b.fileKey();
            return new Filestat(0, key == null ? 0 : key.hashCode(), type, 1, b.size(), nanos(b.lastAccessTime()),
                    nanos(b.lastModifiedTime()), nanos(b.lastModifiedTime()));
        }
    }

    /** The preview1 filetype of a POSIX {@code st_mode}. */
    static int filetypeOfMode(int mode) {
        switch (mode & 0170000) {
            case 0140000: return Flags.FILETYPE_SOCKET_STREAM;
            case 0120000: return Flags.FILETYPE_SYMBOLIC_LINK;
            case 0100000: return Flags.FILETYPE_REGULAR_FILE;
            case 0060000: return Flags.FILETYPE_BLOCK_DEVICE;
            case 0040000: return Flags.FILETYPE_DIRECTORY;
            case 0020000: return Flags.FILETYPE_CHARACTER_DEVICE;
            default: return Flags.FILETYPE_UNKNOWN;
        }
    }

    static long nanos(FileTime t) {
        if (t == null) {
            return 0;
        }
        java.time.Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    void write(Memory memory, int ptr) {
        memory.writeLong(ptr, dev);
        memory.writeLong(ptr + 8, ino);
        memory.writeLong(ptr + 16, 0); // filetype byte and padding
        memory.writeByte(ptr + 16, (byte) filetype);
        memory.writeLong(ptr + 24, nlink);
        memory.writeLong(ptr + 32, size);
        memory.writeLong(ptr + 40, atim);
        memory.writeLong(ptr + 48, mtim);
        memory.writeLong(ptr + 56, ctim);
    }
}
