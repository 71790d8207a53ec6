package io.wasmspring.engine.text;

/**
 * A {@code v128.const} operand in the text format: a shape ({@code i8x16}, {@code i16x8},
 * {@code i32x4}, {@code i64x2}, {@code f32x4}, {@code f64x2}) and one literal per lane.
 */
public final class V128Literal {

    private V128Literal() {
    }

    /** Lanes of {@code shape}, or throws "unexpected token" for an unknown shape. */
    public static int laneCount(Token shape) {
        return switch (shape.text()) {
            case "i8x16" -> 16;
            case "i16x8" -> 8;
            case "i32x4", "f32x4" -> 4;
            case "i64x2", "f64x2" -> 2;
            default -> throw shape.error("unexpected token " + shape.text() + ", expected a vector shape");
        };
    }

    /** The bits of one lane literal, zero-extended to a long. */
    public static long lane(Token shape, Token literal) {
        String s = shape.text();
        if (s.startsWith("f32")) {
            return NumberLiterals.parseF32(literal) & 0xFFFF_FFFFL;
        }
        if (s.startsWith("f64")) {
            return NumberLiterals.parseF64(literal);
        }
        return NumberLiterals.parseInteger(literal, 128 / laneCount(shape));
    }

    /** Reads {@code shape lane*} from {@code c} (to its end); returns the low and high 64 bits. */
    public static long[] parse(Cursor c) {
        Token shape = c.nextAtom();
        int lanes = laneCount(shape);
        int laneBits = 128 / lanes;
        int written = 0;
        while (isLaneLiteral(c.peekAt(written))) {
            written++;
        }
        if (written != lanes) {
            throw c.error("wrong number of lane literals: " + shape.text() + " needs " + lanes + ", found " + written);
        }
        long[] halves = new long[2];
        for (int i = 0; i < lanes; i++) {
            if (!isLaneLiteral(c.peekToken())) {
                throw c.error("wrong number of lane literals");
            }
            long bits = lane(shape, c.nextAtom());
            int bit = i * laneBits;
            halves[bit / 64] |= bits << (bit % 64);
        }
        if (isLaneLiteral(c.peekToken())) {
            throw c.error("wrong number of lane literals");
        }
        return halves;
    }

    /** Numbers, and the float keywords inf and nan..., can be lanes; anything else ends the list. */
    private static boolean isLaneLiteral(SExpr e) {
        return e instanceof SExpr.Atom a && isLaneLiteral(a.token());
    }

    private static boolean isLaneLiteral(Token t) {
        return t != null && (t.isNumberLike() || t.isKeyword() && (t.text().startsWith("nan") || t.text().startsWith("inf")));
    }
}
