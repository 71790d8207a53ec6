package io.wasmspring.engine.validation;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.structure.ElementSegment;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;

/**
 * The spec's validation context C for one module: the types, functions, tables, memories,
 * globals, element and data segments it can refer to, and C.refs, the functions that
 * {@code ref.func} may name inside function bodies. Locals, labels and return belong to one
 * function and live in {@link FunctionValidator}. Every lookup checks its index and throws the
 * spec's "unknown ..." error, so a bad index never becomes an {@link IndexOutOfBoundsException}.
 */
final class ValidationContext {

    final ModuleStructure module;
    /** Parameter and result types of each type in the type section, as operand type codes. */
    private final int[][] typeParams;
    private final int[][] typeResults;
    /** Type index of each function in the function index space. */
    private final int[] functionTypes;
    private final TableType[] tables;
    private final int memoryCount;
    private final GlobalType[] globals;
    private final int importedGlobals;
    private final ElementSegment[] elements;
    /** Number of data segments, or -1 when the module has no data count section. */
    private final int dataCount;
    private final boolean[] refs;

    /** Builds C; checks the function type indices, since C.funcs is defined through them. */
    ValidationContext(ModuleStructure module) {
        this.module = module;
        int typeCount = module.types.size();
        typeParams = new int[typeCount][];
        typeResults = new int[typeCount][];
        for (int i = 0; i < typeCount; i++) {
            FunctionType type = module.types.get(i);
            typeParams[i] = OperandType.of(type.params());
            typeResults[i] = OperandType.of(type.results());
        }

        functionTypes = new int[module.functionCount()];
        tables = new TableType[module.tableCount()];
        globals = new GlobalType[module.globalCount()];
        int f = 0, t = 0, g = 0;
        for (Import imp : module.imports) {
            switch (imp.kind()) {
                case FUNCTION -> functionTypes[f++] = checkType(imp.functionTypeIndex(),
                        "import \"" + imp.module() + "\" \"" + imp.name() + "\"");
                case TABLE -> tables[t++] = (TableType) imp.type();
                case GLOBAL -> globals[g++] = (GlobalType) imp.type();
                case MEMORY -> { }
            }
        }
        importedGlobals = g;
        for (int i = 0; i < module.functionTypeIndices.size(); i++) {
            functionTypes[f] = checkType(module.functionTypeIndices.get(i), "function " + f);
            f++;
        }
        for (TableType table : module.tables) {
            tables[t++] = table;
        }
        for (var global : module.globals) {
            globals[g++] = global.type();
        }
        memoryCount = module.memoryCount();
        elements = module.elements.toArray(new ElementSegment[0]);
        dataCount = module.dataCount;
        refs = new boolean[functionTypes.length];
    }

    private int checkType(int typeIndex, String where) {
        if (typeIndex < 0 || typeIndex >= typeParams.length) {
            throw new InvalidModuleException(
                    "unknown type " + Integer.toUnsignedString(typeIndex) + " (" + where + ")");
        }
        return typeIndex;
    }

    // --- types -------------------------------------------------------------------------------

    boolean hasType(int index) {
        return index >= 0 && index < typeParams.length;
    }

    int[] typeParams(int index) {
        return typeParams[index];
    }

    int[] typeResults(int index) {
        return typeResults[index];
    }

    // --- functions ---------------------------------------------------------------------------

    int functionCount() {
        return functionTypes.length;
    }

    boolean hasFunction(int index) {
        return index >= 0 && index < functionTypes.length;
    }

    /** Type index of a function; the index must have been checked with {@link #hasFunction}. */
    int functionType(int index) {
        return functionTypes[index];
    }

    // --- tables, memories, globals -----------------------------------------------------------

    boolean hasTable(int index) {
        return index >= 0 && index < tables.length;
    }

    /** Element type of a table, as an operand type code. */
    int tableElementType(int index) {
        return OperandType.of(tables[index].elementType());
    }

    boolean hasMemory(int index) {
        return index >= 0 && index < memoryCount;
    }

    boolean hasGlobal(int index) {
        return index >= 0 && index < globals.length;
    }

    GlobalType global(int index) {
        return globals[index];
    }

    /** In constant expressions only imported globals are visible (Wasm 2.0). */
    int importedGlobalCount() {
        return importedGlobals;
    }

    // --- segments ----------------------------------------------------------------------------

    boolean hasElement(int index) {
        return index >= 0 && index < elements.length;
    }

    int elementType(int index) {
        return OperandType.of(elements[index].type());
    }

    /** Whether the module has a data count section, which {@code memory.init}/{@code data.drop} need. */
    boolean hasDataCount() {
        return dataCount >= 0;
    }

    boolean hasData(int index) {
        return index >= 0 && index < dataCount;
    }

    // --- C.refs ------------------------------------------------------------------------------

    void declareReference(int functionIndex) {
        if (hasFunction(functionIndex)) {
            refs[functionIndex] = true;
        }
    }

    boolean isDeclaredReference(int functionIndex) {
        return hasFunction(functionIndex) && refs[functionIndex];
    }
}
