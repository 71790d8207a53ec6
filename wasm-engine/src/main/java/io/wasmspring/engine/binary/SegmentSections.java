package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.ModuleReader.malformed;

import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.DataSegment;
import io.wasmspring.engine.structure.ElementSegment;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.SegmentMode;
import java.util.ArrayList;
import java.util.List;

/** The element, data count and data sections (spec 5.5.12, 5.5.14, 5.5.15). */
final class SegmentSections {

    /** The only element kind of 2.0: {@code funcref}. */
    private static final int ELEMKIND_FUNCREF = 0x00;

    private final ModuleReader r;
    private final DeclarationSections declarations;
    private final ModuleStructure module;

    SegmentSections(ModuleReader reader, DeclarationSections declarations, ModuleStructure module) {
        this.r = reader;
        this.declarations = declarations;
        this.module = module;
    }

    void elementSection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            module.elements.add(elementSegment());
        }
    }

    /**
     * The eight encodings, told apart by flag bits: bit 0 passive or declarative (with bit 1
     * declarative), else active with bit 1 meaning an explicit table index; bit 2 items as
     * expressions with a reference type, else function indices with an element kind.
     */
    private ElementSegment elementSegment() {
        int at = r.position();
        int flags = r.u32();
        if (flags < 0 || flags > 7) {
            throw malformed("malformed elements segment kind", at);
        }
        boolean expressions = (flags & 4) != 0;
        SegmentMode mode;
        int table = 0;
        ConstantExpression offset = null;
        if ((flags & 1) == 0) {
            mode = SegmentMode.ACTIVE;
            if ((flags & 2) != 0) {
                table = r.u32();
            }
            offset = declarations.constantExpression();
        } else {
            mode = (flags & 2) != 0 ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
        }
        ValueType type = ValueType.FUNCREF;
        // Forms 0 and 4 (active, table 0) have neither an element kind nor a reference type.
        if ((flags & 3) != 0) {
            type = expressions ? Types.referenceType(r) : elementKind();
        }
        int count = r.vectorLength();
        List<ConstantExpression> items = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            items.add(expressions ? declarations.constantExpression() : ConstantExpression.refFunc(r.u32()));
        }
        return new ElementSegment(type, mode, table, offset, items);
    }

    private ValueType elementKind() {
        int at = r.position();
        if (r.u8() != ELEMKIND_FUNCREF) {
            throw malformed("malformed element kind", at);
        }
        return ValueType.FUNCREF;
    }

    void dataCountSection() {
        int at = r.position();
        int count = r.u32();
        if (count < 0) {
            // 2^31 or more: no data section can be that long, and -1 means "absent" in the structure.
            throw malformed("data count and data section have inconsistent lengths", at);
        }
        module.dataCount = count;
    }

    void dataSection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            module.datas.add(dataSegment());
        }
    }

    /** Flags 0 (active, memory 0), 1 (passive) or 2 (active, explicit memory). */
    private DataSegment dataSegment() {
        int at = r.position();
        int flags = r.u32();
        switch (flags) {
            case 0 -> {
                ConstantExpression offset = declarations.constantExpression();
                return new DataSegment(SegmentMode.ACTIVE, 0, offset, r.byteVector());
            }
            case 1 -> {
                return new DataSegment(SegmentMode.PASSIVE, 0, null, r.byteVector());
            }
            case 2 -> {
                int memory = r.u32();
                ConstantExpression offset = declarations.constantExpression();
                return new DataSegment(SegmentMode.ACTIVE, memory, offset, r.byteVector());
            }
            default -> throw malformed("malformed data segment kind", at);
        }
    }
}
