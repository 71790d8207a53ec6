package io.wasmspring.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.MalformedModuleException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    @Test
    void splitsParenthesesAtomsAndStringsWithPositions() {
        List<Token> tokens = Lexer.tokenize("(func $f\n  (i32.const -0x1_0) \"s\")");
        assertThat(tokens).extracting(Token::text)
                .containsExactly("(", "func", "$f", "(", "i32.const", "-0x1_0", ")", "\"s\"", ")");
        assertThat(tokens.get(3).line()).isEqualTo(2);
        assertThat(tokens.get(3).column()).isEqualTo(3);
        assertThat(tokens.get(2).isId()).isTrue();
        assertThat(tokens.get(1).isKeyword("func")).isTrue();
        assertThat(tokens.get(5).isNumberLike()).isTrue();
    }

    @Test
    void decodesEveryStringEscape() {
        Token t = Lexer.tokenize("\"\\t\\n\\r\\\"\\'\\\\\\41\\u{1F600}é\"").get(0);
        byte[] expected = ("\t\n\r\"'\\A" + new String(Character.toChars(0x1F600)) + "é").getBytes(StandardCharsets.UTF_8);
        assertThat(t.kind()).isEqualTo(Token.Kind.STRING);
        assertThat(t.bytes()).isEqualTo(expected);
    }

    @Test
    void hexEscapesMayProduceBytesThatAreNotUtf8() {
        assertThat(Lexer.tokenize("\"\\80\\ff\"").get(0).bytes()).containsExactly((byte) 0x80, (byte) 0xFF);
    }

    @Test
    void skipsLineAndNestedBlockComments() {
        List<Token> tokens = Lexer.tokenize("a ;; comment ( \n(; outer (; inner ;) still ;) b;;x\nc");
        assertThat(tokens).extracting(Token::text).containsExactly("a", "b", "c");
        assertThat(tokens.get(2).line()).isEqualTo(3);
    }

    @Test
    void rejectsAStringGluedToAnAtom() {
        assertThatThrownBy(() -> Lexer.tokenize("(data $l\"a\")"))
                .isInstanceOf(MalformedModuleException.class).hasMessageContaining("unknown operator")
                .hasMessageContaining("1:7");
        assertThatThrownBy(() -> Lexer.tokenize("\"a\"\"b\""))
                .isInstanceOf(MalformedModuleException.class).hasMessageContaining("unknown operator");
    }

    @Test
    void rejectsMalformedTokens() {
        assertThatThrownBy(() -> Lexer.tokenize("\"open")).hasMessageContaining("unclosed string");
        assertThatThrownBy(() -> Lexer.tokenize("(; open")).hasMessageContaining("unclosed comment");
        assertThatThrownBy(() -> Lexer.tokenize("\"\\q\"")).hasMessageContaining("illegal escape");
        assertThatThrownBy(() -> Lexer.tokenize("\"\\u{D800}\"")).hasMessageContaining("illegal escape");
        assertThatThrownBy(() -> Lexer.tokenize("a , b")).hasMessageContaining("1:3");
        assertThatThrownBy(() -> Lexer.tokenize("$")).hasMessageContaining("unknown operator");
        assertThatThrownBy(() -> Lexer.tokenize("\"tab\tinside\"")).hasMessageContaining("illegal character");
    }

    @Test
    void buildsNestedListsAndRejectsUnbalancedParentheses() {
        List<SExpr> top = SExpr.parseAll("(a (b c)) d");
        assertThat(top).hasSize(2);
        SExpr.ListExpr a = (SExpr.ListExpr) top.get(0);
        assertThat(a.head()).isEqualTo("a");
        assertThat(((SExpr.ListExpr) a.items().get(1)).is("b")).isTrue();
        assertThatThrownBy(() -> SExpr.parseAll("(a")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> SExpr.parseAll("a)")).hasMessageContaining("unexpected token");
    }

    @Test
    void lineCommentsEndAtAnyNewline() {
        assertThat(Lexer.tokenize("a ;; x\rb ;; y\r\nc ;; z\nd")).extracting(Token::text).containsExactly("a", "b", "c", "d");
        assertThat(Lexer.tokenize("a\r\nb").get(1).line()).isEqualTo(2);
    }
}
