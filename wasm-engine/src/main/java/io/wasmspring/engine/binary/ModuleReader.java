package io.wasmspring.engine.binary;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.structure.CodeReader;
import java.util.Arrays;

/**
 * Reads the binary format's basic values (spec 5.2: bytes, integers, names, vectors) front to
 * back. Like the reference decoder it reads against the end of the whole input; callers check
 * that each section or body ended where its size said. Every length is checked against the bytes
 * that remain before anything is allocated for it.
 */
final class ModuleReader {

    private final byte[] bytes;
    /** The one cursor over the input; its LEB128 reads implement the format's size rules. */
    private final CodeReader cursor;

    ModuleReader(byte[] bytes) {
        this.bytes = bytes;
        this.cursor = new CodeReader(bytes, 0, bytes.length);
    }

    byte[] bytes() {
        return bytes;
    }

    /** The cursor, for the instruction checker, which reads from the same position. */
    CodeReader cursor() {
        return cursor;
    }

    int position() {
        return cursor.position();
    }

    boolean atEnd() {
        return cursor.atEnd();
    }

    int remaining() {
        return bytes.length - cursor.position();
    }

    /** The next byte without consuming it, or -1 at the end of the input. */
    int peek() {
        int p = cursor.position();
        return p < bytes.length ? bytes[p] & 0xFF : -1;
    }

    int u8() {
        return cursor.readByte();
    }

    /** An unsigned 32-bit integer; values of 2^31 and more come back negative. */
    int u32() {
        return cursor.readU32();
    }

    /**
     * A length (of a vector or a byte string): a u32 that cannot exceed the remaining input, since
     * every element takes at least one byte. This bounds all allocations by the input size.
     */
    int length() {
        int start = position();
        int n = u32();
        if (n < 0 || n > remaining()) {
            throw malformed("length out of bounds", start);
        }
        return n;
    }

    /**
     * The element count of a vector. Elements take at least one byte each, so a count beyond the
     * remaining input is capped to one more than fits: reading then fails at the end of the input,
     * as it should, without anything sized by the hostile count.
     */
    int vectorLength() {
        long n = Integer.toUnsignedLong(u32());
        return (int) Math.min(n, remaining() + 1L);
    }

    /**
     * A one-byte tag that the reference decoder reads as a LEB128 integer of 7 bits or fewer:
     * a continuation bit makes it too long.
     */
    int tag() {
        int at = position();
        int b = u8();
        if ((b & 0x80) != 0) {
            throw malformed("integer representation too long", at);
        }
        return b;
    }

    /** A byte string {@code vec(byte)}, copied out of the input. */
    byte[] byteVector() {
        int n = u32();
        int start = position();
        if (n < 0 || n > remaining()) {
            // Unlike names, the reference reads these bytes until the input runs out.
            throw malformed("unexpected end of section or function", start);
        }
        skip(n);
        return Arrays.copyOfRange(bytes, start, start + n);
    }

    /** A name: a UTF-8 byte string. */
    String name() {
        int n = length();
        int start = position();
        String name = Utf8.decode(bytes, start, n);
        skip(n);
        return name;
    }

    void skip(int n) {
        cursor.skip(n);
    }

    static MalformedModuleException malformed(String message, int offset) {
        return new MalformedModuleException(message, offset);
    }
}
