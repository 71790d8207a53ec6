package io.wasmspring.engine.text;

import io.wasmspring.engine.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Type uses of the text format (spec section "Type Uses"): {@code (type x)} and/or inline
 * {@code (param ...)(result ...)}. An inline-only use names the first identical type of the
 * module, or a new type appended at the end of the type section.
 */
final class TypeUses {

    private final IndexSpace types;
    /** The module's function types: the explicit ones, then those appended for inline uses. */
    private final List<FuncSig> list;

    TypeUses(IndexSpace types, List<FuncSig> list) {
        this.types = types;
        this.list = list;
    }

    /**
     * A type use {@code (type x)? (param ...)* (result ...)*}. With both a type index and inline
     * declarations, they must agree. {@code allowIds}: parameters may be named (functions only).
     */
    TypeUse typeUse(Cursor c, boolean allowIds) {
        long explicit = -1;
        Token at = c.peek() == null ? c.list().close() : c.peek().first();
        if (c.peekList("type")) {
            Cursor t = c.nextList().body();
            explicit = types.resolve(t.nextAtom());
            t.expectEnd();
        }
        TypeUse inline = signature(c, allowIds);
        if (c.peekList("param") || c.peekList("type")) {
            throw c.peek().error("unexpected token " + Cursor.describe(c.peek()) + " out of order");
        }
        if (explicit < 0) {
            return inline;
        }
        FuncSig declared = explicit < list.size() && explicit < types.count() ? list.get((int) explicit) : null;
        if (inline.hasInline()) {
            if (declared == null) {
                throw at.error("unknown type " + explicit);
            }
            if (!declared.equals(inline.sig())) {
                throw at.error("inline function type does not match type " + explicit);
            }
            return new TypeUse(explicit, inline.sig(), inline.paramIds(), true);
        }
        FuncSig sig = declared == null ? FuncSig.EMPTY : declared;
        List<String> ids = new ArrayList<>();
        sig.params().forEach(p -> ids.add(null));
        return new TypeUse(explicit, sig, ids, false);
    }

    /** {@code (param ...)* (result ...)*} with no type index. */
    static TypeUse signature(Cursor c, boolean allowIds) {
        List<ValueType> params = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<ValueType> results = new ArrayList<>();
        boolean any = false;
        while (c.peekList("param")) {
            any = true;
            Cursor p = c.nextList().body();
            if (p.peekId()) {
                Token id = p.nextAtom();
                if (!allowIds) {
                    throw id.error("unexpected token " + id.text());
                }
                params.add(TypeSyntax.valueType(p.nextAtom()));
                ids.add(id.text());
                p.expectEnd();
            } else {
                while (!p.atEnd()) {
                    params.add(TypeSyntax.valueType(p.nextAtom()));
                    ids.add(null);
                }
            }
        }
        while (c.peekList("result")) {
            any = true;
            Cursor r = c.nextList().body();
            while (!r.atEnd()) {
                results.add(TypeSyntax.valueType(r.nextAtom()));
            }
        }
        return new TypeUse(-1, new FuncSig(List.copyOf(params), List.copyOf(results)), ids, any);
    }

    /** The type index of a type use: the explicit one, or an existing identical type, or a new one. */
    long typeIndex(TypeUse use) {
        if (use.explicitIndex() >= 0) {
            return use.explicitIndex();
        }
        int existing = list.indexOf(use.sig());
        if (existing >= 0) {
            return existing;
        }
        list.add(use.sig());
        return list.size() - 1;
    }
}
