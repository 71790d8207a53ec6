package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.ModuleReader.malformed;

import io.wasmspring.engine.ExternalKind;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.Export;
import io.wasmspring.engine.structure.GlobalDefinition;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;

/**
 * The sections that declare a module's entities (spec 5.5.4 to 5.5.11): types, imports,
 * functions, tables, memories, globals, exports and the start function.
 */
final class DeclarationSections {

    private final ModuleReader r;
    private final InstructionChecker instructions;
    private final ModuleStructure module;

    DeclarationSections(ModuleReader reader, InstructionChecker instructions, ModuleStructure module) {
        this.r = reader;
        this.instructions = instructions;
        this.module = module;
    }

    void typeSection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            module.types.add(Types.functionType(r));
        }
    }

    void importSection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            String moduleName = r.name();
            String name = r.name();
            int at = r.position();
            ExternalKind kind = ExternalKind.fromCode(r.u8());
            if (kind == null) {
                throw malformed("malformed import kind", at);
            }
            module.imports.add(switch (kind) {
                case FUNCTION -> new Import(moduleName, name, kind, r.u32(), null);
                case TABLE -> new Import(moduleName, name, kind, -1, Types.tableType(r));
                case MEMORY -> new Import(moduleName, name, kind, -1, Types.memoryType(r));
                case GLOBAL -> new Import(moduleName, name, kind, -1, Types.globalType(r));
            });
        }
    }

    void functionSection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            module.functionTypeIndices.add(r.u32());
        }
    }

    void tableSection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            module.tables.add(Types.tableType(r));
        }
    }

    void memorySection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            module.memories.add(Types.memoryType(r));
        }
    }

    void globalSection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            GlobalType type = Types.globalType(r);
            module.globals.add(new GlobalDefinition(type, constantExpression()));
        }
    }

    void exportSection() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            String name = r.name();
            int at = r.position();
            ExternalKind kind = ExternalKind.fromCode(r.u8());
            if (kind == null) {
                throw malformed("malformed export kind", at);
            }
            module.exports.add(new Export(name, kind, r.u32()));
        }
    }

    void startSection() {
        module.startFunction = r.u32();
    }

    /** An expression ending with {@code end}, kept as its byte range. */
    ConstantExpression constantExpression() {
        int start = r.position();
        instructions.expression();
        return new ConstantExpression(r.bytes(), start, r.position());
    }
}
