package io.wasmspring.engine.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the binary format's encodings: LEB128 integers, floats, names, vectors. */
final class ByteWriter {

    private byte[] bytes = new byte[64];
    private int size;

    void u8(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) b;
    }

    void bytes(byte[] b) {
        for (byte x : b) {
            u8(x);
        }
    }

    void append(ByteWriter other) {
        for (int i = 0; i < other.size; i++) {
            u8(other.bytes[i]);
        }
    }

    /** Unsigned LEB128 of a u32 (given as a non-negative long or an int read as unsigned). */
    void u32(long value) {
        long v = value & 0xFFFF_FFFFL;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    /** Signed LEB128 of any value up to 64 bits (s32, s33, s64). */
    void s64(long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = value == 0 && (b & 0x40) == 0 || value == -1 && (b & 0x40) != 0;
            u8(done ? b : b | 0x80);
            if (done) {
                return;
            }
        }
    }

    void s32(int value) {
        s64(value);
    }

    void f32(int bits) {
        for (int i = 0; i < 4; i++) {
            u8(bits >>> (8 * i));
        }
    }

    void f64(long bits) {
        for (int i = 0; i < 8; i++) {
            u8((int) (bits >>> (8 * i)));
        }
    }

    /** A name: its UTF-8 length, then the bytes. */
    void name(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        bytes(b);
    }

    /** A byte vector: length, then the bytes. */
    void byteVector(byte[] b) {
        u32(b.length);
        bytes(b);
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
