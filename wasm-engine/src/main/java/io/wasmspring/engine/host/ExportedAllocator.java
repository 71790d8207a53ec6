package io.wasmspring.engine.host;

import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.ExternalKind;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.util.List;
import java.util.stream.Collectors;

/** A {@link GuestAllocator} calling the allocation and free functions a module exports. */
final class ExportedAllocator implements GuestAllocator {

    /** The export pairs looked for, in order, when no names are given. */
    private static final List<String[]> CONVENTIONS = List.of(
            new String[] {"malloc", "free"},
            new String[] {"alloc", "dealloc"});

    private static final FunctionType ALLOCATE_TYPE = FunctionType.of(new ValueType[] {ValueType.I32}, ValueType.I32);
    private static final FunctionType FREE_TYPE = FunctionType.of(new ValueType[] {ValueType.I32});
    private static final FunctionType FREE_SIZED_TYPE = FunctionType.of(new ValueType[] {ValueType.I32, ValueType.I32});

    private final ExportedFunction allocate;
    private final ExportedFunction free;
    private final boolean freeTakesSize;

    private ExportedAllocator(ExportedFunction allocate, ExportedFunction free) {
        this.allocate = allocate;
        this.free = free;
        this.freeTakesSize = free != null && free.type().params().size() == 2;
    }

    static GuestAllocator detect(Instance instance) {
        requireInstance(instance);
        List<String> functions = instance.exports().stream()
                .filter(e -> e.type().kind() == ExternalKind.FUNCTION)
                .map(ExportType::name)
                .collect(Collectors.toList());
        for (String[] pair : CONVENTIONS) {
            if (functions.contains(pair[0]) && functions.contains(pair[1])) {
                return of(instance, pair[0], pair[1]);
            }
        }
        throw new WasmException("the module exports no allocator to pass data into it: looked for function exports "
                + CONVENTIONS.stream().map(p -> "\"" + p[0] + "\"/\"" + p[1] + "\"").collect(Collectors.joining(" and "))
                + ", but its function exports are " + (functions.isEmpty() ? "none" : functions)
                + "; export one, or name yours with GuestAllocator.of(instance, allocate, free)");
    }

    static GuestAllocator of(Instance instance, String allocateName, String freeName) {
        requireInstance(instance);
        if (allocateName == null) {
            throw new WasmException("a guest allocator needs the name of the exported allocation function");
        }
        ExportedFunction allocate = instance.function(allocateName);
        if (!allocate.type().equals(ALLOCATE_TYPE)) {
            throw new WasmException("guest allocator: export \"" + allocateName + "\" has type " + allocate.type()
                    + ", but an allocation function must be " + ALLOCATE_TYPE + " (size in, pointer out)");
        }
        ExportedFunction free = null;
        if (freeName != null) {
            free = instance.function(freeName);
            if (!free.type().equals(FREE_TYPE) && !free.type().equals(FREE_SIZED_TYPE)) {
                throw new WasmException("guest allocator: export \"" + freeName + "\" has type " + free.type()
                        + ", but a free function must be " + FREE_TYPE + " (pointer) or " + FREE_SIZED_TYPE + " (pointer, size)");
            }
        }
        return new ExportedAllocator(allocate, free);
    }

    @Override
    public int allocate(int size) {
        int pointer = (int) allocate.callRaw(Integer.toUnsignedLong(size))[0];
        if (pointer == 0) {
            throw new WasmException("guest allocator \"" + allocate.name() + "\" returned 0 (out of memory?) when asked for "
                    + Integer.toUnsignedString(size) + " bytes");
        }
        return pointer;
    }

    @Override
    public void free(int pointer, int size) {
        if (free == null) {
            return;
        }
        if (freeTakesSize) {
            free.callRaw(Integer.toUnsignedLong(pointer), Integer.toUnsignedLong(size));
        } else {
            free.callRaw(Integer.toUnsignedLong(pointer));
        }
    }

    private static void requireInstance(Instance instance) {
        if (instance == null) {
            throw new WasmException("a guest allocator needs an instance");
        }
    }

    @Override
    public String toString() {
        return "GuestAllocator " + allocate.name() + "/" + (free != null ? free.name() : "(no free)");
    }
}
