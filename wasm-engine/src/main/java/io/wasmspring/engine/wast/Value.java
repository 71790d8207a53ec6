package io.wasmspring.engine.wast;

import io.wasmspring.engine.ValueType;

/** A constant value in a script: an argument, or an expected result that must match exactly. */
public sealed interface Value {

    /** An {@code i32}, {@code i64}, {@code f32} or {@code f64}; floats as raw bits, i32 in the low 32 bits. */
    record Number(ValueType type, long bits) implements Value {
    }

    /** A {@code v128.const}, as its low and high 64 bits (little-endian lane order). */
    record V128(long low, long high) implements Value {
    }

    /** {@code ref.null func} or {@code ref.null extern}. */
    record RefNull(ValueType type) implements Value {
    }

    /** {@code ref.extern N}: an opaque host reference identified by N. */
    record RefExtern(long id) implements Value {
    }
}
