/**
 * The decoded form of a module, as the spec's "Structure" chapter describes it: types, imports,
 * functions, tables, memories, globals, exports, start, element and data segments, custom sections.
 * Function bodies and constant expressions stay as byte ranges of the binary; {@link
 * io.wasmspring.engine.structure.CodeReader} walks them. Produced by the binary decoder (the text
 * parser encodes to binary first), checked by the validator, consumed by lowering and instantiation.
 */
package io.wasmspring.engine.structure;
