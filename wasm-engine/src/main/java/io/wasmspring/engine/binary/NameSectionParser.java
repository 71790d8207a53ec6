package io.wasmspring.engine.binary;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.structure.NameSection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code name} custom section (spec 7.4.1): module name (subsection 0), function names (1)
 * and local names (2); other subsections are skipped. The section is advisory, so a malformed
 * one yields {@link NameSection#EMPTY} instead of an error.
 */
final class NameSectionParser {

    static final String SECTION_NAME = "name";

    private static final int MODULE_NAME = 0;
    private static final int FUNCTION_NAMES = 1;
    private static final int LOCAL_NAMES = 2;

    private NameSectionParser() {
    }

    /** Parses a name section's payload (after its name); never throws for malformed content. */
    static NameSection parse(byte[] payload) {
        try {
            return read(new ModuleReader(payload));
        } catch (MalformedModuleException e) {
            return NameSection.EMPTY;
        }
    }

    private static NameSection read(ModuleReader r) {
        String moduleName = null;
        Map<Integer, String> functionNames = Map.of();
        Map<Integer, Map<Integer, String>> localNames = Map.of();
        while (!r.atEnd()) {
            int id = r.u8();
            int size = r.length();
            int end = r.position() + size;
            switch (id) {
                case MODULE_NAME -> moduleName = r.name();
                case FUNCTION_NAMES -> functionNames = nameMap(r);
                case LOCAL_NAMES -> localNames = indirectNameMap(r);
                default -> r.skip(size);
            }
            if (r.position() != end) {
                throw new MalformedModuleException("name subsection size mismatch", r.position());
            }
        }
        return new NameSection(moduleName, functionNames, localNames);
    }

    private static Map<Integer, String> nameMap(ModuleReader r) {
        int n = r.length();
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = r.u32();
            names.put(index, r.name());
        }
        return Collections.unmodifiableMap(names);
    }

    private static Map<Integer, Map<Integer, String>> indirectNameMap(ModuleReader r) {
        int n = r.length();
        Map<Integer, Map<Integer, String>> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = r.u32();
            names.put(index, nameMap(r));
        }
        return Collections.unmodifiableMap(names);
    }
}
