package io.wasmspring.engine.structure;

import io.wasmspring.engine.ExternalKind;

/** One entry of the export section: a name and the index of the exported entity in its index space. */
public record Export(String name, ExternalKind kind, int index) {
}
