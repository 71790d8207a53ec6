package io.wasmspring.engine.text;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One index space of a module (types, functions, tables, ...) or of a function (locals): the
 * count of its entries and the identifiers bound to them. References are an identifier or a
 * plain u32; a u32 is taken as written (the validator checks its range).
 */
final class IndexSpace {

    private final String unknownName;
    private final String duplicateName;
    private final Map<String, Integer> ids = new HashMap<>();
    private int count;

    IndexSpace(String unknownName, String duplicateName) {
        this.unknownName = unknownName;
        this.duplicateName = duplicateName;
    }

    /** Adds an entry, binding {@code id} (may be null) to it; returns its index. */
    int define(String id, Token at) {
        if (id != null) {
            if (ids.containsKey(id)) {
                throw at.error("duplicate " + duplicateName + " " + id);
            }
            ids.put(id, count);
        }
        return count++;
    }

    /** The identifiers bound in this space by index (without the leading {@code $}), in index order. */
    TreeMap<Integer, String> names() {
        TreeMap<Integer, String> names = new TreeMap<>();
        ids.forEach((id, index) -> names.put(index, id.substring(1)));
        return names;
    }

    int count() {
        return count;
    }

    /** The index that {@code t} (an identifier or a u32) denotes. */
    long resolve(Token t) {
        if (t.isId()) {
            Integer index = ids.get(t.text());
            if (index == null) {
                throw t.error("unknown " + unknownName + " " + t.text());
            }
            return index;
        }
        return NumberLiterals.parseU32(t);
    }
}
