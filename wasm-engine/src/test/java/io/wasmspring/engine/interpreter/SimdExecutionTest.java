package io.wasmspring.engine.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import org.junit.jupiter.api.Test;

/** SIMD instructions lowered to the one {@code simd} op and run through the dispatch loop. */
class SimdExecutionTest {

    private static Instance instantiate(String wat) {
        return Module.parseText(wat).instantiate();
    }

    @Test
    void constantsLanesAndArithmeticRunOnTwoSlots() {
        Instance inst = instantiate("""
                (module
                  (func (export "sum") (param i32) (result i32)
                    (i32x4.extract_lane 3
                      (i32x4.add (v128.const i32x4 1 2 3 4) (i32x4.splat (local.get 0)))))
                  (func (export "swap") (param v128) (result v128)
                    (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get 0) (local.get 0)))
                  (func (export "replace") (param v128 f64) (result v128)
                    (f64x2.replace_lane 1 (local.get 0) (local.get 1))))
                """);
        assertThat(inst.function("sum").callRaw(10)).containsExactly(14);
        assertThat(inst.function("swap").callRaw(0x1111L, 0x2222L)).containsExactly(0x2222L, 0x1111L);
        long bits = Double.doubleToRawLongBits(2.5);
        assertThat(inst.function("replace").callRaw(7, 8, bits)).containsExactly(7, bits);
    }

    @Test
    void memoryAccessesUseTheMemoryAfterGrowAndTrapOutOfBounds() {
        Instance inst = instantiate("""
                (module
                  (memory 1)
                  (func (export "grow-store-load") (result i64)
                    (drop (memory.grow (i32.const 1)))
                    (v128.store offset=65536 (i32.const 8) (v128.const i64x2 5 6))
                    (i64x2.extract_lane 1 (v128.load offset=65536 (i32.const 8))))
                  (func (export "store-lane") (param i32)
                    (v128.store64_lane 1 (local.get 0) (v128.const i64x2 1 2))))
                """);
        assertThat(inst.function("grow-store-load").callRaw()).containsExactly(6);
        assertThatThrownBy(() -> inst.function("store-lane").callRaw(2 * 65536 - 4))
                .isInstanceOf(Trap.class).hasMessageContaining("out of bounds memory access");
    }

    @Test
    void unreachableSimdCodeIsSkippedWithItsImmediates() {
        Instance inst = instantiate("""
                (module
                  (memory 1)
                  (func (export "f") (result i32)
                    (block (result i32)
                      (br 0 (i32.const 42))
                      (v128.const i32x4 1 2 3 4)
                      (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i64x2 0 0))
                      (i16x8.extract_lane_u 7)
                      (drop)
                      (v128.load8_lane offset=3 5 (i32.const 0) (v128.load (i32.const 0)))
                      (drop)
                      (i32.const 0))))
                """);
        assertThat(inst.function("f").callRaw()).containsExactly(42);
    }

    @Test
    void vectorsPassThroughBlocksBranchesAndTheStackHeight() {
        Instance inst = instantiate("""
                (module
                  (func (export "f") (param i32) (result v128)
                    (block (result v128)
                      (v128.const i64x2 3 4)
                      (br_if 0 (v128.const i64x2 1 2) (local.get 0))
                      (v128.xor)
                      (i64x2.splat (i64.const 7))
                      (v128.or))))
                """);
        assertThat(inst.function("f").callRaw(1)).containsExactly(1, 2);
        assertThat(inst.function("f").callRaw(0)).containsExactly(2 | 7, 6 | 7);
    }
}
