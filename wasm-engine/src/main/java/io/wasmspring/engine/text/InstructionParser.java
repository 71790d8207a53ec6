package io.wasmspring.engine.text;

import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Parses instructions, plain ({@code block ... end}) and folded ({@code (i32.add (a) (b))}), and
 * writes their binary encoding (spec section "Instructions" of the text format). Symbolic
 * references resolve through the module's index spaces, the function's locals and the labels
 * of the enclosing blocks. Types are not checked here; the validator does that.
 */
final class InstructionParser {

    private static final Set<String> NOT_INSTRUCTIONS = Set.of(
            "param", "result", "local", "type", "then", "else", "end", "export", "import", "item", "offset");

    private final ModuleParser module;
    private final IndexSpace locals;
    private final ByteWriter out;
    /** Labels of the enclosing blocks, innermost last; null for a block without identifier. */
    private final List<String> labels = new ArrayList<>();

    InstructionParser(ModuleParser module, IndexSpace locals, ByteWriter out) {
        this.module = module;
        this.locals = locals;
        this.out = out;
    }

    /** A block opened by plain {@code block}, {@code loop} or {@code if}, waiting for its {@code end}. */
    private static final class OpenBlock {
        final Token opener;
        final String label;
        boolean elseSeen;

        OpenBlock(Token opener, String label) {
            this.opener = opener;
            this.label = label;
        }
    }

    /**
     * All remaining items of {@code c} as an instruction sequence. Plain blocks are tracked on an
     * explicit stack rather than by recursion, so deeply nested plain code parses on any stack.
     */
    void instructions(Cursor c) {
        Deque<OpenBlock> open = new ArrayDeque<>();
        while (!c.atEnd()) {
            if (c.peekList()) {
                folded(c.nextList());
                continue;
            }
            Token t = c.nextAtom();
            if (!t.isKeyword()) {
                throw t.error((t.isNumberLike() ? "unknown operator " : "unexpected token ") + t.text());
            }
            switch (t.text()) {
                case "block", "loop", "if" -> {
                    String label = c.optionalId();
                    out.u8(switch (t.text()) {
                        case "block" -> Opcodes.BLOCK;
                        case "loop" -> Opcodes.LOOP;
                        default -> Opcodes.IF;
                    });
                    blockType(c);
                    labels.add(label);
                    open.push(new OpenBlock(t, label));
                }
                case "else" -> {
                    OpenBlock block = open.peek();
                    if (block == null || !block.opener.text().equals("if") || block.elseSeen) {
                        throw t.error("unexpected token else");
                    }
                    endLabel(c, block.label);
                    block.elseSeen = true;
                    out.u8(Opcodes.ELSE);
                }
                case "end" -> {
                    OpenBlock block = open.poll();
                    if (block == null) {
                        throw t.error("unexpected token end");
                    }
                    endLabel(c, block.label);
                    labels.remove(labels.size() - 1);
                    out.u8(Opcodes.END);
                }
                default -> operator(t, c, out);
            }
        }
        if (!open.isEmpty()) {
            throw open.peek().opener.error("unexpected token: missing end of " + open.peek().opener.text());
        }
    }

    /** An expression: instructions then {@code end}. */
    void expression(Cursor c) {
        instructions(c);
        out.u8(Opcodes.END);
    }

    /** The optional identifier after {@code end} or {@code else} must repeat the block's label. */
    private void endLabel(Cursor c, String label) {
        Token id = c.peekId() ? c.nextAtom() : null;
        if (id != null && !id.text().equals(label)) {
            throw id.error("mismatching label " + id.text());
        }
    }

    private void folded(SExpr.ListExpr l) {
        String name = l.head();
        if (name == null) {
            throw l.error("unexpected token " + Cursor.describe(l));
        }
        Token head = l.items().get(0).first();
        Cursor c = l.body();
        switch (name) {
            case "block", "loop" -> {
                String label = c.optionalId();
                out.u8(name.equals("block") ? Opcodes.BLOCK : Opcodes.LOOP);
                blockType(c);
                labels.add(label);
                instructions(c);
                labels.remove(labels.size() - 1);
                out.u8(Opcodes.END);
            }
            case "if" -> foldedIf(c);
            default -> {
                if (NOT_INSTRUCTIONS.contains(name)) {
                    throw head.error("unexpected token " + name);
                }
                ByteWriter op = new ByteWriter();
                operator(head, c, op);
                while (!c.atEnd()) {
                    if (!c.peekList()) {
                        throw c.peek().error("unexpected token " + Cursor.describe(c.peek()));
                    }
                    folded(c.nextList());
                }
                out.append(op);
            }
        }
    }

    /** {@code (if label? blocktype foldedinstr* (then instr*) (else instr*)?)}. */
    private void foldedIf(Cursor c) {
        String label = c.optionalId();
        ByteWriter type = new ByteWriter();
        blockType(c, type);
        while (c.peekList() && !c.peekList("then")) {
            folded(c.nextList());
        }
        SExpr.ListExpr then = c.nextList("then");
        out.u8(Opcodes.IF);
        out.append(type);
        labels.add(label);
        instructions(then.body());
        if (c.peekList("else")) {
            out.u8(Opcodes.ELSE);
            instructions(c.nextList("else").body());
        }
        c.expectEnd();
        labels.remove(labels.size() - 1);
        out.u8(Opcodes.END);
    }

