package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.ModuleReader.malformed;
import static io.wasmspring.engine.structure.SectionId.*;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.structure.CustomSection;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.NameSection;
import io.wasmspring.engine.structure.Preamble;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes a module from the WebAssembly 2.0 binary format (spec chapter 5) into a
 * {@link ModuleStructure}: the preamble, then the sections in their required order, each
 * ending exactly where its size says. Instruction sequences are checked for well-formedness
 * here; types and indices are the validator's business, so a well-formed but invalid module
 * decodes fine. Every failure is a {@link MalformedModuleException} with the byte offset.
 */
public final class BinaryDecoder {

    /** Position of each section id in the required order; the data count section precedes code. */
    private static final int[] ORDER = new int[COUNT];

    static {
        int[] ids = {TYPE, IMPORT, FUNCTION, TABLE, MEMORY, GLOBAL, EXPORT, START, ELEMENT, DATA_COUNT, CODE, DATA};
        for (int i = 0; i < ids.length; i++) {
            ORDER[ids[i]] = i + 1;
        }
    }

    private final ModuleReader r;
    private final ModuleStructure module = new ModuleStructure();
    private final InstructionChecker instructions;
    private final DeclarationSections declarations;
    private final SegmentSections segments;
    private final CodeSection code;

    private BinaryDecoder(byte[] bytes, long maxModuleLocals) {
        this.r = new ModuleReader(bytes);
        this.instructions = new InstructionChecker(r);
        this.declarations = new DeclarationSections(r, instructions, module);
        this.segments = new SegmentSections(r, declarations, module);
        this.code = new CodeSection(r, instructions, module, maxModuleLocals);
    }

    /** Decodes {@code bytes}, a whole module binary. */
    public static ModuleStructure decode(byte[] bytes) {
        return decode(bytes, CodeSection.MAX_MODULE_LOCALS);
    }

    /** Decodes with another module-wide limit on declared locals (for tests). */
    static ModuleStructure decode(byte[] bytes, long maxModuleLocals) {
        Objects.requireNonNull(bytes, "bytes");
        return new BinaryDecoder(bytes, maxModuleLocals).module();
    }

    private ModuleStructure module() {
        preamble();
        int lastOrder = 0;
        while (!r.atEnd()) {
            int idAt = r.position();
            int id = r.u8();
            if (id >= ORDER.length) {
                throw malformed("malformed section id", idAt);
            }
            int size = r.length();
            int start = r.position();
            int end = start + size;
            if (id == CUSTOM) {
                customSection(end);
            } else {
                if (ORDER[id] <= lastOrder) {
                    // Repeated or out of order: the reference decoder has read past its last section.
                    throw malformed("unexpected content after last section", idAt);
                }
                lastOrder = ORDER[id];
                section(id);
            }
            if (r.position() != end) {
                throw malformed("section size mismatch", start);
            }
        }
        checkCounts();
        return module;
    }

    private void preamble() {
        byte[] bytes = r.bytes();
        if (bytes.length < 4) {
            throw malformed("unexpected end", bytes.length);
        }
        if (!Preamble.hasMagic(bytes)) {
            throw malformed("magic header not detected", 0);
        }
        if (bytes.length < Preamble.LENGTH) {
            throw malformed("unexpected end", bytes.length);
        }
        if (!Preamble.hasVersion(bytes)) {
            throw malformed("unknown binary version", 4);
        }
        r.skip(Preamble.LENGTH);
    }

    private void section(int id) {
        switch (id) {
            case TYPE -> declarations.typeSection();
            case IMPORT -> declarations.importSection();
            case FUNCTION -> declarations.functionSection();
            case TABLE -> declarations.tableSection();
            case MEMORY -> declarations.memorySection();
            case GLOBAL -> declarations.globalSection();
            case EXPORT -> declarations.exportSection();
            case START -> declarations.startSection();
            case ELEMENT -> segments.elementSection();
            case DATA_COUNT -> segments.dataCountSection();
            case CODE -> {
                code.read();
                if (instructions.usesDataCount() && module.dataCount < 0) {
                    throw malformed("data count section required", r.position());
                }
            }
            case DATA -> segments.dataSection();
            default -> throw new IllegalStateException("section " + id);
        }
    }

    /** A name and the rest of the section as payload; the {@code name} section is also parsed. */
    private void customSection(int end) {
        String name = r.name();
        int payloadStart = r.position();
        if (payloadStart > end) {
            throw malformed("unexpected end of section or function", end);
        }
        byte[] payload = Arrays.copyOfRange(r.bytes(), payloadStart, end);
        r.skip(end - payloadStart);
        module.customSections.add(new CustomSection(name, payload));
        if (name.equals(NameSectionParser.SECTION_NAME) && module.names == NameSection.EMPTY) {
            module.names = NameSectionParser.parse(payload);
        }
    }

    /** The cross-section agreements of spec 5.5.16. */
    private void checkCounts() {
        int end = r.bytes().length;
        if (module.functionTypeIndices.size() != module.codes.size()) {
            throw malformed("function and code section have inconsistent lengths", end);
        }
        if (module.dataCount >= 0 && module.dataCount != module.datas.size()) {
            throw malformed("data count and data section have inconsistent lengths", end);
        }
    }
}
