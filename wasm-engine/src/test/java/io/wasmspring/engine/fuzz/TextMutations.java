package io.wasmspring.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Edits a seed module text with mutations read from the fuzzer's input: tokens of the text
 * format (keywords, literals at the edges of their ranges, odd escapes, deep nesting) inserted,
 * characters replaced, ranges deleted, repeated or cut off.
 */
final class TextMutations {

    /** Tokens that lead the parser into its corners. */
    private static final String[] TOKENS = {
            "(", ")", "(module", "(func", "(param", "(result", "(local", "(type", "(import", "(export",
            "(memory", "(table", "(global", "(elem", "(data", "(start", "(block", "(loop", "(if", "(then",
            "(else", "(mut", "(offset", "(item", "(ref.func", "(ref.null", "funcref", "externref", "i32", "i64",
            "f32", "f64", "v128", "i32.const", "i64.const", "f32.const", "f64.const", "v128.const i32x4",
            "v128.const f64x2", "i8x16.shuffle", "br_table", "call_indirect", "select", "memory.grow",
            "table.grow", "local.get", "global.set", "end", "$x", "$", "0", "-0", "0x", "0x80000000",
            "4294967296", "-2147483649", "18446744073709551616", "0x1p+1024", "1e400", "nan", "nan:0x1",
            "-nan:0x7fffff", "inf", "-inf", "1_000", "_1", "0x_1", "\"", "\"\\u{110000}\"", "\"\\ff\"",
            "\"\\u{d800}\"", "\"\\\"", ";;", "(;", ";)", "offset=4294967296", "align=3", "align=0",
            "(((((((((((((((((((((((((((((((("};

    private TextMutations() {
    }

    /** {@code seed} with up to {@code maxEdits} edits from {@code data}. */
    static String mutate(String seed, FuzzedDataProvider data, int maxEdits) {
        StringBuilder text = new StringBuilder(seed);
        int edits = data.consumeInt(0, maxEdits);
        for (int i = 0; i < edits; i++) {
            editOnce(text, data);
        }
        return text.toString();
    }

    private static void editOnce(StringBuilder text, FuzzedDataProvider data) {
        int n = text.length();
        int at = data.consumeInt(0, n);
        switch (data.consumeInt(0, 5)) {
            case 0 -> text.insert(at, " " + TOKENS[data.consumeInt(0, TOKENS.length - 1)] + " ");
            case 1 -> text.insert(at, data.consumeString(data.consumeInt(1, 16)));
            case 2 -> {
                if (at < n) {
                    text.setCharAt(at, data.consumeChar());
                }
            }
            case 3 -> text.delete(at, Math.min(n, at + data.consumeInt(1, 32)));
            case 4 -> {
                int end = Math.min(n, at + data.consumeInt(1, 128));
                text.insert(at, text.substring(at, end));
            }
            default -> text.setLength(at);
        }
    }
}
