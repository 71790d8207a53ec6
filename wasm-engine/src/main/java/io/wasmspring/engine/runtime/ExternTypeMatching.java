package io.wasmspring.engine.runtime;

import io.wasmspring.engine.ExternType;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Table;
import io.wasmspring.engine.TableType;

/**
 * Import matching (spec: Execution → Modules → Import matching, "external types"): whether a
 * provided function, table, memory or global may stand for an import of a given type.
 * Functions and globals need equal types; tables and memories need matching limits (and tables
 * equal element types), where the actual limits are the object's current size and declared maximum.
 */
public final class ExternTypeMatching {

    private ExternTypeMatching() {
    }

    /**
     * The type of a run-time object as an extern type: a {@link FunctionInstance}, {@link Table},
     * {@link Memory} or {@link Global}; {@code null} for anything else.
     */
    public static ExternType typeOf(Object extern) {
        if (extern instanceof FunctionInstance f) {
            return f.type;
        } else if (extern instanceof Table t) {
            return t.type();
        } else if (extern instanceof Memory m) {
            return m.type();
        } else if (extern instanceof Global g) {
            return g.type();
        }
        return null;
    }

    /** Whether {@code actual} matches {@code expected}. */
    public static boolean matches(ExternType actual, ExternType expected) {
        if (actual == null || expected == null || actual.kind() != expected.kind()) {
            return false;
        }
        if (expected instanceof FunctionType e) {
            return e.equals(actual);
        } else if (expected instanceof TableType e) {
            TableType a = (TableType) actual;
            return a.elementType() == e.elementType() && limitsMatch(a.limits(), e.limits());
        } else if (expected instanceof MemoryType e) {
            return limitsMatch(((MemoryType) actual).limits(), e.limits());
        } else {
            return expected.equals(actual);
        }
    }

    /**
     * Limits subtyping: the actual minimum is at least the expected one, and when a maximum is
     * expected the actual limits have one that is no larger.
     */
    public static boolean limitsMatch(Limits actual, Limits expected) {
        if (Long.compareUnsigned(actual.min(), expected.min()) < 0) {
            return false;
        }
        if (!expected.hasMax()) {
            return true;
        }
        return actual.hasMax() && Long.compareUnsigned(actual.max(), expected.max()) <= 0;
    }

    /** Why {@code actual} does not match {@code expected}, in a few words (for link errors). */
    public static String mismatchReason(ExternType actual, ExternType expected) {
        if (actual == null) {
            return "not a function, table, memory or global";
        }
        if (actual.kind() != expected.kind()) {
            return "a " + actual.kind() + " was provided where a " + expected.kind() + " is expected";
        }
        if (expected instanceof TableType e && ((TableType) actual).elementType() != e.elementType()) {
            return "element type differs";
        }
        if (expected instanceof GlobalType e) {
            GlobalType a = (GlobalType) actual;
            return a.mutable() != e.mutable() ? "mutability differs" : "value type differs";
        }
        if (expected instanceof FunctionType) {
            return "signature differs";
        }
        Limits a = actual instanceof TableType t ? t.limits() : ((MemoryType) actual).limits();
        Limits x = expected instanceof TableType t ? t.limits() : ((MemoryType) expected).limits();
        if (Long.compareUnsigned(a.min(), x.min()) < 0) {
            return "minimum size " + a.min() + " is below the required " + x.min();
        }
        if (!a.hasMax()) {
            return "no maximum size, but at most " + x.max() + " is required";
        }
        return "maximum size " + a.max() + " exceeds the allowed " + x.max();
    }
}
