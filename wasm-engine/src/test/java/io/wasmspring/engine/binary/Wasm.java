package io.wasmspring.engine.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: assembles module binaries byte by byte, the way the spec's grammar reads. */
final class Wasm {

    static final int[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private Wasm() {
    }

    /** A module: the header followed by the given pieces (usually sections). */
    static byte[] module(byte[]... sections) {
        return concat(bytes(HEADER), concat(sections));
    }

    /** A section: id, u32 size, content. */
    static byte[] section(int id, byte[]... content) {
        byte[] body = concat(content);
        return concat(bytes(id), u32(body.length), body);
    }

    /** A vector: u32 count, then the elements as given. */
    static byte[] vec(int count, byte[]... elements) {
        return concat(u32(count), concat(elements));
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] u32(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            out.write(v == 0 ? b : b | 0x80);
        } while (v != 0);
        return out.toByteArray();
    }

    static byte[] name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return concat(u32(utf8.length), utf8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Type section with one {@code [] -> []} function type. */
    static byte[] voidType() {
        return section(1, vec(1, bytes(0x60, 0x00, 0x00)));
    }

    /** Function section declaring {@code n} functions of type 0. */
    static byte[] functions(int n) {
        byte[][] zeros = new byte[n][];
        for (int i = 0; i < n; i++) {
            zeros[i] = bytes(0);
        }
        return section(3, vec(n, zeros));
    }

    /** One function body: size, no locals, then {@code code} (which must include the final end). */
    static byte[] body(int... code) {
        byte[] content = concat(bytes(0x00), bytes(code));
        return concat(u32(content.length), content);
    }

    /** A module of one {@code [] -> []} function whose body is {@code code}, with one memory. */
    static byte[] function(int... code) {
        return module(voidType(), functions(1), section(5, vec(1, bytes(0x00, 0x01))), section(10, vec(1, body(code))));
    }
}
