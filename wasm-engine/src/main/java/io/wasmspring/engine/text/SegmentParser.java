package io.wasmspring.engine.text;

import io.wasmspring.engine.ValueType;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Element and data segments of the text format in all their forms (spec sections "Element
 * Segments" and "Data Segments"), and the binary encoding each form maps to.
 */
final class SegmentParser {

    private final ModuleParser module;
    private final ModuleEncoder out;

    SegmentParser(ModuleParser module, ModuleEncoder out) {
        this.module = module;
        this.out = out;
    }

    /** How a segment is used: copied at instantiation, by instructions, or only declared. */
    enum Mode { ACTIVE, PASSIVE, DECLARATIVE }

    /** All forms of {@code elem}: active (with table and offset), passive, declarative; index or expression lists. */
    void elem(Cursor c) {
        c.optionalId();
        Mode mode = Mode.PASSIVE;
        long table = 0;
        ByteWriter offset = null;
        if (c.peekKeyword("declare")) {
            c.next();
            mode = Mode.DECLARATIVE;
        } else {
            if (c.peekList("table")) {
                Cursor t = c.nextList().body();
                table = module.tables.resolve(t.nextAtom());
                t.expectEnd();
                mode = Mode.ACTIVE;
            } else if (c.peekIndex() && c.peek2() instanceof SExpr.ListExpr) {
                // the 1.0 form (elem x (offset ...) ...) with a bare table index
                table = module.tables.resolve(c.nextAtom());
                mode = Mode.ACTIVE;
            }
            if (c.peekList("offset")) {
                offset = constant(c.nextList().body());
                mode = Mode.ACTIVE;
            } else if (c.peekList() && !c.peekList("item")) {
                offset = new ByteWriter();
                Cursor single = new Cursor(new SExpr.ListExpr(c.list().open(), List.of(c.next()), c.list().close()), 0);
                new InstructionParser(module, null, offset).expression(single);
                mode = Mode.ACTIVE;
            } else if (mode == Mode.ACTIVE) {
                throw c.error("unexpected token: expected an offset");
            }
        }
        ValueType type = ValueType.FUNCREF;
        ByteWriter items = new ByteWriter();
        boolean expressions;
        int count;
        if (c.peekKeyword("func")) {
            c.next();
            expressions = false;
            count = functionIndices(c, items);
        } else if (c.peekToken() != null && c.peekToken().isKeyword()) {
            type = TypeSyntax.refType(c.nextAtom());
            expressions = true;
            count = elementExpressions(c, items);
        } else {
            expressions = false;
            count = functionIndices(c, items);
        }
        writeElem(mode, table, offset, type, expressions, count, items);
    }

    void writeElem(Mode mode, long table, ByteWriter offset, ValueType type, boolean expressions,
                           int count, ByteWriter items) {
        ByteWriter w = out.elements.add();
        int flags = (expressions ? 4 : 0) + switch (mode) {
            case ACTIVE -> table == 0 && type == ValueType.FUNCREF ? 0 : 2;
            case PASSIVE -> 1;
            case DECLARATIVE -> 3;
        };
        w.u8(flags);
        if (mode == Mode.ACTIVE) {
            if ((flags & 2) != 0) {
                w.u32(table);
            }
            w.append(offset);
        }
        if ((flags & 3) != 0) {
            w.u8(expressions ? type.code() : 0x00);
        }
        w.u32(count);
        w.append(items);
    }

    /** {@code funcidx*} up to the end; written as u32s; returns the count. */
    int functionIndices(Cursor c, ByteWriter items) {
        int count = 0;
        while (!c.atEnd()) {
            items.u32(module.funcs.resolve(c.nextAtom()));
            count++;
        }
        return count;
    }

    /** {@code (item instr*)} or single folded instructions, up to the end; returns the count. */
    int elementExpressions(Cursor c, ByteWriter items) {
        int count = 0;
        while (!c.atEnd()) {
            SExpr.ListExpr e = c.nextList();
            if (e.is("item")) {
                new InstructionParser(module, null, items).expression(e.body());
            } else {
                Cursor single = new Cursor(new SExpr.ListExpr(e.open(), List.of(e), e.close()), 0);
                new InstructionParser(module, null, items).expression(single);
            }
            count++;
        }
        return count;
    }

    /** Active ({@code (memory x)?} offset) or passive data segments. */
    void data(Cursor c) {
        c.optionalId();
        long memory = 0;
        ByteWriter offset = null;
        if (c.peekList("memory")) {
            Cursor m = c.nextList().body();
            memory = module.memories.resolve(m.nextAtom());
            m.expectEnd();
            if (!c.peekList()) {
                throw c.error("unexpected token: expected an offset");
            }
        } else if (c.peekIndex() && c.peek2() instanceof SExpr.ListExpr) {
            // the 1.0 form (data x (offset ...) ...) with a bare memory index
            memory = module.memories.resolve(c.nextAtom());
        }
        if (c.peekList("offset")) {
            offset = constant(c.nextList().body());
        } else if (c.peekList()) {
            offset = new ByteWriter();
            Cursor single = new Cursor(new SExpr.ListExpr(c.list().open(), List.of(c.next()), c.list().close()), 0);
            new InstructionParser(module, null, offset).expression(single);
        }
        byte[] bytes = dataStrings(c);
        ByteWriter w = out.datas.add();
        if (offset == null) {
            w.u8(0x01);
        } else if (memory == 0) {
            w.u8(0x00);
            w.append(offset);
        } else {
            w.u8(0x02);
            w.u32(memory);
            w.append(offset);
        }
        w.byteVector(bytes);
    }

    private ByteWriter constant(Cursor c) {
        ByteWriter w = new ByteWriter();
        new InstructionParser(module, null, w).expression(c);
        return w;
    }

    static byte[] dataStrings(Cursor c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!c.atEnd()) {
            bytes.writeBytes(c.nextString().bytes());
        }
        return bytes.toByteArray();
    }
}
