package io.wasmspring.engine.text;

import java.util.List;

/**
 * A parsed type use {@code (type x)? (param ...)* (result ...)*}.
 *
 * @param explicitIndex the index named by {@code (type x)}, or -1
 * @param sig           the function type (inline declarations, or the referenced type's)
 * @param paramIds      the parameters' identifiers (null entries where unnamed)
 * @param hasInline     true when any {@code param} or {@code result} clause was written
 */
record TypeUse(long explicitIndex, FuncSig sig, List<String> paramIds, boolean hasInline) {
}
