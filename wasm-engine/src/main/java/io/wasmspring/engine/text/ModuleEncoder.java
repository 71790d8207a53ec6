package io.wasmspring.engine.text;

import static io.wasmspring.engine.structure.SectionId.*;

import io.wasmspring.engine.structure.Preamble;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the entries of each section of a module while the text is parsed, and writes the
 * binary format: preamble, then the non-empty sections in the order the spec requires.
 */
final class ModuleEncoder {

    /** Section contents: an entry count and the entries' bytes. */
    static final class Section {
        int count;
        final ByteWriter entries = new ByteWriter();

        /** Starts a new entry; returns the writer to put it in. */
        ByteWriter add() {
            count++;
            return entries;
        }
    }

    final List<FuncSig> types = new ArrayList<>();
    final Section imports = new Section();
    final Section functions = new Section();
    final Section tables = new Section();
    final Section memories = new Section();
    final Section globals = new Section();
    final Section exports = new Section();
    final Section elements = new Section();
    final Section codes = new Section();
    final Section datas = new Section();
    long start = -1;
    /** Payload of the {@code name} custom section, or null. */
    ByteWriter names;

    byte[] encode(boolean writeDataCount) {
        ByteWriter w = new ByteWriter();
        w.bytes(Preamble.bytes());
        if (!types.isEmpty()) {
            Section typeSection = new Section();
            for (FuncSig sig : types) {
                sig.encode(typeSection.add());
            }
            section(w, TYPE, typeSection);
        }
        section(w, IMPORT, imports);
        section(w, FUNCTION, functions);
        section(w, TABLE, tables);
        section(w, MEMORY, memories);
        section(w, GLOBAL, globals);
        section(w, EXPORT, exports);
        if (start >= 0) {
            ByteWriter body = new ByteWriter();
            body.u32(start);
            raw(w, START, body);
        }
        section(w, ELEMENT, elements);
        if (writeDataCount || datas.count > 0) {
            ByteWriter body = new ByteWriter();
            body.u32(datas.count);
            raw(w, DATA_COUNT, body);
        }
        section(w, CODE, codes);
        section(w, DATA, datas);
        if (names != null) {
            ByteWriter body = new ByteWriter();
            body.name("name");
            body.append(names);
            raw(w, CUSTOM, body);
        }
        return w.toByteArray();
    }

    private static void section(ByteWriter w, int id, Section s) {
        if (s.count == 0) {
            return;
        }
        ByteWriter body = new ByteWriter();
        body.u32(s.count);
        body.append(s.entries);
        raw(w, id, body);
    }

    private static void raw(ByteWriter w, int id, ByteWriter body) {
        w.u8(id);
        w.u32(body.size());
        w.append(body);
    }
}
