package io.wasmspring.engine.validation;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.structure.GlobalDefinition;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.structure.DataSegment;
import io.wasmspring.engine.structure.ElementSegment;
import io.wasmspring.engine.structure.Export;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.SegmentMode;
import java.util.HashSet;
import java.util.Set;

/**
 * The module-level rules of the spec's "Modules" validation section: imports, tables, memories,
 * globals, element and data segments, exports and the start function; then every function body.
 * Everything outside function bodies is checked first, so that C.refs is complete before
 * {@code ref.func} in a body is checked against it.
 */
final class ModuleValidator {

    /** Most pages a 32-bit memory can have: 4 GiB. */
    static final long MAX_MEMORY_PAGES = 65536;
    /** Table sizes are u32. */
    static final long MAX_TABLE_SIZE = 0xFFFF_FFFFL;

    private final ModuleStructure module;
    private final ValidationContext context;
    private final ConstantExpressionValidator constants;

    ModuleValidator(ModuleStructure module) {
        this.module = module;
        this.context = new ValidationContext(module);
        this.constants = new ConstantExpressionValidator(context);
    }

    void validate() {
        imports();
        for (int i = 0; i < module.tables.size(); i++) {
            table(module.tables.get(i), "table " + (module.importedTableCount() + i));
        }
        for (int i = 0; i < module.memories.size(); i++) {
            memory(module.memories.get(i), "memory " + (module.importedMemoryCount() + i));
        }
        if (module.memoryCount() > 1) {
            throw new InvalidModuleException("multiple memories: the module has " + module.memoryCount()
                    + " memories, WebAssembly 2.0 allows one");
        }
        globals();
        elements();
        datas();
        exports();
        start();
        functions();
    }

    private void imports() {
        // Function imports' type indices were checked when building C.
        for (Import imp : module.imports) {
            String where = "import \"" + imp.module() + "\" \"" + imp.name() + "\"";
            switch (imp.kind()) {
                case TABLE -> table((TableType) imp.type(), where);
                case MEMORY -> memory((MemoryType) imp.type(), where);
                case FUNCTION, GLOBAL -> { }
            }
        }
    }

    private static void table(TableType type, String where) {
        limits(type.limits(), MAX_TABLE_SIZE, "table size must be at most 2^32-1 elements", where);
    }

    private static void memory(MemoryType type, String where) {
        limits(type.limits(), MAX_MEMORY_PAGES, "memory size must be at most 65536 pages (4GiB)", where);
    }

    /** Limits valid within range {@code k}: min and max at most k, min at most max. */
    private static void limits(Limits limits, long k, String tooLarge, String where) {
        if (limits.min() < 0 || limits.min() > k || (limits.hasMax() && (limits.max() < 0 || limits.max() > k))) {
            throw new InvalidModuleException(tooLarge + " (" + where + " has limits " + limits + ")");
        }
        if (limits.hasMax() && limits.min() > limits.max()) {
            throw new InvalidModuleException("size minimum must not be greater than maximum (" + where
                    + " has limits " + limits + ")");
        }
    }

    private void globals() {
        int first = module.importedGlobalCount();
        for (int i = 0; i < module.globals.size(); i++) {
            GlobalDefinition global = module.globals.get(i);
            constants.validate(global.init(), OperandType.of(global.type().valueType()), "global " + (first + i));
        }
    }

    private void elements() {
        for (int i = 0; i < module.elements.size(); i++) {
            ElementSegment segment = module.elements.get(i);
            String where = "elem segment " + i;
            int type = OperandType.of(segment.type());
            if (!OperandType.isReference(type)) {
                throw new InvalidModuleException("type mismatch: " + where + " has non-reference type " + segment.type());
            }
            if (segment.mode() == SegmentMode.ACTIVE) {
                int table = segment.tableIndex();
                if (!context.hasTable(table)) {
                    throw new InvalidModuleException("unknown table " + Integer.toUnsignedString(table)
                            + " (" + where + ")");
                }
                if (context.tableElementType(table) != type) {
                    throw new InvalidModuleException("type mismatch: " + where + " holds " + segment.type()
                            + " but table " + table + " holds " + module.tableType(table).elementType());
                }
                constants.validate(segment.offset(), OperandType.I32, where + " offset");
            }
            for (int item = 0; item < segment.items().size(); item++) {
                constants.validate(segment.items().get(item), type, where + " item " + item);
            }
        }
    }

    private void datas() {
        for (int i = 0; i < module.datas.size(); i++) {
            DataSegment segment = module.datas.get(i);
            if (segment.mode() == SegmentMode.ACTIVE) {
                String where = "data segment " + i;
                if (!context.hasMemory(segment.memoryIndex())) {
                    throw new InvalidModuleException("unknown memory " + Integer.toUnsignedString(segment.memoryIndex())
                            + " (" + where + ")");
                }
                constants.validate(segment.offset(), OperandType.I32, where + " offset");
            }
        }
    }

    private void exports() {
        Set<String> names = new HashSet<>();
        for (Export export : module.exports) {
            if (!names.add(export.name())) {
                throw new InvalidModuleException("duplicate export name \"" + export.name() + "\"");
            }
            int index = export.index();
            boolean exists = switch (export.kind()) {
                case FUNCTION -> context.hasFunction(index);
                case TABLE -> context.hasTable(index);
                case MEMORY -> context.hasMemory(index);
                case GLOBAL -> context.hasGlobal(index);
            };
            if (!exists) {
                throw new InvalidModuleException("unknown " + export.kind().name().toLowerCase() + " "
                        + Integer.toUnsignedString(index) + " (export \"" + export.name() + "\")");
            }
            if (export.kind() == io.wasmspring.engine.ExternalKind.FUNCTION) {
                context.declareReference(index);
            }
        }
    }

    private void start() {
        int start = module.startFunction;
        if (start == -1) {
            return;
        }
        if (!context.hasFunction(start)) {
            throw new InvalidModuleException("unknown function " + Integer.toUnsignedString(start) + " (start function)");
        }
        FunctionType type = module.types.get(context.functionType(start));
        if (!type.params().isEmpty() || !type.results().isEmpty()) {
            throw new InvalidModuleException("start function " + start + " must have type [] -> [] but has " + type);
        }
    }

    private void functions() {
        int defined = module.functionTypeIndices.size();
        if (module.codes.size() != defined) {
            throw new MalformedModuleException("function and code section have inconsistent lengths", 0);
        }
        FunctionValidator validator = new FunctionValidator(context);
        int first = module.importedFunctionCount();
        for (int i = 0; i < defined; i++) {
            validator.validate(first + i, module.codes.get(i));
        }
    }
}
