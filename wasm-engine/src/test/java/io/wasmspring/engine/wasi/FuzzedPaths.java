package io.wasmspring.engine.wasi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Hostile guest paths, as raw bytes, from a seeded {@link Random} (so a failure replays from its
 * seed). They mix the names of {@link EscapeFixture}'s tree and its links with {@code ..},
 * {@code .}, absolute host paths, repeated slashes, backslashes, drive letters, NUL bytes,
 * invalid and overlong UTF-8, names past the host's 255-byte limit and paths past its 4096.
 */
final class FuzzedPaths {

    /** Names the fixture's tree and the guest's own creations use: most paths should hit something. */
    private static final List<String> NAMES = List.of(
            "d", "sub", "file.txt", "inner.txt", "new", "g1", "g2", "x",
            "abs-dir", "abs-file", "rel-dir", "rel-file", "up", "dotdot", "chain1", "chain2", "chain3",
            "loop1", "loop2", "self", "ok", "okdir", "long0", "long30", "outside", "canary.txt", "sandbox",
            "l2", "sibling-canary.txt", "sub/deep-canary.txt");

    /** Names that a host might read as more than one, or as something special. */
    private static final List<String> ODD_NAMES = List.of(
            "..\\outside", "a\\..\\..\\outside", "\\", "C:", "C:\\Windows", "%2e%2e", "..%2f", "...", "....",
            " ..", ".. ", "\u00e9t\u00e9", "\uD83D\uDE00", "~", "$HOME", "*", "-");

    /** Byte sequences that are not valid UTF-8, including the overlong forms of '.' and '/'. */
    private static final byte[][] BAD_UTF8 = {
            {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAE}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAE},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    };

    private final Random random;
    private final List<String> absolute;

    /**
     * @param absolute host paths worth trying verbatim (the outside directory, a canary)
     */
    FuzzedPaths(long seed, List<String> absolute) {
        this.random = new Random(seed);
        this.absolute = absolute;
    }

    Random random() {
        return random;
    }

    /** One path: mostly a few names and dots, now and then something stranger. */
    byte[] next() {
        int shape = random.nextInt(100);
        if (shape < 3) {
            return utf8(absolute.get(random.nextInt(absolute.size())) + (random.nextBoolean() ? "" : "/" + pick(NAMES)));
        }
        if (shape < 5) {
            return veryLong();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (shape < 10) {
            write(out, random.nextBoolean() ? "/" : "//");
        }
        int parts = 1 + random.nextInt(random.nextInt(10) < 8 ? 4 : 12);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                write(out, separator());
            }
            component(out);
        }
        int ending = random.nextInt(20);
        if (ending == 0) {
            write(out, "/");
        } else if (ending == 1) {
            write(out, "/.");
        } else if (ending == 2) {
            write(out, "/..");
        } else if (ending == 3) {
            write(out, "//");
        }
        return out.toByteArray();
    }

    /** A path the guest may well create: a short relative path of plain names. */
    byte[] plain() {
        StringBuilder s = new StringBuilder(pick(NAMES));
        if (random.nextInt(3) == 0) {
            s.append('/').append(pick(NAMES));
        }
        return utf8(s.toString());
    }

    private void component(ByteArrayOutputStream out) {
        int kind = random.nextInt(100);
        if (kind < 20) {
            write(out, "..");
        } else if (kind < 28) {
            write(out, ".");
        } else if (kind < 80) {
            write(out, pick(NAMES));
        } else if (kind < 88) {
            write(out, pick(ODD_NAMES));
        } else if (kind < 92) {
            out.writeBytes(BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            if (random.nextBoolean()) {
                write(out, pick(NAMES));
            }
        } else if (kind < 95) {
            write(out, random.nextBoolean() ? "\0" : pick(NAMES) + "\0" + pick(NAMES));
        } else {
            // right at the host's 255-byte name limit, or just past it
            write(out, "n".repeat(250 + random.nextInt(12)));
        }
    }

    private String separator() {
        int kind = random.nextInt(20);
        return kind == 0 ? "//" : kind == 1 ? "///" : kind == 2 ? "/./" : "/";
    }

    /** Paths around and far past the host's 4096-byte limit, made of steps that cancel out or climb. */
    private byte[] veryLong() {
        String step = switch (random.nextInt(5)) {
            case 0 -> "./";
            case 1 -> "d/../";
            case 2 -> "../";
            case 3 -> "d/sub/../../";
            default -> "/";
        };
        int bytes = 3500 + random.nextInt(6_000);
        StringBuilder s = new StringBuilder(bytes + 32);
        while (s.length() < bytes) {
            s.append(step);
        }
        s.append(random.nextBoolean() ? "file.txt" : "rel-file");
        return utf8(s.toString());
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(utf8(s));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
