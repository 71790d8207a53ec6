package io.wasmspring.engine.structure;

/**
 * A data segment.
 *
 * @param mode        active or passive
 * @param memoryIndex for active segments, the memory it initializes
 * @param offset      for active segments, the offset expression; {@code null} otherwise
 * @param data        the bytes
 */
public record DataSegment(SegmentMode mode, int memoryIndex, ConstantExpression offset, byte[] data) {
}
