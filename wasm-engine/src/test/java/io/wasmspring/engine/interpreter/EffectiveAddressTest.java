package io.wasmspring.engine.interpreter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every load and store width, alone and in the fused forms the lowering makes of it, against the
 * spec's rule written out here: the effective address is the u32 base plus the u32 offset, an
 * access traps when any of its bytes is past the end, and a store that traps writes nothing.
 * The interpreter computes the address as an int made negative past 2 GiB and leaves the check to
 * the array access, with offsets of 2 GiB and more clamped at lowering: the edges of both tricks
 * are the inputs here.
 */
class EffectiveAddressTest {

    private static final int PAGE = 65536;
    private static final long[] BASES = {
        0, 1, 7, PAGE - 9, PAGE - 8, PAGE - 4, PAGE - 2, PAGE - 1, PAGE, 0x7FFF_FFFFL, 0x8000_0000L,
        0x8000_0001L, 0xFFFF_FFF8L, 0xFFFF_FFFFL,
    };
    /** Added to the argument by the fused forms (which are called with base - ADDEND, wrapping). */
    private static final int ADDEND = 5;
    private static final long[] OFFSETS = {0, 1, 8, PAGE - 8, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};

    /** A load or store: its wasm name, size in bytes and how the loaded bytes become the result. */
    private record Access(String name, int size, boolean signed, String type) {
        boolean isStore() {
            return name.contains("store");
        }
    }

    private static final Access[] ACCESSES = {
        new Access("i32.load", 4, true, "i32"), new Access("i64.load", 8, true, "i64"),
        new Access("f32.load", 4, true, "f32"), new Access("f64.load", 8, true, "f64"),
        new Access("i32.load8_s", 1, true, "i32"), new Access("i32.load8_u", 1, false, "i32"),
        new Access("i32.load16_s", 2, true, "i32"), new Access("i32.load16_u", 2, false, "i32"),
        new Access("i64.load8_s", 1, true, "i64"), new Access("i64.load8_u", 1, false, "i64"),
        new Access("i64.load16_s", 2, true, "i64"), new Access("i64.load16_u", 2, false, "i64"),
        new Access("i64.load32_s", 4, true, "i64"), new Access("i64.load32_u", 4, false, "i64"),
        new Access("i32.store", 4, false, "i32"), new Access("i64.store", 8, false, "i64"),
        new Access("f32.store", 4, false, "f32"), new Access("f64.store", 8, false, "f64"),
        new Access("i32.store8", 1, false, "i32"), new Access("i32.store16", 2, false, "i32"),
        new Access("i64.store8", 1, false, "i64"), new Access("i64.store16", 2, false, "i64"),
        new Access("i64.store32", 4, false, "i64"),
    };

    @Test
    void everyAccessTrapsExactlyWhenItsLastBytePassesTheEnd() {
        for (Access access : ACCESSES) {
            for (long offset : OFFSETS) {
                Instance instance = Module.parseText(module(access, offset)).instantiate(Imports.empty());
                for (String form : forms(access)) {
                    for (long base : BASES) {
                        check(instance, access, form, base, offset);
                    }
                }
            }
        }
    }

    /** The export names: the plain instruction, and its fused forms (from a local, after an i32.add). */
    private static List<String> forms(Access access) {
        List<String> forms = new ArrayList<>(List.of("opaque", "local", "added", "localAdded"));
        if (access.name.equals("f64.store")) {
            forms.add("mulAdd");
        }
        return forms;
    }

