package io.wasmspring.engine.binary;

import io.wasmspring.engine.MalformedModuleException;
import java.nio.charset.StandardCharsets;

/**
 * Names (spec 5.2.4) are UTF-8: checked strictly here, since the JDK's decoder would silently
 * replace what the format rejects (overlong forms, surrogates, code points above U+10FFFF).
 */
final class Utf8 {

    static final String MALFORMED = "malformed UTF-8 encoding";

    private Utf8() {
    }

    /** Decodes {@code length} bytes from {@code start}, which the caller has bounds-checked. */
    static String decode(byte[] bytes, int start, int length) {
        int end = start + length;
        boolean ascii = true;
        int i = start;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            ascii = false;
            i = checkSequence(bytes, i, end, b);
        }
        if (ascii) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }

    /** Checks one multi-byte sequence starting with lead byte {@code b} at {@code i}; returns the next index. */
    private static int checkSequence(byte[] bytes, int i, int end, int b) {
        int count;
        int min;
        int codePoint;
        if (b >= 0xC2 && b <= 0xDF) {
            count = 1;
            min = 0x80;
            codePoint = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            count = 2;
            min = 0x800;
            codePoint = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            count = 3;
            min = 0x10000;
            codePoint = b & 0x07;
        } else {
            // Continuation bytes, the overlong leads 0xC0/0xC1 and the leads above 0xF4.
            throw new MalformedModuleException(MALFORMED, i);
        }
        if (end - i <= count) {
            throw new MalformedModuleException(MALFORMED, i);
        }
        for (int k = 1; k <= count; k++) {
            int c = bytes[i + k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                throw new MalformedModuleException(MALFORMED, i);
            }
            codePoint = codePoint << 6 | (c & 0x3F);
        }
        if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw new MalformedModuleException(MALFORMED, i);
        }
        return i + count + 1;
    }
}
