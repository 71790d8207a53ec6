package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A host tree for escape tests: a preopen {@code sandbox} next to an {@code outside} directory
 * full of canaries, both a few levels below the test's temporary directory so that a path
 * climbing out lands somewhere this fixture watches.
 *
 * <pre>
 * top/l1/l2/sandbox/          the preopen (rebuilt by {@link #resetSandbox()})
 * top/l1/l2/outside/          canary.txt, outside-only-&lt;tag&gt;, sub/deep-canary.txt
 * top/l1/l2/sibling-canary.txt
 * </pre>
 *
 * The sandbox starts with links the <em>host</em> made that point out (absolute and relative,
 * direct and through chains) plus loops and a chain longer than the link limit; the guest may
 * never use any of them to get out. {@link #snapshot()} records everything outside the sandbox
 * (names, kinds, sizes, bytes, modification times, link texts, link counts) so a test can check
 * that nothing there changed.
 */
final class EscapeFixture {

    /** Every canary file starts with these bytes; the guest never writes them itself. */
    static final String CANARY_PREFIX = "CANARY:";

    final Path top;
    final Path sandbox;
    final Path outside;
    final String outsideOnlyName;
    /** Inodes of everything outside the sandbox: a guest stat or listing must never report one. */
    final Set<Long> outsideInodes = new HashSet<>();
    /** The links the host put in the sandbox (relative path and text): they point out on purpose. */
    private final Map<String, String> hostLinks = new TreeMap<>();

    EscapeFixture(Path top, String tag) throws IOException {
        this.top = top;
        Path l2 = Files.createDirectories(top.resolve("l1/l2"));
        this.sandbox = Files.createDirectory(l2.resolve("sandbox")).toRealPath();
        this.outside = Files.createDirectory(l2.resolve("outside")).toRealPath();
        this.outsideOnlyName = "outside-only-" + tag;
        Files.writeString(outside.resolve("canary.txt"), CANARY_PREFIX + "outside " + tag);
        Files.writeString(outside.resolve(outsideOnlyName), CANARY_PREFIX + "only " + tag);
        Files.createDirectory(outside.resolve("sub"));
        Files.writeString(outside.resolve("sub/deep-canary.txt"), CANARY_PREFIX + "deep " + tag);
        Files.writeString(l2.resolve("sibling-canary.txt"), CANARY_PREFIX + "sibling " + tag);
        // an old modification time, so that a touch from the guest would show
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        try (Stream<Path> all = Files.walk(top)) {
            for (Path p : all.toList()) {
                if (!p.startsWith(sandbox)) {
                    Files.setLastModifiedTime(p, old);
                }
            }
        }
        resetSandbox();
        for (Path p : walkOutside()) {
            outsideInodes.add(Filestat.of(p, false).ino());
        }
    }

    /** Empties the sandbox and lays out its starting tree again. */
    void resetSandbox() throws IOException {
        clear(sandbox);
        Files.createDirectories(sandbox.resolve("d/sub"));
        Files.writeString(sandbox.resolve("file.txt"), "inside file");
        Files.writeString(sandbox.resolve("d/inner.txt"), "inner file");
        hostLinks.clear();
        hostLink("abs-dir", outside.toString());
        hostLink("abs-file", outside.resolve("canary.txt").toString());
        hostLink("rel-dir", "../outside");
        hostLink("rel-file", "../outside/canary.txt");
        hostLink("up", "..");
        hostLink("d/dotdot", "../..");
        hostLink("chain1", "chain2");
        hostLink("chain2", "d/chain3");
        hostLink("d/chain3", "../rel-dir");
        hostLink("loop1", "loop2");
        hostLink("loop2", "loop1");
        hostLink("self", "self");
        hostLink("d/ok", "../file.txt");
        hostLink("d/okdir", "sub");
        // 45 links in a row, past the limit of 40 followed in one lookup
        for (int i = 0; i < 45; i++) {
            hostLink("long" + i, i == 44 ? "file.txt" : "long" + (i + 1));
        }
    }

    private void hostLink(String at, String target) throws IOException {
        Files.createSymbolicLink(sandbox.resolve(at), Path.of(target));
        hostLinks.put(at, target);
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Every host path under {@code top} that is not the sandbox or inside it. */
    private List<Path> walkOutside() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(top)) {
            all.filter(p -> !p.startsWith(sandbox)).forEach(out::add);
        }
        return out;
    }

    /** A description of everything outside the sandbox, equal between two calls only if nothing there changed. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> state = new TreeMap<>();
        for (Path p : walkOutside()) {
            Filestat st = Filestat.of(p, false);
            StringBuilder what = new StringBuilder()
                    .append("type=").append(st.filetype())
                    .append(" size=").append(st.size())
                    .append(" nlink=").append(st.nlink())
                    .append(" mtime=").append(st.mtim());
            if (Files.isSymbolicLink(p)) {
                what.append(" link=").append(Files.readSymbolicLink(p));
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                what.append(" bytes=").append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
            state.put(top.relativize(p).toString(), what.toString());
        }
        return state;
    }

    /**
     * Every link in the sandbox that the host did not put there must lead inside the sandbox when
     * the host follows it: the host may read the guest's files one day.
     */
    void assertGuestLinksStayInside(String context) throws IOException {
        List<Path> links;
        try (Stream<Path> all = Files.walk(sandbox)) {
            links = all.filter(Files::isSymbolicLink).toList();
        }
        for (Path link : links) {
            String target = Files.readSymbolicLink(link).toString();
            String at = sandbox.relativize(link).toString();
            if (target.equals(hostLinks.get(at))) {
                continue;
            }
            assertThat(target).as("%s: guest-made link %s has an absolute target", context, at).doesNotStartWith("/");
            // judged by its text, from the directory it really is in: where it leads through the
            // host's own links is the host's business
            Path lexical = link.getParent().toRealPath().resolve(target).normalize();
            assertThat(lexical.startsWith(sandbox) && !climbsAfterAName(target))
                    .as("%s: guest-made link %s -> %s leads to %s", context, at, target, lexical)
                    .isTrue();
        }
    }

    /** {@code x/..}: after a name that is itself a link, the host would climb from wherever it leads. */
    private static boolean climbsAfterAName(String target) {
        boolean afterName = false;
        for (String c : PathResolver.components(target)) {
            if (c.equals("..") && afterName) {
                return true;
            }
            afterName |= !c.equals(".") && !c.equals("..");
        }
        return false;
    }

    /** Whether {@code data} holds canary bytes. */
    static boolean holdsCanary(byte[] data, int length) {
        byte[] marker = CANARY_PREFIX.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + marker.length <= length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
