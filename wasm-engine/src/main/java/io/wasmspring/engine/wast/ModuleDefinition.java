package io.wasmspring.engine.wast;

/**
 * A module as a script writes it. {@code (module ...)} in text is kept as its source text (the
 * whole s-expression) so that a text error belongs to the one command that holds it;
 * {@code (module binary "...")} as the bytes its strings spell; {@code (module quote "...")} as
 * the text its strings spell, to be parsed as the body of a module.
 *
 * @param kind  which of the three forms
 * @param name  the module's {@code $id}, or {@code null}
 * @param text  for TEXT the full {@code (module ...)} source; for QUOTE the concatenated strings
 * @param bytes for BINARY the concatenated strings' bytes
 * @param line  1-based line where the module starts in the script
 */
public record ModuleDefinition(Kind kind, String name, String text, byte[] bytes, int line) {

    public enum Kind { TEXT, BINARY, QUOTE }
}
