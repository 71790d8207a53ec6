package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.ModuleReader.malformed;

import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.FunctionBody;
import io.wasmspring.engine.structure.ModuleStructure;
import java.util.Arrays;

/** The code section (spec 5.5.13): for each function its size, compressed locals and body. */
final class CodeSection {

    /**
     * Most locals one function may declare. The format allows 2^32-1, which no engine can
     * allocate; like other engines we stop well before (V8 and wasmtime use 50,000).
     */
    static final int MAX_LOCALS = 50_000;

    /**
     * Most locals all functions of a module may declare together. Without it, a small hostile
     * binary of many bodies each declaring {@link #MAX_LOCALS} would exhaust the heap.
     */
    static final long MAX_MODULE_LOCALS = 32_000_000;

    private static final long MAX_FORMAT_LOCALS = 0xFFFF_FFFFL;

    private final ModuleReader r;
    private final InstructionChecker instructions;
    private final ModuleStructure module;
    // Runs of the current function's locals, reused across functions.
    private int[] runCounts = new int[8];
    private ValueType[] runTypes = new ValueType[8];

    private final long maxModuleLocals;
    private long moduleLocals;

    CodeSection(ModuleReader reader, InstructionChecker instructions, ModuleStructure module, long maxModuleLocals) {
        this.r = reader;
        this.instructions = instructions;
        this.module = module;
        this.maxModuleLocals = maxModuleLocals;
    }

    void read() {
        int n = r.vectorLength();
        for (int i = 0; i < n; i++) {
            module.codes.add(code());
        }
    }

    private FunctionBody code() {
        int size = r.length();
        int start = r.position();
        int end = start + size;
        ValueType[] locals = locals(start);
        int codeStart = r.position();
        instructions.expression();
        if (r.position() != end) {
            throw malformed("section size mismatch", start);
        }
        return new FunctionBody(locals, r.bytes(), codeStart, end);
    }

    /** {@code vec(locals)} where each entry is a count and a type, expanded here. */
    private ValueType[] locals(int functionStart) {
        int runs = r.vectorLength();
        long total = 0;
        for (int i = 0; i < runs; i++) {
            if (i == runCounts.length) {
                // Grown as runs are actually read, never sized by the claimed count.
                runCounts = Arrays.copyOf(runCounts, i * 2);
                runTypes = Arrays.copyOf(runTypes, i * 2);
            }
            int count = r.u32();
            ValueType type = Types.valueType(r);
            total += Integer.toUnsignedLong(count);
            if (total > MAX_FORMAT_LOCALS) {
                throw malformed("too many locals", functionStart);
            }
            runCounts[i] = count;
            runTypes[i] = type;
        }
        if (total > MAX_LOCALS) {
            throw malformed("too many locals: " + total + " exceeds this engine's limit of " + MAX_LOCALS, functionStart);
        }
        moduleLocals += total;
        if (moduleLocals > maxModuleLocals) {
            throw malformed("too many locals: the module's functions declare more than this engine's limit of "
                    + maxModuleLocals + " in all", functionStart);
        }
        ValueType[] locals = new ValueType[(int) total];
        int next = 0;
        for (int i = 0; i < runs; i++) {
            Arrays.fill(locals, next, next + runCounts[i], runTypes[i]);
            next += runCounts[i];
        }
        return locals;
    }
}
