package io.wasmspring.engine.text;

import io.wasmspring.engine.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Parses the fields of a text-format module (spec section "Modules" of the text format) into a
 * {@link ModuleEncoder}. Two passes: the first binds every definition's identifier in its index
 * space (so references may point forward), the second parses the fields and encodes them.
 * Abbreviations (inline imports and exports, implicit type uses, inline element and data
 * segments) are expanded on the way.
 */
final class ModuleParser {

    final IndexSpace types = new IndexSpace("type", "type");
    final IndexSpace funcs = new IndexSpace("function", "func");
    final IndexSpace tables = new IndexSpace("table", "table");
    final IndexSpace memories = new IndexSpace("memory", "memory");
    final IndexSpace globals = new IndexSpace("global", "global");
    final IndexSpace elems = new IndexSpace("elem segment", "elem");
    final IndexSpace datas = new IndexSpace("data segment", "data");
    /** Set when memory.init or data.drop needs the data count section. */
    boolean usesDataCount;

    private final ModuleEncoder out = new ModuleEncoder();
    final TypeUses typeUses = new TypeUses(types, out.types);
    private final SegmentParser segments = new SegmentParser(this, out);
    private int funcIndex;
    private int tableIndex;
    private int memoryIndex;
    private int globalIndex;

    /** Local names of each defined function that binds any, by function index. */
    private final TreeMap<Integer, TreeMap<Integer, String>> localNames = new TreeMap<>();

    /** Encodes the module whose fields are {@code fields}; {@code moduleId} (may be null) names it. */
    static byte[] parse(List<SExpr> fields, String moduleId) {
        ModuleParser p = new ModuleParser();
        List<SExpr.ListExpr> lists = new ArrayList<>();
        for (SExpr f : fields) {
            if (!(f instanceof SExpr.ListExpr l)) {
                throw f.error("unexpected token " + Cursor.describe(f));
            }
            lists.add(l);
        }
        p.declare(lists);
        for (SExpr.ListExpr l : lists) {
            p.field(l);
        }
        p.out.names = NameSectionWriter.write(moduleId, p.funcs.names(), p.localNames);
        return p.out.encode(p.usesDataCount);
    }

    // ---- pass 1: identifiers and index spaces -------------------------------------------------

    private void declare(List<SExpr.ListExpr> fields) {
        String firstDefinition = null;
        for (SExpr.ListExpr l : fields) {
            String head = l.head();
            if (head == null) {
                throw l.error("unexpected token " + Cursor.describe(l));
            }
            Cursor c = l.body();
            switch (head) {
                case "type" -> {
                    String id = c.optionalId();
                    SExpr.ListExpr func = c.nextList("func");
                    Cursor fc = func.body();
                    TypeUse sig = TypeUses.signature(fc, true);
                    fc.expectEnd();
                    c.expectEnd();
                    types.define(id, l.open());
                    out.types.add(sig.sig());
                }
                case "import" -> {
                    c.nextName();
                    c.nextName();
                    SExpr.ListExpr desc = c.nextList();
                    IndexSpace space = spaceOf(desc);
                    if (firstDefinition != null) {
                        throw l.error("import after " + firstDefinition);
                    }
                    space.define(desc.body().optionalId(), desc.open());
                }
                case "func", "table", "memory", "global" -> {
                    String id = c.optionalId();
                    while (c.peekList("export")) {
                        c.next();
                    }
                    IndexSpace space = spaceOf(l);
                    if (c.peekList("import")) {
                        if (firstDefinition != null) {
                            throw l.error("import after " + firstDefinition);
                        }
                    } else {
                        if (firstDefinition == null) {
                            firstDefinition = head.equals("func") ? "function" : head;
                        }
                        if (head.equals("table") && c.peekToken() != null && c.peek2() instanceof SExpr.ListExpr e && e.is("elem")) {
                            elems.define(null, l.open());
                        }
                        if (head.equals("memory") && c.peekList("data")) {
                            datas.define(null, l.open());
                        }
                    }
                    space.define(id, l.open());
                }
                case "elem" -> elems.define(c.optionalId(), l.open());
                case "data" -> datas.define(c.optionalId(), l.open());
                case "export", "start" -> {
                }
                default -> throw l.error("unexpected token " + head + ", expected a module field");
            }
        }
    }

