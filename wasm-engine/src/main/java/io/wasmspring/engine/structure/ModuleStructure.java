package io.wasmspring.engine.structure;

import io.wasmspring.engine.ExternalKind;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.TableType;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded module: every section's content, in the spec's terms. The decoder fills the lists
 * in section order; after that the structure is only read. Index spaces (functions, tables,
 * memories, globals) start with the imports, followed by the module's own definitions.
 */
public final class ModuleStructure {

    public final List<FunctionType> types = new ArrayList<>();
    public final List<Import> imports = new ArrayList<>();
    /** Type index of each function the module defines (the function section). */
    public final List<Integer> functionTypeIndices = new ArrayList<>();
    public final List<TableType> tables = new ArrayList<>();
    public final List<MemoryType> memories = new ArrayList<>();
    public final List<GlobalDefinition> globals = new ArrayList<>();
    public final List<Export> exports = new ArrayList<>();
    /** Index of the start function, or -1. */
    public int startFunction = -1;
    public final List<ElementSegment> elements = new ArrayList<>();
    /** The data count section's value, or -1 when the section is absent. */
    public int dataCount = -1;
    /** The code section: one body per defined function, same order as {@link #functionTypeIndices}. */
    public final List<FunctionBody> codes = new ArrayList<>();
    public final List<DataSegment> datas = new ArrayList<>();
    public final List<CustomSection> customSections = new ArrayList<>();
    public NameSection names = NameSection.EMPTY;

    private int importedFunctions = -1;
    private int importedTables;
    private int importedMemories;
    private int importedGlobals;

    private void countImports() {
        if (importedFunctions >= 0) {
            return;
        }
        int f = 0, t = 0, m = 0, g = 0;
        for (Import imp : imports) {
            switch (imp.kind()) {
                case FUNCTION -> f++;
                case TABLE -> t++;
                case MEMORY -> m++;
                case GLOBAL -> g++;
            }
        }
        importedTables = t;
        importedMemories = m;
        importedGlobals = g;
        importedFunctions = f;
    }

    public int importedFunctionCount() {
        countImports();
        return importedFunctions;
    }

    public int importedTableCount() {
        countImports();
        return importedTables;
    }

    public int importedMemoryCount() {
        countImports();
        return importedMemories;
    }

    public int importedGlobalCount() {
        countImports();
        return importedGlobals;
    }

    /** Size of the function index space: imported plus defined. */
    public int functionCount() {
        return importedFunctionCount() + functionTypeIndices.size();
    }

    public int tableCount() {
        return importedTableCount() + tables.size();
    }

    public int memoryCount() {
        return importedMemoryCount() + memories.size();
    }

    public int globalCount() {
        return importedGlobalCount() + globals.size();
    }

    /** Type index of function {@code funcIndex} in the function index space. Assumes a valid index. */
    public int functionTypeIndex(int funcIndex) {
        int imported = importedFunctionCount();
        if (funcIndex < imported) {
            int i = 0;
            for (Import imp : imports) {
                if (imp.kind() == ExternalKind.FUNCTION && i++ == funcIndex) {
                    return imp.functionTypeIndex();
                }
            }
        }
        return functionTypeIndices.get(funcIndex - imported);
    }

    /** Type of function {@code funcIndex}. Assumes a valid module. */
    public FunctionType functionType(int funcIndex) {
        return types.get(functionTypeIndex(funcIndex));
    }

    /** Type of table {@code index} in the table index space. */
    public TableType tableType(int index) {
        int imported = importedTableCount();
        return index < imported ? (TableType) nthImport(ExternalKind.TABLE, index).type() : tables.get(index - imported);
    }

    /** Type of memory {@code index} in the memory index space. */
    public MemoryType memoryType(int index) {
        int imported = importedMemoryCount();
        return index < imported ? (MemoryType) nthImport(ExternalKind.MEMORY, index).type() : memories.get(index - imported);
    }

    /** Type of global {@code index} in the global index space. */
    public GlobalType globalType(int index) {
        int imported = importedGlobalCount();
        return index < imported ? (GlobalType) nthImport(ExternalKind.GLOBAL, index).type() : globals.get(index - imported).type();
    }

    /** The {@code n}th import of the given kind. */
    public Import nthImport(ExternalKind kind, int n) {
        int i = 0;
        for (Import imp : imports) {
            if (imp.kind() == kind && i++ == n) {
                return imp;
            }
        }
        throw new IndexOutOfBoundsException(kind + " import " + n);
    }

    /** The function's name from the name section, or {@code null}. */
    public String functionName(int funcIndex) {
        return names.functionNames().get(funcIndex);
    }
}
