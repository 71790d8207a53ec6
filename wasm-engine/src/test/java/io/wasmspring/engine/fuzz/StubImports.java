package io.wasmspring.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.wasmspring.engine.ExternType;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.HostFunction;
import io.wasmspring.engine.ImportType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Table;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Satisfies a module's imports with stubs of the types {@link Module#imports()} asks for: host
 * functions, memories, tables and globals. The fuzzer's input picks the details: sizes within
 * the import's limits, initial values, and what each host function does when called (returns
 * zeros, returns arbitrary values, throws a Java exception, or traps), so that start functions
 * and exports meet hosts that misbehave. The memories made here are kept for the memory-cap check.
 */
final class StubImports {

    private final Imports imports;
    private final List<Memory> memories;

    private StubImports(Imports imports, List<Memory> memories) {
        this.imports = imports;
        this.memories = memories;
    }

    Imports imports() {
        return imports;
    }

    /** The memories given to the module as imports. */
    List<Memory> memories() {
        return memories;
    }

    /**
     * Stubs for every import of {@code module}; a memory is capped at {@code maxPages} as an
     * embedder would cap it (imported memories keep their own limits, not the instance's).
     *
     * @throws io.wasmspring.engine.LinkException when an import asks for a memory or table bigger
     *                                            than a stub may be (documented for linking too)
     */
    static StubImports forModule(Module module, FuzzedDataProvider data, int maxPages) {
        Imports.Builder builder = Imports.builder();
        List<Memory> memories = new ArrayList<>();
        for (ImportType imp : module.imports()) {
            ExternType type = imp.type();
            if (type instanceof FunctionType f) {
                builder.function(imp.module(), imp.name(), f, hostFunction(f, data.consumeInt(0, 7), data.consumeLong()));
            } else if (type instanceof MemoryType m) {
                Memory memory = new Memory(new MemoryType(sized(m.limits(), data)), maxPages);
                memories.add(memory);
                builder.memory(imp.module(), imp.name(), memory);
            } else if (type instanceof TableType t) {
                builder.table(imp.module(), imp.name(), new Table(new TableType(t.elementType(), sized(t.limits(), data))));
            } else if (type instanceof GlobalType g) {
                builder.global(imp.module(), imp.name(), global(g, data));
            }
        }
        return new StubImports(builder.build(), memories);
    }

    /** Limits that match {@code wanted}: a minimum a little above the wanted one, the same maximum. */
    private static Limits sized(Limits wanted, FuzzedDataProvider data) {
        long min = wanted.min() + data.consumeInt(0, 2);
        if (wanted.hasMax()) {
            min = Math.min(min, wanted.max());
        }
        return new Limits(min, wanted.max());
    }

    private static Global global(GlobalType type, FuzzedDataProvider data) {
        if (type.valueType().isReference()) {
            return Global.ofRef(type, null);
        }
        Global global = Global.ofBits(type, data.consumeLong());
        if (type.valueType() == ValueType.V128) {
            global.setHighBitsUnchecked(data.consumeLong());
        }
        return global;
    }

    /**
     * A host function of type {@code type} that behaves as {@code behaviour} says: 0-4 return
     * values (zeros for 0-1, arbitrary bits from {@code seed} otherwise), 5 throws a Java
     * exception, 6 throws a Trap, 7 returns the wrong number of results.
     */
    private static HostFunction hostFunction(FunctionType type, int behaviour, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (caller, args) -> {
            long[] results = new long[type.resultSlots()];
            switch (behaviour) {
                case 5 -> throw new IllegalStateException("stub host function failed");
                case 6 -> throw new Trap("stub host function trapped");
                case 7 -> {
                    return new long[results.length + 1];
                }
                default -> {
                    if (behaviour >= 2) {
                        fill(type.results(), results, random);
                    }
                }
            }
            return results;
        };
    }

    /** Arbitrary bits for numbers; references stay null (handle 0), the one handle every store knows. */
    private static void fill(List<ValueType> types, long[] slots, SplittableRandom random) {
        int slot = 0;
        for (ValueType t : types) {
            for (int i = 0; i < t.slots(); i++) {
                slots[slot + i] = t.isReference() ? 0 : random.nextLong();
            }
            slot += t.slots();
        }
    }
}
