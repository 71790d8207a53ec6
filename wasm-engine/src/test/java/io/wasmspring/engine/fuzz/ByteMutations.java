package io.wasmspring.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Edits a seed module with mutations read from the fuzzer's input, so that the fuzzer steers
 * which bytes change while the seed keeps most of its structure: the input says how many edits,
 * of which kind, where, and with what. The kinds are the ones that break a binary module in
 * interesting ways: flipped bits, replaced bytes, LEB128 values (sizes, counts, indices)
 * written over, ranges inserted, deleted or repeated, and truncation.
 */
final class ByteMutations {

    /** Bytes the binary format gives a meaning: block ends, type codes, prefixes, LEB continuation. */
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x0B, 0x40, 0x60, 0x6F, 0x70, 0x7B, 0x7C, 0x7D,
            0x7E, 0x7F, 0x80, 0xFC, 0xFD, 0xFF};

    private ByteMutations() {
    }

    /** {@code seed} with up to {@code maxEdits} edits from {@code data}; the seed itself is not changed. */
    static byte[] mutate(byte[] seed, FuzzedDataProvider data, int maxEdits) {
        byte[] m = seed;
        int edits = data.consumeInt(0, maxEdits);
        for (int i = 0; i < edits; i++) {
            m = editOnce(m, data);
        }
        return m;
    }

    private static byte[] editOnce(byte[] in, FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 7);
        int at = in.length == 0 ? 0 : data.consumeInt(0, in.length - 1);
        switch (kind) {
            case 0 -> {
                byte[] m = in.clone();
                if (m.length > 0) {
                    m[at] ^= (byte) (1 << data.consumeInt(0, 7));
                }
                return m;
            }
            case 1 -> {
                byte[] m = in.clone();
                if (m.length > 0) {
                    m[at] = (byte) INTERESTING[data.consumeInt(0, INTERESTING.length - 1)];
                }
                return m;
            }
            case 2 -> {
                byte[] m = in.clone();
                if (m.length > 0) {
                    m[at] = data.consumeByte();
                }
                return m;
            }
            case 3 -> {
                // Over a size, count or index: a LEB128 of a chosen value, sometimes over-long.
                byte[] leb = leb128(data.consumeInt() & 0xFFFF_FFFFL, data.consumeInt(0, 2));
                int replaced = Math.min(data.consumeInt(0, 5), in.length - at);
                return splice(in, at, replaced, leb);
            }
            case 4 -> {
                return splice(in, at, 0, data.consumeBytes(data.consumeInt(1, 16)));
            }
            case 5 -> {
                return splice(in, at, Math.min(data.consumeInt(1, 32), in.length - at), new byte[0]);
            }
            case 6 -> {
                int length = Math.min(data.consumeInt(1, 64), in.length - at);
                return splice(in, at, 0, Arrays.copyOfRange(in, at, at + length));
            }
            default -> {
                return Arrays.copyOf(in, at);
            }
        }
    }

    /** The unsigned LEB128 encoding of {@code value}, padded with {@code extraBytes} redundant bytes. */
    static byte[] leb128(long value, int extraBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long v = value;
        int padding = extraBytes;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            if (v != 0 || padding > 0) {
                b |= 0x80;
            }
            out.write(b);
        } while (v != 0);
        while (padding-- > 0) {
            out.write(padding > 0 ? 0x80 : 0x00);
        }
        return out.toByteArray();
    }

    static byte[] splice(byte[] in, int at, int removed, byte[] inserted) {
        int start = Math.min(Math.max(at, 0), in.length);
        int cut = Math.max(0, Math.min(removed, in.length - start));
        byte[] out = new byte[in.length - cut + inserted.length];
        System.arraycopy(in, 0, out, 0, start);
        System.arraycopy(inserted, 0, out, start, inserted.length);
        System.arraycopy(in, start + cut, out, start + inserted.length, in.length - start - cut);
        return out;
    }
}
