package io.wasmspring.engine.text;

import io.wasmspring.engine.MalformedModuleException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Entry point of the WebAssembly text format: parses a module and encodes it to the binary
 * format, which the decoder then reads like any {@code .wasm} file. Errors are
 * {@link io.wasmspring.engine.MalformedModuleException}s whose message ends in {@code (at line:column)}.
 */
public final class WatParser {

    private WatParser() {
    }

    /**
     * Encodes {@code text}: a {@code (module $id? field*)}, or bare module fields (as in the
     * spec's abbreviation and in {@code module quote} strings). {@code (module binary "...")} and
     * {@code (module quote "...")} are accepted too.
     */
    public static byte[] parseModule(String text) {
        try {
            return encode(text);
        } catch (StackOverflowError e) {
            // the parser recurses once per nesting level; absurd nesting must not crash the caller
            throw new MalformedModuleException("nesting too deep for the parser's stack (at 1:1)");
        }
    }

    private static byte[] encode(String text) {
        List<SExpr> top = SExpr.parseAll(text);
        if (top.size() == 1 && top.get(0) instanceof SExpr.ListExpr l && l.is("module")) {
            Cursor c = l.body();
            String id = c.optionalId();
            if (c.peekKeyword("binary")) {
                c.next();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (!c.atEnd()) {
                    bytes.writeBytes(c.nextString().bytes());
                }
                return bytes.toByteArray();
            }
            if (c.peekKeyword("quote")) {
                c.next();
                StringBuilder quoted = new StringBuilder();
                // the text is the strings' concatenation, as the script format defines it
                while (!c.atEnd()) {
                    quoted.append(new String(c.nextString().bytes(), StandardCharsets.UTF_8));
                }
                return parseModule(quoted.toString());
            }
            return ModuleParser.parse(l.items().subList(c.atEnd() ? l.items().size() : indexOf(l, c), l.items().size()), id);
        }
        return ModuleParser.parse(top, null);
    }

    private static int indexOf(SExpr.ListExpr l, Cursor c) {
        return l.items().indexOf(c.peek());
    }
}
