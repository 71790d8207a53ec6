package io.wasmspring.engine.runtime;

import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.LinkException;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Table;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.interpreter.CompiledFunction;
import io.wasmspring.engine.interpreter.Interpreter;
import io.wasmspring.engine.structure.DataSegment;
import io.wasmspring.engine.structure.ElementSegment;
import io.wasmspring.engine.structure.GlobalDefinition;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.SegmentMode;

/**
 * The spec's instantiation algorithm (Execution → Modules → Instantiation) in three steps, so that
 * the caller can attach its public facade before any code runs:
 * {@link #allocate} (functions, tables, memories, globals, segments), {@link #initialize}
 * (active element then data segments, in order; a segment out of bounds traps and the writes of
 * earlier segments stay, as in 2.0) and {@link #start} (the start function).
 */
public final class Instantiation {

    private static final byte[] NO_BYTES = new byte[0];
    private static final Object[] NO_REFS = new Object[0];

    private Instantiation() {
    }

    /**
     * Allocates the module instance: imported objects first in every index space, then the
     * module's own functions, tables, memories and globals (initializers evaluated in order),
     * element segments' references and data segments' bytes.
     *
     * @param types    the module's types, canonical ({@link FunctionTypes})
     * @param compiled one lowered body per defined function
     * @param externs  one matching object per import, in import order (see {@link Linker})
     */
    public static InstanceState allocate(ModuleStructure structure, FunctionType[] types, CompiledFunction[] compiled,
                                         Object[] externs, Store store) {
        return allocate(structure, types, compiled, externs, store, ExecutionLimits.DEFAULT);
    }

    /**
     * Same, for an instance that obeys {@code limits}: its own memories are capped at
     * {@link ExecutionLimits#maxMemoryPages()}.
     *
     * @throws LinkException when a memory of the module starts bigger than that cap
     */
    public static InstanceState allocate(ModuleStructure structure, FunctionType[] types, CompiledFunction[] compiled,
                                         Object[] externs, Store store, ExecutionLimits limits) {
        if (compiled.length != structure.functionTypeIndices.size()) {
            throw new WasmException("internal error: " + compiled.length + " compiled bodies for "
                    + structure.functionTypeIndices.size() + " defined functions");
        }
        InstanceState state = new InstanceState(structure, store);
        state.limits = limits;
        state.types = types;
        state.functions = new FunctionInstance[structure.functionCount()];
        state.tables = new Table[structure.tableCount()];
        state.memories = new Memory[structure.memoryCount()];
        state.globals = new Global[structure.globalCount()];

        int f = 0, t = 0, m = 0, g = 0;
        for (int i = 0; i < externs.length; i++) {
            Import imp = structure.imports.get(i);
            switch (imp.kind()) {
                case FUNCTION -> state.functions[f++] = (FunctionInstance) externs[i];
                case TABLE -> state.tables[t++] = (Table) externs[i];
                case MEMORY -> state.memories[m++] = (Memory) externs[i];
                case GLOBAL -> state.globals[g++] = (Global) externs[i];
            }
        }
        for (int d = 0; d < compiled.length; d++, f++) {
            state.functions[f] = new WasmFunction(types[structure.functionTypeIndices.get(d)], state, f, compiled[d]);
        }
        checkTableElements(state.tables, t, structure);
        for (int d = 0; d < structure.tables.size(); d++) {
            state.tables[t] = allocateTable(structure.tables.get(d), t);
            t++;
        }
        for (int d = 0; d < structure.memories.size(); d++) {
            state.memories[m] = allocateMemory(structure.memories.get(d), m, limits.maxMemoryPages());
            m++;
        }
        for (GlobalDefinition definition : structure.globals) {
            // Each initializer sees the imported globals and the ones defined before it.
            Global global = new Global(definition.type());
            ConstantEvaluator.write(global, ConstantEvaluator.evaluate(definition.init(), state));
            state.globals[g++] = global;
        }

        state.elements = new Object[structure.elements.size()][];
        for (int i = 0; i < state.elements.length; i++) {
            ElementSegment segment = structure.elements.get(i);
            Object[] refs = new Object[segment.items().size()];
            for (int j = 0; j < refs.length; j++) {
                refs[j] = ConstantEvaluator.evaluate(segment.items().get(j), state).ref();
            }
            state.elements[i] = refs;
        }
        state.datas = new byte[structure.datas.size()][];
        for (int i = 0; i < state.datas.length; i++) {
            state.datas[i] = structure.datas.get(i).data();
        }
        return state;
    }

