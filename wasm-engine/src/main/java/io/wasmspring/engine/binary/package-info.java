/**
 * The binary format decoder (spec chapter 5): {@link io.wasmspring.engine.binary.BinaryDecoder}
 * turns a module binary into a {@link io.wasmspring.engine.structure.ModuleStructure}, rejecting
 * malformed input with {@link io.wasmspring.engine.MalformedModuleException}. One class per part
 * of the chapter: basic values ({@code ModuleReader}, {@code Utf8}), types ({@code Types}),
 * instructions ({@code InstructionChecker}), the sections ({@code DeclarationSections},
 * {@code SegmentSections}, {@code CodeSection}) and the {@code name} custom section
 * ({@code NameSectionParser}).
 */
package io.wasmspring.engine.binary;
