package io.wasmspring.engine.text;

import java.util.TreeMap;

/**
 * Writes the {@code name} custom section (spec section "Name Section"): module name, function
 * names and local names, taken from the identifiers of the text.
 */
final class NameSectionWriter {

    private NameSectionWriter() {
    }

    /**
     * The {@code name} custom section from the identifiers (module, functions, locals), so that
     * traps and tools can show them; null when the text binds none.
     */
    static ByteWriter write(String moduleId, TreeMap<Integer, String> functionNames,
                            TreeMap<Integer, TreeMap<Integer, String>> localNames) {
        if (moduleId == null && functionNames.isEmpty() && localNames.isEmpty()) {
            return null;
        }
        ByteWriter w = new ByteWriter();
        if (moduleId != null) {
            ByteWriter sub = new ByteWriter();
            sub.name(moduleId.substring(1));
            subsection(w, 0, sub);
        }
        if (!functionNames.isEmpty()) {
            ByteWriter sub = new ByteWriter();
            nameMap(sub, functionNames);
            subsection(w, 1, sub);
        }
        if (!localNames.isEmpty()) {
            ByteWriter sub = new ByteWriter();
            sub.u32(localNames.size());
            localNames.forEach((function, locals) -> {
                sub.u32(function);
                nameMap(sub, locals);
            });
            subsection(w, 2, sub);
        }
        return w;
    }

    private static void nameMap(ByteWriter w, TreeMap<Integer, String> names) {
        w.u32(names.size());
        names.forEach((index, name) -> {
            w.u32(index);
            w.name(name);
        });
    }

    private static void subsection(ByteWriter w, int id, ByteWriter content) {
        w.u8(id);
        w.u32(content.size());
        w.append(content);
    }
}