    private IndexSpace spaceOf(SExpr.ListExpr desc) {
        String kind = desc.head();
        if (kind == null) {
            throw desc.error("unexpected token " + Cursor.describe(desc));
        }
        return switch (kind) {
            case "func" -> funcs;
            case "table" -> tables;
            case "memory" -> memories;
            case "global" -> globals;
            default -> throw desc.error("unexpected token " + kind);
        };
    }

    // ---- pass 2: fields ------------------------------------------------------------------------

    private void field(SExpr.ListExpr l) {
        Cursor c = l.body();
        switch (l.head()) {
            case "type" -> {
            }
            case "import" -> importField(c);
            case "func" -> func(c);
            case "table" -> table(c);
            case "memory" -> memory(c);
            case "global" -> global(c);
            case "export" -> export(c);
            case "start" -> start(l, c);
            case "elem" -> segments.elem(c);
            case "data" -> segments.data(c);
            default -> throw l.error("unknown operator " + l.head());
        }
    }

    private void importField(Cursor c) {
        String module = c.nextName();
        String name = c.nextName();
        SExpr.ListExpr desc = c.nextList();
        c.expectEnd();
        Cursor d = desc.body();
        d.optionalId();
        importDescription(module, name, desc.head(), d);
        d.expectEnd();
    }

    /** Writes one import entry; {@code d} is positioned at the description's type. */
    private void importDescription(String module, String name, String kind, Cursor d) {
        ByteWriter w = new ByteWriter();
        w.name(module);
        w.name(name);
        switch (kind) {
            case "func" -> {
                w.u8(0x00);
                w.u32(typeUses.typeIndex(typeUses.typeUse(d, true)));
                funcIndex++;
            }
            case "table" -> {
                w.u8(0x01);
                TypeSyntax.tableType(d, w);
                tableIndex++;
            }
            case "memory" -> {
                w.u8(0x02);
                TypeSyntax.limits(d, w);
                memoryIndex++;
            }
            case "global" -> {
                w.u8(0x03);
                TypeSyntax.globalType(d, w);
                globalIndex++;
            }
            default -> throw d.error("unexpected token " + kind);
        }
        out.imports.add().append(w);
    }

    /** Inline {@code (export "name")} clauses of a definition of {@code kind} at {@code index}. */
    private void inlineExports(Cursor c, int kind, int index) {
        while (c.peekList("export")) {
            Cursor e = c.nextList().body();
            String name = e.nextName();
            e.expectEnd();
            ByteWriter w = out.exports.add();
            w.name(name);
            w.u8(kind);
            w.u32(index);
        }
    }

    /** An inline {@code (import "m" "n")}: returns true and writes the import when present. */
    private boolean inlineImport(Cursor c, String kind) {
        if (!c.peekList("import")) {
            return false;
        }
        Cursor i = c.nextList().body();
        String module = i.nextName();
        String name = i.nextName();
        i.expectEnd();
        importDescription(module, name, kind, c);
        c.expectEnd();
        return true;
    }

    private void func(Cursor c) {
        c.optionalId();
        inlineExports(c, 0x00, funcIndex);
        if (inlineImport(c, "func")) {
            return;
        }
        TypeUse use = typeUses.typeUse(c, true);
        out.functions.add().u32(typeUses.typeIndex(use));
        IndexSpace locals = new IndexSpace("local", "local");
        for (String id : use.paramIds()) {
            locals.define(id, c.list().open());
        }
        List<ValueType> localTypes = new ArrayList<>();
        while (c.peekList("local")) {
            SExpr.ListExpr l = c.nextList();
            Cursor lc = l.body();
            String id = lc.optionalId();
            if (id != null) {
                localTypes.add(TypeSyntax.valueType(lc.nextAtom()));
                lc.expectEnd();
                locals.define(id, l.open());
            } else {
                while (!lc.atEnd()) {
                    localTypes.add(TypeSyntax.valueType(lc.nextAtom()));
                    locals.define(null, l.open());
                }
            }
        }
        if (!locals.names().isEmpty()) {
            localNames.put(funcIndex, locals.names());
        }
        ByteWriter body = new ByteWriter();
        writeLocals(body, localTypes);
        new InstructionParser(this, locals, body).expression(c);
        ByteWriter code = out.codes.add();
        code.u32(body.size());
        code.append(body);
        funcIndex++;
    }

