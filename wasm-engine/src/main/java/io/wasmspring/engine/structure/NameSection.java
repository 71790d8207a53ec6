package io.wasmspring.engine.structure;

import java.util.Map;

/**
 * What the {@code name} custom section says, used for stack traces and tools. Missing or
 * malformed name sections leave these empty: the spec makes that section advisory.
 */
public record NameSection(String moduleName, Map<Integer, String> functionNames,
                          Map<Integer, Map<Integer, String>> localNames) {

    public static final NameSection EMPTY = new NameSection(null, Map.of(), Map.of());
}
