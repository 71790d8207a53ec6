package io.wasmspring.engine.text;

import io.wasmspring.engine.ValueType;

/** The type syntax of the text format: value types, reference types, limits, table and global types. */
final class TypeSyntax {

    private TypeSyntax() {
    }

    static ValueType valueType(Token t) {
        switch (t.text()) {
            case "i32": return ValueType.I32;
            case "i64": return ValueType.I64;
            case "f32": return ValueType.F32;
            case "f64": return ValueType.F64;
            case "v128": return ValueType.V128;
            case "funcref": return ValueType.FUNCREF;
            case "externref": return ValueType.EXTERNREF;
            default:
                if (t.isKeyword() && Instructions.opcode(t.text()) == null) {
                    throw t.error("unknown operator " + t.text() + ", expected a value type");
                }
                throw t.error("unexpected token " + t.text() + ", expected a value type");
        }
    }

    static ValueType refType(Token t) {
        ValueType type = valueType(t);
        if (!type.isReference()) {
            throw t.error("unexpected token " + t.text() + ", expected a reference type");
        }
        return type;
    }

    /** {@code min max?}: flag 0 or 1, then the u32 bounds. */
    static void limits(Cursor c, ByteWriter w) {
        long min = c.nextU32();
        if (c.peekToken() != null && c.peekToken().isNumberLike()) {
            long max = c.nextU32();
            w.u8(0x01);
            w.u32(min);
            w.u32(max);
        } else {
            w.u8(0x00);
            w.u32(min);
        }
    }

    /** {@code limits reftype}, encoded reftype first. */
    static void tableType(Cursor c, ByteWriter w) {
        ByteWriter l = new ByteWriter();
        limits(c, l);
        w.u8(refType(c.nextAtom()).code());
        w.append(l);
    }

    /** {@code valtype} or {@code (mut valtype)}. */
    static void globalType(Cursor c, ByteWriter w) {
        if (c.peekList("mut")) {
            Cursor m = c.nextList().body();
            w.u8(valueType(m.nextAtom()).code());
            m.expectEnd();
            w.u8(0x01);
        } else {
            w.u8(valueType(c.nextAtom()).code());
            w.u8(0x00);
        }
    }
}