    /** Locals as runs of equal types: (count, type) pairs. */
    private static void writeLocals(ByteWriter w, List<ValueType> types) {
        List<long[]> runs = new ArrayList<>();
        for (ValueType t : types) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == t.code()) {
                runs.get(runs.size() - 1)[0]++;
            } else {
                runs.add(new long[] {1, t.code()});
            }
        }
        w.u32(runs.size());
        for (long[] run : runs) {
            w.u32(run[0]);
            w.u8((int) run[1]);
        }
    }

    private void table(Cursor c) {
        c.optionalId();
        inlineExports(c, 0x01, tableIndex);
        if (inlineImport(c, "table")) {
            return;
        }
        if (c.peekToken() != null && c.peek2() instanceof SExpr.ListExpr e && e.is("elem")) {
            // (table reftype (elem ...)): limits from the element count, plus an active segment at 0
            ValueType type = TypeSyntax.refType(c.nextAtom());
            Cursor ec = c.nextList().body();
            c.expectEnd();
            ByteWriter items = new ByteWriter();
            int count;
            boolean expressions = !ec.atEnd() && ec.peekList();
            if (expressions) {
                count = segments.elementExpressions(ec, items);
            } else {
                count = segments.functionIndices(ec, items);
            }
            ByteWriter t = out.tables.add();
            t.u8(type.code());
            t.u8(0x01);
            t.u32(count);
            t.u32(count);
            ByteWriter offset = new ByteWriter();
            offset.u8(0x41);
            offset.u8(0x00);
            offset.u8(0x0B);
            segments.writeElem(SegmentParser.Mode.ACTIVE, tableIndex, offset, type, expressions, count, items);
        } else {
            TypeSyntax.tableType(c, out.tables.add());
            c.expectEnd();
        }
        tableIndex++;
    }

    private void memory(Cursor c) {
        c.optionalId();
        inlineExports(c, 0x02, memoryIndex);
        if (inlineImport(c, "memory")) {
            return;
        }
        if (c.peekList("data")) {
            byte[] bytes = SegmentParser.dataStrings(c.nextList().body());
            c.expectEnd();
            long pages = (bytes.length + 65535L) / 65536;
            ByteWriter m = out.memories.add();
            m.u8(0x01);
            m.u32(pages);
            m.u32(pages);
            ByteWriter d = out.datas.add();
            if (memoryIndex == 0) {
                d.u8(0x00);
            } else {
                d.u8(0x02);
                d.u32(memoryIndex);
            }
            d.bytes(new byte[] {0x41, 0x00, 0x0B});
            d.byteVector(bytes);
        } else {
            TypeSyntax.limits(c, out.memories.add());
            c.expectEnd();
        }
        memoryIndex++;
    }

    private void global(Cursor c) {
        c.optionalId();
        inlineExports(c, 0x03, globalIndex);
        if (inlineImport(c, "global")) {
            return;
        }
        ByteWriter g = out.globals.add();
        TypeSyntax.globalType(c, g);
        new InstructionParser(this, null, g).expression(c);
        globalIndex++;
    }

    private void export(Cursor c) {
        String name = c.nextName();
        SExpr.ListExpr desc = c.nextList();
        c.expectEnd();
        Cursor d = desc.body();
        String kind = desc.head();
        IndexSpace space = spaceOf(desc);
        long index = space.resolve(d.nextAtom());
        d.expectEnd();
        ByteWriter w = out.exports.add();
        w.name(name);
        w.u8(switch (kind) {
            case "func" -> 0x00;
            case "table" -> 0x01;
            case "memory" -> 0x02;
            default -> 0x03;
        });
        w.u32(index);
    }

    private void start(SExpr.ListExpr l, Cursor c) {
        if (out.start >= 0) {
            throw l.error("multiple start sections");
        }
        out.start = funcs.resolve(c.nextAtom());
        c.expectEnd();
    }
}
