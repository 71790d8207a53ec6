package io.wasmspring.engine.text;

import io.wasmspring.engine.MalformedModuleException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads the items of one {@link SExpr.ListExpr} left to right, with the checks every field needs. */
public final class Cursor {

    private final SExpr.ListExpr list;
    private int pos;

    Cursor(SExpr.ListExpr list, int pos) {
        this.list = list;
        this.pos = pos;
    }

    public boolean atEnd() {
        return pos >= list.items().size();
    }

    public SExpr peek() {
        return atEnd() ? null : list.items().get(pos);
    }

    /** The item after the next one, or null. */
    public SExpr peek2() {
        return pos + 1 < list.items().size() ? list.items().get(pos + 1) : null;
    }

    /** The item {@code ahead} positions after the next one (0 = the next one), or null. */
    public SExpr peekAt(int ahead) {
        return pos + ahead < list.items().size() ? list.items().get(pos + ahead) : null;
    }

    public SExpr next() {
        if (atEnd()) {
            throw error("unexpected token: missing item");
        }
        return list.items().get(pos++);
    }

    /** The next item's token when it is an atom or string, else null. */
    public Token peekToken() {
        return peek() instanceof SExpr.Atom a ? a.token() : null;
    }

    public boolean peekKeyword(String keyword) {
        Token t = peekToken();
        return t != null && t.isKeyword(keyword);
    }

    /** True when the next item is a list starting with {@code keyword}. */
    public boolean peekList(String keyword) {
        return peek() instanceof SExpr.ListExpr l && l.is(keyword);
    }

    public boolean peekList() {
        return peek() instanceof SExpr.ListExpr;
    }

    public boolean peekId() {
        Token t = peekToken();
        return t != null && t.isId();
    }

    public boolean peekString() {
        Token t = peekToken();
        return t != null && t.kind() == Token.Kind.STRING;
    }

    /** True when the next item is an index: an identifier or an unsigned number. */
    public boolean peekIndex() {
        Token t = peekToken();
        return t != null && (t.isId() || t.isNumberLike() && !t.text().startsWith("-") && !t.text().startsWith("+"));
    }

    public SExpr.ListExpr nextList() {
        SExpr e = next();
        if (e instanceof SExpr.ListExpr l) {
            return l;
        }
        throw e.error("unexpected token " + describe(e));
    }

    public SExpr.ListExpr nextList(String keyword) {
        SExpr.ListExpr l = nextList();
        if (!l.is(keyword)) {
            throw l.error("unexpected token: expected (" + keyword + " ...)");
        }
        return l;
    }

    public Token nextAtom() {
        SExpr e = next();
        if (e instanceof SExpr.Atom a) {
            return a.token();
        }
        throw e.error("unexpected token: expected an atom, found a list");
    }

    public Token nextKeyword() {
        Token t = nextAtom();
        if (!t.isKeyword()) {
            throw t.error("unexpected token " + t.text());
        }
        return t;
    }

    public void expectKeyword(String keyword) {
        Token t = nextAtom();
        if (!t.isKeyword(keyword)) {
            throw t.error("unexpected token " + t.text() + ", expected " + keyword);
        }
    }

    /** Consumes and returns an identifier if one comes next, else returns null. */
    public String optionalId() {
        return peekId() ? nextAtom().text() : null;
    }

    public Token nextString() {
        Token t = nextAtom();
        if (t.kind() != Token.Kind.STRING) {
            throw t.error("unexpected token " + t.text() + ", expected a string");
        }
        return t;
    }

    /** A string that must be valid UTF-8 (names of imports, exports, script functions). */
    public String nextName() {
        Token t = nextString();
        return utf8(t);
    }

    static String utf8(Token t) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(t.bytes())).toString();
        } catch (CharacterCodingException e) {
            throw t.error("malformed UTF-8 encoding");
        }
    }

    /** An unsigned 32-bit number. */
    public long nextU32() {
        Token t = nextAtom();
        return NumberLiterals.parseU32(t);
    }

    /** Fails unless every item was consumed. */
    public void expectEnd() {
        if (!atEnd()) {
            SExpr e = peek();
            throw e.error("unexpected token " + describe(e));
        }
    }

    /** An error located at the next item, or at the closing parenthesis at the end. */
    public MalformedModuleException error(String message) {
        return atEnd() ? list.close().error(message) : peek().error(message);
    }

    public SExpr.ListExpr list() {
        return list;
    }

    static String describe(SExpr e) {
        if (e instanceof SExpr.Atom a) {
            return a.token().text();
        }
        String head = ((SExpr.ListExpr) e).head();
        return head == null ? "(...)" : "(" + head + " ...)";
    }
}
