package io.wasmspring.engine.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text-format source into {@link Token}s (spec section "Lexical Format"): parentheses,
 * strings with their escapes decoded, and atoms (maximal runs of idchars). White space, line
 * comments {@code ;; ...} and nested block comments {@code (; ... ;)} separate tokens. A string
 * glued to an atom or another string forms no valid token and is rejected.
 */
public final class Lexer {

    private final String source;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String source) {
        this.source = source;
    }

    /** All tokens of {@code source}, in order. */
    public static List<Token> tokenize(String source) {
        return new Lexer(source).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= source.length()) {
                return tokens;
            }
            char c = source.charAt(pos);
            int startLine = line;
            int startColumn = column();
            int start = pos;
            if (c == '(') {
                pos++;
                tokens.add(new Token(Token.Kind.LPAREN, "(", null, startLine, startColumn, start, pos));
            } else if (c == ')') {
                pos++;
                tokens.add(new Token(Token.Kind.RPAREN, ")", null, startLine, startColumn, start, pos));
            } else if (c == '"') {
                byte[] bytes = string();
                tokens.add(new Token(Token.Kind.STRING, source.substring(start, pos), bytes,
                        startLine, startColumn, start, pos));
                requireSeparator(startLine, startColumn);
            } else if (isIdChar(c)) {
                while (pos < source.length() && isIdChar(source.charAt(pos))) {
                    pos++;
                }
                String text = source.substring(start, pos);
                if (text.equals("$")) {
                    throw TextErrors.at(startLine, startColumn, "unknown operator: empty identifier");
                }
                tokens.add(new Token(Token.Kind.ATOM, text, null, startLine, startColumn, start, pos));
                requireSeparator(startLine, startColumn);
            } else {
                throw TextErrors.at(startLine, startColumn, "unknown operator: unexpected character '"
                        + printable(c) + "'");
            }
        }
    }

    private int column() {
        return pos - lineStart + 1;
    }

    /** After a string or atom there must be white space, a parenthesis, a comment or the end. */
    private void requireSeparator(int tokenLine, int tokenColumn) {
        if (pos >= source.length()) {
            return;
        }
        char c = source.charAt(pos);
        if (c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r'
                || (c == ';' && pos + 1 < source.length() && source.charAt(pos + 1) == ';')) {
            return;
        }
        throw TextErrors.at(tokenLine, tokenColumn, "unknown operator: malformed token");
    }

    private void skipSpaceAndComments() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' && peek(1) == '\n') {
                pos++;
            } else if (c == '\n' || c == '\r') {
                newline();
            } else if (c == ';' && peek(1) == ';') {
                // a line comment ends at any newline: LF, CR or CR LF
                while (pos < source.length() && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '(' && peek(1) == ';') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < source.length() ? source.charAt(i) : '\0';
    }

    /** A block comment; block comments nest. */
    private void blockComment() {
        int startLine = line;
        int startColumn = column();
        int depth = 0;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '(' && peek(1) == ';') {
                depth++;
                pos += 2;
            } else if (c == ';' && peek(1) == ')') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else if (c == '\n') {
                newline();
            } else {
                pos++;
            }
        }
        throw TextErrors.at(startLine, startColumn, "unclosed comment");
    }

    /** A string literal; returns the bytes it denotes (characters as UTF-8, escapes decoded). */
    private byte[] string() {
        int startLine = line;
        int startColumn = column();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pos++; // opening quote
        while (true) {
            if (pos >= source.length()) {
                throw TextErrors.at(startLine, startColumn, "unclosed string");
            }
            char c = source.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toByteArray();
            }
            if (c == '\n' || c < 0x20 || c == 0x7F) {
                throw TextErrors.at(line, column(), "illegal character in string");
            }
            if (c == '\\') {
                escape(out);
                continue;
            }
            int cp = source.codePointAt(pos);
            if (Character.isSurrogate(c) && Character.charCount(cp) == 1) {
                throw TextErrors.at(line, column(), "malformed UTF-8 encoding");
            }
            pos += Character.charCount(cp);
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void escape(ByteArrayOutputStream out) {
        int escLine = line;
        int escColumn = column();
        char c = peek(1);
        pos += 2;
        switch (c) {
            case 't' -> out.write('\t');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case '"' -> out.write('"');
            case '\'' -> out.write('\'');
            case '\\' -> out.write('\\');
            case 'u' -> unicodeEscape(out, escLine, escColumn);
            default -> {
                int hi = Character.digit(c, 16);
                int lo = Character.digit(peek(0), 16);
                if (hi < 0 || lo < 0) {
                    throw TextErrors.at(escLine, escColumn, "illegal escape");
                }
                pos++;
                out.write(hi << 4 | lo);
            }
        }
    }

    /** {@code \\u{hexnum}}: a Unicode scalar value, written as UTF-8. */
    private void unicodeEscape(ByteArrayOutputStream out, int escLine, int escColumn) {
        if (peek(0) != '{') {
            throw TextErrors.at(escLine, escColumn, "illegal escape");
        }
        pos++;
        int digitsStart = pos;
        while (pos < source.length() && (Character.digit(source.charAt(pos), 16) >= 0 || source.charAt(pos) == '_')) {
            pos++;
        }
        String digits = source.substring(digitsStart, pos);
        if (peek(0) != '}' || !NumberLiterals.wellFormedDigits(digits, 16)) {
            throw TextErrors.at(escLine, escColumn, "illegal escape");
        }
        pos++;
        java.math.BigInteger value = new java.math.BigInteger(digits.replace("_", ""), 16);
        if (value.compareTo(java.math.BigInteger.valueOf(0x10FFFF)) > 0
                || (value.intValue() >= 0xD800 && value.intValue() < 0xE000)) {
            throw TextErrors.at(escLine, escColumn, "illegal escape: not a Unicode scalar value");
        }
        out.writeBytes(new String(Character.toChars(value.intValue())).getBytes(StandardCharsets.UTF_8));
    }

    /** The idchars of the spec: printable ASCII except space, quotes, comma, semicolon, brackets, parens. */
    static boolean isIdChar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
    }

    private static String printable(char c) {
        return c < 0x20 || c >= 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
