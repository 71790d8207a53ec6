package io.wasmspring.engine.structure;

import io.wasmspring.engine.ValueType;
import java.util.List;

/**
 * An element segment.
 *
 * @param type       the reference type of its items
 * @param mode       active, passive or declarative
 * @param tableIndex for active segments, the table it initializes
 * @param offset     for active segments, the offset expression; {@code null} otherwise
 * @param items      one constant expression per item (function-index forms become {@code ref.func})
 */
public record ElementSegment(ValueType type, SegmentMode mode, int tableIndex, ConstantExpression offset,
                             List<ConstantExpression> items) {
}
