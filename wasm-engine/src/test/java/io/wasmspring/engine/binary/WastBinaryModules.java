package io.wasmspring.engine.binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helper: finds the {@code (module binary "...")} forms of a {@code .wast} script, with the
 * command they sit in ({@code assert_malformed}, {@code assert_invalid}, or none) and, for
 * assertions, the expected message. A small scanner of its own, independent of the wast parser.
 */
final class WastBinaryModules {

    /** One binary module of a script. */
    record BinaryModule(String file, int line, String enclosing, String expectedMessage, byte[] bytes) {

        boolean expectedMalformed() {
            return "assert_malformed".equals(enclosing);
        }

        @Override
        public String toString() {
            return file + ":" + line + (enclosing == null ? "" : " " + enclosing + " \"" + expectedMessage + "\"");
        }
    }

    private WastBinaryModules() {
    }

    /** The spec suite's core 2.0 folder, from {@code wasm.testsuite.dir} (or the default), or null when absent. */
    static Path core20() {
        String dir = System.getProperty("wasm.testsuite.dir", "/work/shared/wasm-testsuite");
        Path path = Path.of(dir, "core-2.0");
        return Files.isDirectory(path) ? path : null;
    }

    static List<Path> wastFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<BinaryModule> read(Path file) {
        try {
            return scan(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every binary module of every script in {@code dir}. */
    static List<BinaryModule> all(Path dir) {
        List<BinaryModule> modules = new ArrayList<>();
        for (Path file : wastFiles(dir)) {
            modules.addAll(read(file));
        }
        return modules;
    }

    /** A list being scanned: its head keyword, where it started, and the pieces gathered so far. */
    private static final class Frame {
        final String head;
        final int line;
        final int start;
        final List<String> atoms = new ArrayList<>();
        final List<byte[]> strings = new ArrayList<>();
        BinaryModule module;

        Frame(String head, int line, int start) {
            this.head = head;
            this.line = line;
            this.start = start;
        }
    }

    static List<BinaryModule> scan(String file, String text) {
        return scan(file, text, new ArrayList<>());
    }

    /**
     * The text of each {@code (module ...)} in text format that is not inside
     * {@code assert_malformed} (those inside {@code assert_invalid} are kept: well formed, so good
     * material for the decoder and validator).
     */
    static List<String> textModules(Path file) {
        try {
            List<String> texts = new ArrayList<>();
            scan(file.getFileName().toString(), Files.readString(file), texts);
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<BinaryModule> scan(String file, String text, List<String> textModules) {
        List<BinaryModule> result = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == ';' && i + 1 < n && text.charAt(i + 1) == ';') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '(' && i + 1 < n && text.charAt(i + 1) == ';') {
                int depth = 0;
                do {
                    if (text.startsWith("(;", i)) {
                        depth++;
                        i += 2;
                    } else if (text.startsWith(";)", i)) {
                        depth--;
                        i += 2;
                    } else {
                        if (text.charAt(i) == '\n') {
                            line++;
                        }
                        i++;
                    }
                } while (depth > 0 && i < n);
            } else if (c == '(') {
                int j = i + 1;
                while (j < n && isAtomChar(text.charAt(j))) {
                    j++;
                }
                stack.push(new Frame(text.substring(i + 1, j), line, i));
                i = j;
            } else if (c == ')') {
                Frame done = stack.pop();
                if (done.head.equals("module") && !done.atoms.isEmpty()
                        && (done.atoms.get(0).equals("binary")
                        || done.atoms.size() > 1 && done.atoms.get(0).startsWith("$") && done.atoms.get(1).equals("binary"))) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    done.strings.forEach(bytes::writeBytes);
                    Frame parent = stack.peek();
                    done.module = new BinaryModule(file, done.line, parent == null ? null : parent.head, null, bytes.toByteArray());
                    if (parent == null || !parent.head.startsWith("assert_")) {
                        result.add(done.module);
                    } else {
                        parent.atoms.add("<module>");
                        parent.module = done.module;
                    }
                } else if (done.head.equals("module") && isTextModule(done) && !insideMalformed(stack)) {
                    textModules.add(text.substring(done.start, i + 1));
                } else if (done.module != null) {
                    // An assertion around a binary module: its last string is the expected message.
                    String message = done.strings.isEmpty() ? null
                            : new String(done.strings.get(done.strings.size() - 1), StandardCharsets.UTF_8);
                    result.add(new BinaryModule(file, done.module.line(), done.head, message, done.module.bytes()));
                }
                i++;
            } else if (c == '"') {
                int j = i + 1;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (text.charAt(j) != '"') {
                    char d = text.charAt(j);
                    if (d == '\\') {
                        j = unescape(text, j + 1, bytes);
                    } else {
                        int cp = text.codePointAt(j);
                        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                        j += Character.charCount(cp);
                    }
                }
                if (!stack.isEmpty()) {
                    stack.peek().strings.add(bytes.toByteArray());
                }
                i = j + 1;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                int j = i;
                while (j < n && isAtomChar(text.charAt(j))) {
                    j++;
                }
                if (j == i) {
                    j++;
                }
                if (!stack.isEmpty()) {
                    stack.peek().atoms.add(text.substring(i, j));
                }
                i = j;
            }
        }
        return result;
    }

    private static boolean isTextModule(Frame module) {
        return !module.atoms.contains("binary") && !module.atoms.contains("quote") && !module.atoms.contains("definition");
    }

    private static boolean insideMalformed(Deque<Frame> stack) {
        for (Frame f : stack) {
            if (f.head.equals("assert_malformed")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAtomChar(char c) {
        return !Character.isWhitespace(c) && c != '(' && c != ')' && c != '"' && c != ';';
    }

    /** Decodes the escape after a backslash at {@code j}; returns the index after it. */
    private static int unescape(String text, int j, ByteArrayOutputStream out) {
        char e = text.charAt(j);
        switch (e) {
            case 'n' -> out.write('\n');
            case 't' -> out.write('\t');
            case 'r' -> out.write('\r');
            case '"' -> out.write('"');
            case '\'' -> out.write('\'');
            case '\\' -> out.write('\\');
            case 'u' -> {
                int close = text.indexOf('}', j);
                int cp = Integer.parseInt(text.substring(j + 2, close).replace("_", ""), 16);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                return close + 1;
            }
            default -> {
                out.write(Integer.parseInt(text.substring(j, j + 2), 16));
                return j + 2;
            }
        }
        return j + 1;
    }
}
