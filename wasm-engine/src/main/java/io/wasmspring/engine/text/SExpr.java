package io.wasmspring.engine.text;

import io.wasmspring.engine.MalformedModuleException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text format as a tree of s-expressions: an {@link Atom} (one non-parenthesis token) or a
 * parenthesised {@link ListExpr}. Both the module parser and the script parser walk this tree.
 */
public sealed interface SExpr {

    /** The first token of this expression, for positions in messages. */
    Token first();

    /** A text-format error located at this expression. */
    default MalformedModuleException error(String message) {
        return first().error(message);
    }

    /** A single token: string or atom. */
    record Atom(Token token) implements SExpr {
        @Override
        public Token first() {
            return token;
        }
    }

    /**
     * {@code ( items... )}.
     *
     * @param open  the opening parenthesis
     * @param close the closing parenthesis
     */
    record ListExpr(Token open, List<SExpr> items, Token close) implements SExpr {
        @Override
        public Token first() {
            return open;
        }

        /** The keyword the list starts with, or {@code null}. */
        public String head() {
            if (!items.isEmpty() && items.get(0) instanceof Atom a && a.token().isKeyword()) {
                return a.token().text();
            }
            return null;
        }

        /** True when the list starts with keyword {@code keyword}. */
        public boolean is(String keyword) {
            return keyword.equals(head());
        }

        /** A cursor over the items after the head keyword. */
        public Cursor body() {
            return new Cursor(this, 1);
        }

        /** A cursor over all items. */
        public Cursor all() {
            return new Cursor(this, 0);
        }
    }

    /** Reads all top-level s-expressions of {@code source}. */
    public static List<SExpr> parseAll(String source) {
        List<Token> tokens = Lexer.tokenize(source);
        List<SExpr> result = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < tokens.size()) {
            result.add(read(tokens, pos));
        }
        return result;
    }

    private static SExpr read(List<Token> tokens, int[] pos) {
        Token t = tokens.get(pos[0]++);
        switch (t.kind()) {
            case RPAREN:
                throw t.error("unexpected token: unbalanced ')'");
            case LPAREN: {
                List<SExpr> items = new ArrayList<>();
                while (true) {
                    if (pos[0] >= tokens.size()) {
                        throw t.error("unexpected end of input: unclosed '('");
                    }
                    Token next = tokens.get(pos[0]);
                    if (next.kind() == Token.Kind.RPAREN) {
                        pos[0]++;
                        return new ListExpr(t, items, next);
                    }
                    items.add(read(tokens, pos));
                }
            }
            default:
                return new Atom(t);
        }
    }
}