    private void blockType(Cursor c) {
        blockType(c, out);
    }

    /** A block type: empty, one result type, or a type index (added to the type section if needed). */
    private void blockType(Cursor c, ByteWriter w) {
        TypeUse use = module.typeUses.typeUse(c, false);
        if (use.explicitIndex() < 0 && use.sig().params().isEmpty() && use.sig().results().size() <= 1) {
            w.u8(use.sig().results().isEmpty() ? 0x40 : use.sig().results().get(0).code());
        } else {
            w.s64(module.typeUses.typeIndex(use));
        }
    }

    /** A non-block instruction: opcode then immediates, written to {@code w}. */
    private void operator(Token t, Cursor c, ByteWriter w) {
        Integer opcode = Instructions.opcode(t.text());
        Integer simd = opcode == null ? SimdInstructions.opcode(t.text()) : null;
        if (simd != null) {
            vector(simd, c, w);
            return;
        }
        if (opcode == null) {
            if (t.text().equals("else") || t.text().equals("end") || t.text().equals("then")) {
                throw t.error("unexpected token " + t.text());
            }
            throw t.error("unknown operator " + t.text());
        }
        int op = opcode;
        if (op == Opcodes.SELECT) {
            select(c, w);
            return;
        }
        Instructions.write(w, op);
        switch (op) {
            case Opcodes.BR, Opcodes.BR_IF -> w.u32(label(c));
            case Opcodes.BR_TABLE -> {
                List<Long> targets = new ArrayList<>();
                while (c.peekIndex()) {
                    targets.add(label(c));
                }
                if (targets.isEmpty()) {
                    throw c.error("unexpected token: br_table needs a label");
                }
                w.u32(targets.size() - 1);
                targets.forEach(w::u32);
            }
            case Opcodes.CALL, Opcodes.REF_FUNC -> w.u32(module.funcs.resolve(c.nextAtom()));
            case Opcodes.CALL_INDIRECT -> {
                long table = c.peekIndex() ? module.tables.resolve(c.nextAtom()) : 0;
                TypeUse use = module.typeUses.typeUse(c, false);
                w.u32(module.typeUses.typeIndex(use));
                w.u32(table);
            }
            case Opcodes.LOCAL_GET, Opcodes.LOCAL_SET, Opcodes.LOCAL_TEE -> {
                Token x = c.nextAtom();
                if (locals == null) {
                    if (x.isId()) {
                        throw x.error("unknown local " + x.text());
                    }
                    w.u32(NumberLiterals.parseU32(x));
                } else {
                    w.u32(locals.resolve(x));
                }
            }
            case Opcodes.GLOBAL_GET, Opcodes.GLOBAL_SET -> w.u32(module.globals.resolve(c.nextAtom()));
            case Opcodes.TABLE_GET, Opcodes.TABLE_SET, Opcodes.TABLE_SIZE, Opcodes.TABLE_GROW, Opcodes.TABLE_FILL ->
                    w.u32(c.peekIndex() ? module.tables.resolve(c.nextAtom()) : 0);
            case Opcodes.MEMORY_SIZE, Opcodes.MEMORY_GROW, Opcodes.MEMORY_FILL ->
                    w.u32(c.peekIndex() ? module.memories.resolve(c.nextAtom()) : 0);
            case Opcodes.MEMORY_COPY -> {
                long dst = c.peekIndex() ? module.memories.resolve(c.nextAtom()) : 0;
                long src = c.peekIndex() ? module.memories.resolve(c.nextAtom()) : 0;
                w.u32(dst);
                w.u32(src);
            }
            case Opcodes.MEMORY_INIT -> {
                Token first = c.nextAtom();
                long memory = 0;
                Token data = first;
                if (c.peekIndex()) {
                    memory = module.memories.resolve(first);
                    data = c.nextAtom();
                }
                w.u32(module.datas.resolve(data));
                w.u32(memory);
                module.usesDataCount = true;
            }
            case Opcodes.DATA_DROP -> {
                w.u32(module.datas.resolve(c.nextAtom()));
                module.usesDataCount = true;
            }
            case Opcodes.TABLE_INIT -> {
                Token first = c.nextAtom();
                long table = 0;
                Token elem = first;
                if (c.peekIndex()) {
                    table = module.tables.resolve(first);
                    elem = c.nextAtom();
                }
                w.u32(module.elems.resolve(elem));
                w.u32(table);
            }
            case Opcodes.ELEM_DROP -> w.u32(module.elems.resolve(c.nextAtom()));
            case Opcodes.TABLE_COPY -> {
                long dst = 0;
                long src = 0;
                if (c.peekIndex()) {
                    dst = module.tables.resolve(c.nextAtom());
                    src = module.tables.resolve(c.nextAtom());
                }
                w.u32(dst);
                w.u32(src);
            }
            case Opcodes.I32_CONST -> w.s64((int) NumberLiterals.parseInteger(c.nextAtom(), 32));
            case Opcodes.I64_CONST -> w.s64(NumberLiterals.parseInteger(c.nextAtom(), 64));
            case Opcodes.F32_CONST -> w.f32(NumberLiterals.parseF32(c.nextAtom()));
            case Opcodes.F64_CONST -> w.f64(NumberLiterals.parseF64(c.nextAtom()));
            case Opcodes.REF_NULL -> w.u8(heapType(c.nextAtom()).code());
            default -> {
                int alignment = Instructions.naturalAlignment(op);
                if (alignment >= 0) {
                    memarg(c, w, alignment);
                }
            }
        }
    }

