package io.wasmspring.engine.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sandbox: turns a guest path, relative to a directory descriptor, into a host path that is
 * guaranteed to lie inside that directory.
 *
 * <p>The path is walked one component at a time on the host. {@code ..} may not climb above the
 * directory, absolute paths are refused, and every symbolic link met on the way is read and its
 * target walked by the same rules (so a link, including one the guest made, can never point out).
 * The host path handed back therefore contains no symbolic link except, when the caller asked not
 * to follow it, the last component itself.
 */
final class PathResolver {

    private static final boolean SLASH_SEPARATED = "/".equals(java.nio.file.FileSystems.getDefault().getSeparator());

    /** Like Linux's limit on links followed in one lookup. */
    static final int MAX_SYMLINKS = 40;

    /** A resolved path: {@code host} inside the directory; whether the guest path ended in a slash. */
    record Resolved(Path host, boolean trailingSlash, boolean isBase) {
    }

    private PathResolver() {
    }

    /**
     * Resolves {@code guestPath} under {@code base}.
     *
     * @param followLast whether a symbolic link in the last component is followed too
     *                   (components before it always are)
     */
    static Resolved resolve(Path base, String guestPath, boolean followLast) {
        return resolve(base, guestPath, followLast, true);
    }

    /**
     * Resolves {@code guestPath} to a directory entry itself, for the calls that create, remove or
     * rename entries: a link in the last component is never followed, not even before a trailing
     * slash (so {@code rmdir("link/")} cannot remove the link's target).
     */
    static Resolved resolveEntry(Path base, String guestPath) {
        return resolve(base, guestPath, false, false);
    }

    private static Resolved resolve(Path base, String guestPath, boolean followLast, boolean slashFollows) {
        if (guestPath.isEmpty()) {
            throw new ErrnoException(Errno.NOENT);
        }
        if (guestPath.indexOf('\0') >= 0) {
            throw new ErrnoException(Errno.INVAL);
        }
        if (guestPath.startsWith("/")) {
            throw new ErrnoException(Errno.PERM);
        }
        stillInPlace(base);
        boolean trailingSlash = guestPath.endsWith("/");
        Deque<String> pending = new ArrayDeque<>(components(guestPath));
        List<String> walked = new ArrayList<>();
        int linksFollowed = 0;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            if (name.equals(".")) {
                continue;
            }
            if (!SLASH_SEPARATED && (name.contains(base.getFileSystem().getSeparator()) || name.contains(":"))) {
                throw new ErrnoException(Errno.PERM); // a host separator or drive would be read as more than one name
            }
            if (name.equals("..")) {
                if (walked.isEmpty()) {
                    throw new ErrnoException(Errno.PERM); // would leave the directory
                }
                walked.remove(walked.size() - 1);
                continue;
            }
            Path candidate = join(base, walked).resolve(name);
            boolean last = pending.isEmpty();
            if ((!last || followLast || trailingSlash && slashFollows) && Files.isSymbolicLink(candidate)) {
                if (++linksFollowed > MAX_SYMLINKS) {
                    throw new ErrnoException(Errno.LOOP);
                }
                String target = readLink(candidate);
                if (target.startsWith("/")) {
                    throw new ErrnoException(Errno.PERM);
                }
                if (target.isEmpty()) {
                    throw new ErrnoException(Errno.NOENT);
                }
                List<String> targetComponents = components(target);
                for (int i = targetComponents.size() - 1; i >= 0; i--) {
                    pending.addFirst(targetComponents.get(i));
                }
                if (last && target.endsWith("/")) {
                    trailingSlash = true;
                }
                continue;
            }
            if (!last) {
                if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ErrnoException(Errno.NOENT);
                }
                if (!Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ErrnoException(Errno.NOTDIR);
                }
            }
            walked.add(name);
        }
        Path host = join(base, walked);
        checkNoLinkAppeared(host.getParent(), walked.size());
        if (trailingSlash && Files.exists(host, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
            throw new ErrnoException(Errno.NOTDIR);
        }
        return new Resolved(host, trailingSlash, walked.isEmpty());
    }

    /**
     * Every directory on the way was checked not to be a link, but the tree can change under us
     * (another process, or another guest sharing the preopen). Re-checking that the parent's real
     * path is still itself narrows that window to the single call that follows.
     */
    private static void checkNoLinkAppeared(Path parent, int depth) {
        if (depth < 2 || parent == null) {
            return;
        }
        try {
            if (!parent.toRealPath().equals(parent)) {
                throw new ErrnoException(Errno.PERM);
            }
        } catch (IOException e) {
            throw new ErrnoException(HostErrors.errno(e));
        }
    }

    /**
     * A descriptor's host path is checked when the descriptor is opened, but the guest may later
     * rename one of its ancestors and put a link in its place, which would silently re-route the
     * path (the JVM has no descriptor-relative calls). Every use of a descriptor's path therefore
     * first checks that the path still leads to itself: {@code perm} if it now leads elsewhere,
     * {@code noent} if it is gone.
     */
    static Path stillInPlace(Path path) {
        try {
            if (!path.toRealPath().equals(path)) {
                throw new ErrnoException(Errno.PERM);
            }
            return path;
        } catch (IOException e) {
            throw new ErrnoException(HostErrors.errno(e));
        }
    }

    /** The non-empty components of a slash-separated path ({@code a//b/} gives {@code a, b}). */
    static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static Path join(Path base, List<String> names) {
        Path p = base;
        for (String n : names) {
            p = p.resolve(n);
        }
        return p;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new ErrnoException(HostErrors.errno(e));
        }
    }
}
