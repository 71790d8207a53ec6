package io.wasmspring.engine.wasi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The program's file descriptors: small integers, the lowest free one given out first, at most
 * {@link WasiConfig#maxOpenDescriptors()} at a time so that a guest cannot use up the JVM's own.
 */
final class FdTable {

    private final List<Descriptor> slots = new ArrayList<>();
    private final int maxOpen;
    private int open;

    FdTable(int maxOpen) {
        this.maxOpen = maxOpen;
    }

    /** Whether one more descriptor fits under the cap. */
    boolean hasRoom() {
        return open < maxOpen;
    }

    /** Stores {@code d} under the lowest free descriptor number and returns that number; {@code mfile} when full. */
    int add(Descriptor d) {
        if (!hasRoom()) {
            throw new ErrnoException(Errno.MFILE);
        }
        open++;
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) == null) {
                slots.set(i, d);
                return i;
            }
        }
        slots.add(d);
        return slots.size() - 1;
    }

    /** The descriptor numbered {@code fd}, or {@code badf}. */
    Descriptor get(int fd) {
        if (fd < 0 || fd >= slots.size() || slots.get(fd) == null) {
            throw new ErrnoException(Errno.BADF);
        }
        return slots.get(fd);
    }

    /** The descriptor numbered {@code fd} if it is of {@code type}: {@code badf} if absent, {@code errnoIfOther} if another kind. */
    <T extends Descriptor> T get(int fd, Class<T> type, int errnoIfOther) {
        Descriptor d = get(fd);
        if (!type.isInstance(d)) {
            throw new ErrnoException(errnoIfOther);
        }
        return type.cast(d);
    }

    /** A directory descriptor, or {@code notdir} when {@code fd} is something else. */
    DirectoryDescriptor directory(int fd) {
        return get(fd, DirectoryDescriptor.class, Errno.NOTDIR);
    }

    /** Removes {@code fd} from the table and returns what it referred to. */
    Descriptor remove(int fd) {
        Descriptor d = get(fd);
        slots.set(fd, null);
        open--;
        return d;
    }

    /** Makes {@code to} refer to what {@code from} referred to, closing what {@code to} held; {@code from} becomes free. */
    void renumber(int from, int to) throws IOException {
        Descriptor moving = get(from);
        Descriptor replaced = get(to);
        if (from == to) {
            return;
        }
        slots.set(to, moving);
        slots.set(from, null);
        open--;
        replaced.close();
    }

    /** Closes every descriptor, each even when another fails; used when the program is done. Idempotent. */
    void closeAll() {
        for (int i = 0; i < slots.size(); i++) {
            Descriptor d = slots.get(i);
            if (d != null) {
                slots.set(i, null);
                open--;
                try {
                    d.close();
                } catch (IOException | RuntimeException ignored) {
                    // nothing more to do for a descriptor being discarded
                }
            }
        }
    }
}
