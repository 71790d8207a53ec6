package io.wasmspring.engine.wasi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which symbolic links a guest may make. The guest itself never follows a link out of its
 * preopens ({@link PathResolver}), but the host may follow the links the guest leaves behind, for
 * example when it reads the program's output directory. So a link's target, read from the
 * directory that holds the link, must name something under the preopen it was made in.
 *
 * <p>The check is lexical, component by component: an absolute target is refused; leading
 * {@code ..} components may climb only as high as the preopen root; after the first name,
 * {@code ..} is refused altogether, because the name may itself be a link, after which the
 * host takes {@code ..} from wherever that link leads, not from where the text says.
 */
final class SymlinkTargets {

    private SymlinkTargets() {
    }

    /**
     * Whether every link in the entry {@code from} (the entry itself, or any link in the tree
     * below it when it is a directory) still stays under {@code root} once the entry is at
     * {@code to}. A rename, or a hard link to a link, moves the link's text to another directory,
     * where its {@code ..} components climb from somewhere else: {@code a/b/l -> ../..} is the
     * preopen's root, but renamed to {@code c/l} (or {@code a/b} renamed to {@code c}) it is the
     * host directory above.
     */
    static boolean movedEntryStaysInside(Path root, Path from, Path to) throws IOException {
        if (Files.isSymbolicLink(from)) {
            return staysInside(root, to.getParent(), Files.readSymbolicLink(from).toString());
        }
        if (!Files.isDirectory(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        List<Path> links;
        try (Stream<Path> tree = Files.walk(from)) { // walk does not follow links
            links = tree.filter(Files::isSymbolicLink).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path link : links) {
            Path movedTo = to.resolve(from.relativize(link));
            if (!staysInside(root, movedTo.getParent(), Files.readSymbolicLink(link).toString())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a link holding {@code target}, placed in {@code linkDirectory}, stays under {@code root}.
     *
     * @param root          the preopen's real host path
     * @param linkDirectory the host directory that holds (or will hold) the link
     */
    static boolean staysInside(Path root, Path linkDirectory, String target) {
        if (target.startsWith("/") || linkDirectory == null || !linkDirectory.startsWith(root)) {
            return false;
        }
        Path below = root.relativize(linkDirectory);
        int depth = below.toString().isEmpty() ? 0 : below.getNameCount();
        boolean afterName = false;
        for (String component : PathResolver.components(target)) {
            if (component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (afterName || --depth < 0) {
                    return false;
                }
            } else {
                afterName = true;
            }
        }
        return true;
    }
}
