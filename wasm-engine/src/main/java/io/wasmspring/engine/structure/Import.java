package io.wasmspring.engine.structure;

import io.wasmspring.engine.ExternType;
import io.wasmspring.engine.ExternalKind;

/**
 * One entry of the import section.
 *
 * @param kind              what is imported
 * @param functionTypeIndex for a function import, the index into the type section (checked by the
 *                          validator); -1 otherwise
 * @param type              for a table, memory or global import its type; {@code null} for functions
 */
public record Import(String module, String name, ExternalKind kind, int functionTypeIndex, ExternType type) {
}