    /**
     * Copies the active element segments into their tables, then the active data segments into
     * their memories, dropping each afterwards; declarative element segments are dropped too.
     *
     * @throws Trap {@link Trap#OUT_OF_BOUNDS_TABLE} or {@link Trap#OUT_OF_BOUNDS_MEMORY} at the
     *              first segment that does not fit (segments before it stay written)
     */
    public static void initialize(InstanceState state) {
        ModuleStructure structure = state.structure;
        for (int i = 0; i < state.elements.length; i++) {
            ElementSegment segment = structure.elements.get(i);
            if (segment.mode() == SegmentMode.ACTIVE) {
                long offset = offset(ConstantEvaluator.evaluate(segment.offset(), state));
                Table table = state.tables[segment.tableIndex()];
                Object[] refs = state.elements[i];
                if (offset + refs.length > table.size()) {
                    throw new Trap(Trap.OUT_OF_BOUNDS_TABLE + ": element segment " + i + " of " + refs.length
                            + " items at offset " + offset + " does not fit a table of " + table.size() + " elements");
                }
                System.arraycopy(refs, 0, table.elements(), (int) offset, refs.length);
                state.elements[i] = NO_REFS;
            } else if (segment.mode() == SegmentMode.DECLARATIVE) {
                state.elements[i] = NO_REFS;
            }
        }
        for (int i = 0; i < state.datas.length; i++) {
            DataSegment segment = structure.datas.get(i);
            if (segment.mode() == SegmentMode.ACTIVE) {
                long offset = offset(ConstantEvaluator.evaluate(segment.offset(), state));
                Memory memory = state.memories[segment.memoryIndex()];
                byte[] bytes = state.datas[i];
                if (offset + bytes.length > memory.size()) {
                    throw new Trap(Trap.OUT_OF_BOUNDS_MEMORY + ": data segment " + i + " of " + bytes.length
                            + " bytes at offset " + offset + " does not fit a memory of " + memory.size() + " bytes");
                }
                System.arraycopy(bytes, 0, memory.buffer(), (int) offset, bytes.length);
                state.datas[i] = NO_BYTES;
            }
        }
    }

    /**
     * Runs the start function, if the module has one. An imported host function is called with this
     * instance as its caller.
     */
    public static void start(InstanceState state) {
        int start = state.structure.startFunction;
        if (start < 0) {
            return;
        }
        FunctionInstance function = state.functions[start];
        // A call from Java like any other: the references it handles are released when it ends.
        state.store.beginCall();
        try {
            if (function instanceof HostFunctionInstance host) {
                // As a call from wasm would: failures become traps naming the function, results are checked.
                Interpreter.invokeHost(host, state.api, new long[0]);
            } else {
                Interpreter.invoke(function, new long[0]);
            }
        } finally {
            state.store.endCall();
        }
    }

    /** All the instance's tables together, imported and own, stay under {@link Table#MAX_INSTANCE_ELEMENTS}. */
    private static void checkTableElements(Table[] imported, int importedCount, ModuleStructure structure) {
        long total = 0;
        for (int i = 0; i < importedCount; i++) {
            total += imported[i].size();
        }
        for (TableType type : structure.tables) {
            total += type.limits().min();
        }
        if (total > Table.MAX_INSTANCE_ELEMENTS) {
            throw new LinkException("the module's tables need " + total + " elements at instantiation, more than the"
                    + " limit of " + Table.MAX_INSTANCE_ELEMENTS + " elements for all tables of an instance");
        }
    }

    private static Table allocateTable(TableType type, int index) {
        try {
            return new Table(type);
        } catch (OutOfMemoryError e) {
            throw new LinkException("cannot allocate table " + index + " of " + type.limits().min()
                    + " elements: the JVM is out of heap (raise -Xmx or lower the module's initial table size)");
        }
    }

    private static Memory allocateMemory(MemoryType type, int index, int maxPages) {
        if (type.limits().min() > maxPages) {
            throw new LinkException("memory " + index + " needs " + type.limits().min()
                    + " pages (64 KiB each) at instantiation, more than the maxMemoryPages limit of " + maxPages
                    + (maxPages < Memory.MAX_PAGES ? " pages (raise ExecutionLimits maxMemoryPages)"
                            : " pages, the most a JVM byte array holds"));
        }
        try {
            return new Memory(type, maxPages);
        } catch (OutOfMemoryError e) {
            throw new LinkException("cannot allocate a memory of " + type.limits().min()
                    + " pages: the JVM is out of heap (raise -Xmx or lower the module's initial memory)");
        }
    }

    /** An i32 offset is unsigned (memory64 offsets would use all 64 bits). */
    private static long offset(ConstantEvaluator.Value value) {
        return value.bits() & 0xFFFFFFFFL;
    }
}
