package io.wasmspring.engine.structure;

import java.util.Arrays;

/**
 * The eight bytes every module binary starts with (spec 5.5.16): the magic {@code \0asm}, then
 * the version 1 as a little-endian u32.
 */
public final class Preamble {

    /** Length of the whole preamble; the magic and the version take four bytes each. */
    public static final int LENGTH = 8;

    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};
    private static final byte[] VERSION = {0x01, 0x00, 0x00, 0x00};

    private Preamble() {
    }

    /** A fresh copy of the preamble, for writers. */
    public static byte[] bytes() {
        byte[] out = Arrays.copyOf(MAGIC, LENGTH);
        System.arraycopy(VERSION, 0, out, MAGIC.length, VERSION.length);
        return out;
    }

    /** Whether {@code bytes} starts with the magic {@code \0asm}. */
    public static boolean hasMagic(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Whether bytes 4 to 7 of {@code bytes} are the version this engine reads. */
    public static boolean hasVersion(byte[] bytes) {
        return bytes.length >= LENGTH && Arrays.equals(bytes, MAGIC.length, LENGTH, VERSION, 0, VERSION.length);
    }
}