    private static String module(Access access, long offset) {
        String op = access.name + " offset=" + offset;
        String t = access.type;
        StringBuilder wat = new StringBuilder("(module (memory 1 1)\n")
                .append("(data (i32.const 0) \"").append(pattern(0)).append("\")\n")
                .append("(data (i32.const ").append(PAGE - 256).append(") \"").append(pattern(PAGE - 256)).append("\")\n")
                .append("(func $id (param i32) (result i32) local.get 0)\n");
        if (access.isStore()) {
            String value = "(" + t + ".const " + storedValue(t) + ")";
            // the base goes through a call, or comes from a local, or is a sum
            wat.append("(func (export \"opaque\") (param i32) (call $id (local.get 0)) ").append(value).append(' ').append(op).append(")\n")
                    .append("(func (export \"local\") (param i32) (local.get 0) ").append(value).append(' ').append(op).append(")\n")
                    .append("(func (export \"added\") (param i32) (i32.add (call $id (local.get 0)) (i32.const " + ADDEND + ")) ")
                    .append(value).append(' ').append(op).append(")\n")
                    .append("(func (export \"localAdded\") (param i32) (i32.add (local.get 0) (i32.const " + ADDEND + ")) ")
                    .append(value).append(' ').append(op).append(")\n");
            if (access.name.equals("f64.store")) {
                wat.append("(func (export \"mulAdd\") (param i32) (local.get 0) (f64.const 0.5) (f64.const 2) (f64.const 1) ")
                        .append("f64.mul f64.add ").append(op).append(")\n");
            }
        } else {
            wat.append("(func (export \"opaque\") (param i32) (result ").append(t).append(") (call $id (local.get 0)) ").append(op).append(")\n")
                    .append("(func (export \"local\") (param i32) (result ").append(t).append(") (local.get 0) ").append(op).append(")\n")
                    .append("(func (export \"added\") (param i32) (result ").append(t)
                    .append(") (i32.add (call $id (local.get 0)) (i32.const " + ADDEND + ")) ").append(op).append(")\n")
                    .append("(func (export \"localAdded\") (param i32) (result ").append(t)
                    .append(") (i32.add (local.get 0) (i32.const " + ADDEND + ")) ").append(op).append(")\n");
        }
        return wat.append(")").toString();
    }

    private static void check(Instance instance, Access access, String form, long base, long offset) {
        ExportedFunction f = instance.function(form);
        int argument = form.endsWith("dded") ? (int) base - ADDEND : (int) base;
        byte[] before = instance.memory().buffer().clone();
        long ea = base + offset;
        boolean fits = ea + access.size <= PAGE;
        String what = access.name + " offset=" + offset + " (" + form + ") at " + base;
        if (!fits) {
            assertThatThrownBy(() -> f.call(argument)).as(what)
                    .isInstanceOf(Trap.class).hasMessageStartingWith(Trap.OUT_OF_BOUNDS_MEMORY);
            assertThat(instance.memory().buffer()).as(what + " wrote nothing").isEqualTo(before);
            return;
        }
        if (access.isStore()) {
            f.call(argument);
            long stored = form.equals("mulAdd") ? Double.doubleToRawLongBits(2.5) : storedBits(access.type);
            ByteBuffer bytes = ByteBuffer.wrap(instance.memory().buffer()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < access.size; i++) {
                assertThat(bytes.get((int) ea + i)).as(what + " byte " + i).isEqualTo((byte) (stored >>> (8 * i)));
            }
            // restore for the next case
            System.arraycopy(before, 0, instance.memory().buffer(), 0, PAGE);
        } else {
            assertThat(f.callRaw(argument)[0]).as(what).isEqualTo(expectedLoad(access, (int) ea));
        }
    }

    /** The bytes at {@code ea}, little-endian, extended as the access says (i32 and f32 as their low 32 bits). */
    private static long expectedLoad(Access access, int ea) {
        long value = 0;
        for (int i = access.size - 1; i >= 0; i--) {
            value = value << 8 | patternByte(ea + i) & 0xFF;
        }
        int bits = 8 * access.size;
        if (access.signed && bits < 64) {
            value = value << (64 - bits) >> (64 - bits);
        }
        return access.type.equals("i32") || access.type.equals("f32") ? value & 0xFFFF_FFFFL : value;
    }

    private static String storedValue(String type) {
        return switch (type) {
            case "i32" -> "0x89ABCDEF";
            case "i64" -> "0x0123456789ABCDEF";
            case "f32" -> "-1.5";
            default -> "-2.5";
        };
    }

    private static long storedBits(String type) {
        return switch (type) {
            case "i32" -> 0x89ABCDEFL;
            case "i64" -> 0x0123456789ABCDEFL;
            case "f32" -> Float.floatToRawIntBits(-1.5f);
            default -> Double.doubleToRawLongBits(-2.5);
        };
    }

    /** 256 bytes of the pattern from {@code start}, as a wat string. */
    private static String pattern(int start) {
        StringBuilder s = new StringBuilder();
        for (int i = start; i < start + 256; i++) {
            s.append(String.format("\\%02x", patternByte(i) & 0xFF));
        }
        return s.toString();
    }

    /** The first and last 256 bytes of the page hold 0x80 + (address mod 256) (so sign extension shows), the rest 0. */
    private static byte patternByte(int address) {
        return address < 256 || address >= PAGE - 256 ? (byte) (0x80 + address) : 0;
    }
}