    /** A vector instruction: 0xFD, the sub-opcode, then its immediates. */
    private void vector(int sub, Cursor c, ByteWriter w) {
        w.u8(0xFD);
        w.u32(sub);
        int alignment = SimdInstructions.naturalAlignment(sub);
        if (alignment >= 0) {
            memarg(c, w, alignment);
        }
        if (SimdInstructions.hasLaneIndex(sub)) {
            w.u8(laneIndex(c.nextAtom(), false));
        } else if (sub == SimdInstructions.V128_CONST) {
            long[] halves = V128Literal.parse(c);
            w.f64(halves[0]);
            w.f64(halves[1]);
        } else if (sub == SimdInstructions.I8X16_SHUFFLE) {
            for (int i = 0; i < 16; i++) {
                Token t = c.peekToken();
                if (t == null || !t.isNumberLike()) {
                    throw c.error("invalid lane length: i8x16.shuffle needs 16 lane indices");
                }
                w.u8(laneIndex(c.nextAtom(), true));
            }
            if (c.peekToken() != null && c.peekToken().isNumberLike()) {
                throw c.error("invalid lane length: i8x16.shuffle needs 16 lane indices");
            }
        }
    }

    /** A lane index: an unsigned number that fits a byte (its range per shape is validated later). */
    private static int laneIndex(Token t, boolean shuffle) {
        java.math.BigInteger v = t.isNumberLike() ? NumberLiterals.unsigned(t.text()) : null;
        if (v != null && v.bitLength() <= 8) {
            return v.intValue();
        }
        if (v != null || shuffle && t.isNumberLike()) {
            throw t.error("malformed lane index " + t.text());
        }
        throw t.error("unexpected token " + t.text() + ", expected a lane index");
    }

    /** {@code select} or {@code select (result t)*}. */
    private void select(Cursor c, ByteWriter w) {
        if (!c.peekList("result")) {
            w.u8(Opcodes.SELECT);
            return;
        }
        List<ValueType> types = new ArrayList<>();
        while (c.peekList("result")) {
            Cursor r = c.nextList().body();
            while (!r.atEnd()) {
                types.add(TypeSyntax.valueType(r.nextAtom()));
            }
        }
        w.u8(Opcodes.SELECT_T);
        w.u32(types.size());
        types.forEach(t -> w.u8(t.code()));
    }

    /** {@code func} or {@code extern}, as in {@code ref.null func}. */
    static ValueType heapType(Token t) {
        if (t.isKeyword("func")) {
            return ValueType.FUNCREF;
        }
        if (t.isKeyword("extern")) {
            return ValueType.EXTERNREF;
        }
        throw t.error("unexpected token " + t.text() + ", expected func or extern");
    }

    /** {@code offset=N? align=N?}; align is a power of two, written as its log2. */
    private void memarg(Cursor c, ByteWriter w, int naturalAlignment) {
        long offset = 0;
        int alignment = naturalAlignment;
        Token t = c.peekToken();
        if (t != null && t.kind() == Token.Kind.ATOM && t.text().startsWith("offset=")) {
            c.next();
            offset = number(t, t.text().substring(7));
        }
        t = c.peekToken();
        if (t != null && t.kind() == Token.Kind.ATOM && t.text().startsWith("align=")) {
            c.next();
            long align = number(t, t.text().substring(6));
            if (align == 0 || (align & (align - 1)) != 0) {
                throw t.error("alignment must be a power of two: " + t.text());
            }
            alignment = Long.numberOfTrailingZeros(align);
        }
        w.u32(alignment);
        w.u32(offset);
    }

    private static long number(Token at, String digits) {
        return NumberLiterals.parseU32(new Token(Token.Kind.ATOM, digits, null, at.line(), at.column(), at.start(), at.end()));
    }

    /** A label reference: an identifier of an enclosing block, or a relative depth. */
    private long label(Cursor c) {
        Token t = c.nextAtom();
        if (t.isId()) {
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (t.text().equals(labels.get(i))) {
                    return labels.size() - 1 - i;
                }
            }
            throw t.error("unknown label " + t.text());
        }
        return NumberLiterals.parseU32(t);
    }
}
