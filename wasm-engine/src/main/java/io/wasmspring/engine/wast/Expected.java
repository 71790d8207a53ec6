package io.wasmspring.engine.wast;

import io.wasmspring.engine.ValueType;
import java.util.List;

/** What an {@code assert_return} expects of one result. */
public sealed interface Expected {

    /** Exactly this value (floats compared bit for bit). */
    record Exact(Value value) implements Expected {
    }

    /** {@code nan:canonical} or {@code nan:arithmetic} of an f32 or f64. */
    record Nan(ValueType type, boolean canonical) implements Expected {
    }

    /** {@code ref.func} with no index: any non-null function reference. */
    record AnyRefFunc() implements Expected {
    }

    /** {@code ref.extern} with no id: any non-null external reference. */
    record AnyRefExtern() implements Expected {
    }

    /**
     * A {@code v128.const} whose float lanes may be NaN patterns.
     *
     * @param shape one of i8x16, i16x8, i32x4, i64x2, f32x4, f64x2
     * @param lanes one {@link Exact} (a {@link Value.Number} of the lane's type) or {@link Nan} per lane
     */
    record V128Lanes(String shape, List<Expected> lanes) implements Expected {
    }

    /** {@code (either r1 r2 ...)}: any one of the alternatives. */
    record Either(List<Expected> alternatives) implements Expected {
    }
}
