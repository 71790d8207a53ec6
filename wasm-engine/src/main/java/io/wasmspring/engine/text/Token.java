package io.wasmspring.engine.text;

import io.wasmspring.engine.MalformedModuleException;

/**
 * One token of the text format: a parenthesis, a string, or an "atom" (a maximal run of idchars:
 * keyword, identifier, number or reserved word).
 *
 * @param kind   what kind of token
 * @param text   the source text of the token (for strings, including the quotes)
 * @param bytes  for strings, the bytes the string denotes; otherwise {@code null}
 * @param line   1-based line
 * @param column 1-based column
 * @param start  offset of the first character in the source
 * @param end    offset just past the last character
 */
public record Token(Kind kind, String text, byte[] bytes, int line, int column, int start, int end) {

    /** The lexical classes the parser distinguishes. */
    public enum Kind { LPAREN, RPAREN, STRING, ATOM }

    /** An identifier {@code $name}. */
    public boolean isId() {
        return kind == Kind.ATOM && text.startsWith("$");
    }

    /** A keyword: an atom that starts with a lowercase letter. */
    public boolean isKeyword() {
        return kind == Kind.ATOM && !text.isEmpty() && text.charAt(0) >= 'a' && text.charAt(0) <= 'z';
    }

    /** True when this token is the keyword {@code keyword}. */
    public boolean isKeyword(String keyword) {
        return kind == Kind.ATOM && text.equals(keyword);
    }

    /** A token that may be a number: an atom that is neither keyword nor identifier. */
    public boolean isNumberLike() {
        return kind == Kind.ATOM && !isId() && !isKeyword();
    }

    /** "line:column" for messages. */
    public String location() {
        return line + ":" + column;
    }

    /** A text-format error located at this token. */
    public MalformedModuleException error(String message) {
        return TextErrors.at(line, column, message);
    }
}
