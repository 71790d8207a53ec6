package io.wasmspring.engine.structure;

/** A custom section, kept as it was: its name and payload. */
public record CustomSection(String name, byte[] payload) {
}
