package io.wasmspring.engine.runtime;

import io.wasmspring.engine.ExternType;
import io.wasmspring.engine.LinkException;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;
import java.util.function.BiFunction;

/**
 * Resolves a module's imports to run-time objects and checks each against the type the module
 * expects (spec: Execution → Modules → Instantiation, steps on the external values).
 */
public final class Linker {

    /** The spec's wording for an import nobody provides. */
    public static final String UNKNOWN_IMPORT = "unknown import";
    /** The spec's wording for an import of the wrong kind or type. */
    public static final String INCOMPATIBLE_IMPORT_TYPE = "incompatible import type";

    private Linker() {
    }

    /**
     * One run-time object per import, in import order.
     *
     * @param resolver finds the object provided for (module name, field name), or {@code null}
     * @throws LinkException naming the first import that is missing or does not match
     */
    public static Object[] resolve(ModuleStructure structure, BiFunction<String, String, Object> resolver) {
        Object[] externs = new Object[structure.imports.size()];
        for (int i = 0; i < externs.length; i++) {
            Import imp = structure.imports.get(i);
            ExternType expected = expectedType(structure, imp);
            Object extern = resolver.apply(imp.module(), imp.name());
            if (extern == null) {
                throw new LinkException(UNKNOWN_IMPORT + " \"" + imp.module() + "\".\"" + imp.name() + "\": the module expects "
                        + expected + "; provide it through Imports.builder()");
            }
            ExternType actual = ExternTypeMatching.typeOf(extern);
            if (!ExternTypeMatching.matches(actual, expected)) {
                throw new LinkException(INCOMPATIBLE_IMPORT_TYPE + " for \"" + imp.module() + "\".\"" + imp.name()
                        + "\": expected " + expected + ", got " + (actual != null ? actual : extern.getClass().getName())
                        + " (" + ExternTypeMatching.mismatchReason(actual, expected) + ")");
            }
            externs[i] = extern;
        }
        return externs;
    }

    /** The type an import must have: its function type from the type section, or its declared type. */
    public static ExternType expectedType(ModuleStructure structure, Import imp) {
        if (imp.type() != null) {
            return imp.type();
        }
        return structure.types.get(imp.functionTypeIndex());
    }
}
