/**
 * The WebAssembly text format. {@link io.wasmspring.engine.text.WatParser} reads a module written
 * in text and encodes it to the binary format, which the decoder then reads like any {@code .wasm}
 * file, so that text and binary modules take one path into the engine.
 *
 * <p>The stages, each its own class: {@link io.wasmspring.engine.text.Lexer} (tokens with
 * line:column), {@link io.wasmspring.engine.text.SExpr} (the parenthesised tree),
 * {@code ModuleParser} (two passes over the module fields: bind identifiers, then encode),
 * {@code InstructionParser} (plain and folded instructions), {@code SegmentParser} (element and
 * data segments), {@code TypeUses} (type uses and implicit types),
 * {@link io.wasmspring.engine.text.NumberLiterals} (integer and float literals, rounded directly
 * to their width) and {@code ModuleEncoder} (sections). Errors are
 * {@link io.wasmspring.engine.MalformedModuleException}s in the spec's wording with
 * {@code (at line:column)} appended.
 */
package io.wasmspring.engine.text;
