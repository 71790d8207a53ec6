package io.wasmspring.engine;

import io.wasmspring.engine.runtime.InstanceState;
import io.wasmspring.engine.structure.Export;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An instantiated module: its own memories, tables and globals, and its exports. Get one from
 * {@link Module#instantiate(Imports)}. An instance runs code on one thread at a time.
 */
public final class Instance {

    private final Module module;
    private final InstanceState state;
    /** Export name to run-time object (function instance, table, memory or global). */
    private final Map<String, Object> externs = new HashMap<>();
    private final Map<String, ExportedFunction> functions = new HashMap<>();

    Instance(Module module, InstanceState state) {
        this.module = module;
        this.state = state;
        for (Export export : state.structure.exports) {
            Object extern = switch (export.kind()) {
                case FUNCTION -> state.functions[export.index()];
                case TABLE -> state.tables[export.index()];
                case MEMORY -> state.memories[export.index()];
                case GLOBAL -> state.globals[export.index()];
            };
            externs.put(export.name(), extern);
            if (export.kind() == ExternalKind.FUNCTION) {
                functions.put(export.name(), new ExportedFunction(export.name(), state.functions[export.index()], this));
            }
        }
    }

    /** The module this is an instance of. */
    public Module module() {
        return module;
    }

    /** The limits every call into this instance obeys (given to {@link Module#instantiate(Imports, ExecutionLimits)}). */
    public ExecutionLimits limits() {
        return state.limits;
    }

    /** Everything the instance exports, in the module's order. */
    public List<ExportType> exports() {
        return module.exports();
    }

    /** The exported function {@code name}. */
    public ExportedFunction function(String name) {
        ExportedFunction function = functions.get(name);
        if (function == null) {
            throw missing(name, ExternalKind.FUNCTION);
        }
        return function;
    }

    /** The instance's memory 0 (imported or its own, exported or not), or {@code null} when it has none. */
    public Memory memory() {
        return state.memories.length > 0 ? state.memories[0] : null;
    }

    /** The exported memory {@code name}. */
    public Memory memory(String name) {
        return exported(name, ExternalKind.MEMORY, Memory.class);
    }

    /** The exported table {@code name}. */
    public Table table(String name) {
        return exported(name, ExternalKind.TABLE, Table.class);
    }

    /** The exported global {@code name}. */
    public Global global(String name) {
        return exported(name, ExternalKind.GLOBAL, Global.class);
    }

    /**
     * The object a reference handle stands for, for host functions that take a {@code funcref} or
     * {@code externref} as a raw value ({@code null} for handle 0). Keep the object, not the
     * handle: a handle is only valid on the thread that got it, until that thread's outermost
     * call from Java returns.
     */
    public Object reference(long handle) {
        if (!state.store.contains(handle)) {
            throw new WasmException("unknown reference handle " + handle + ": not a handle live on this thread (a handle"
                    + " lasts until the outermost call that made it returns; keep the object instead)");
        }
        return state.store.ref(handle);
    }

    /**
     * The handle that stands for {@code reference} in raw values (0 for {@code null}), for host
     * functions returning references. It is valid on this thread until the outermost call from
     * Java running on it returns; made outside any call (for {@link ExportedFunction#callRaw}),
     * until the thread's next call returns.
     */
    public long handle(Object reference) {
        return state.store.handle(reference);
    }

    /** The run-time object exported as {@code name}, or {@code null} (for {@link Imports}). */
    Object exportedExtern(String name) {
        return externs.get(name);
    }

    /** The state the interpreter runs this instance's code against. */
    InstanceState state() {
        return state;
    }

    private <T> T exported(String name, ExternalKind kind, Class<T> type) {
        Object extern = externs.get(name);
        if (!type.isInstance(extern)) {
            throw missing(name, kind);
        }
        return type.cast(extern);
    }

    private WasmException missing(String name, ExternalKind kind) {
        List<String> sameKind = new ArrayList<>();
        ExternalKind actualKind = null;
        for (Export export : state.structure.exports) {
            if (export.kind() == kind) {
                sameKind.add("\"" + export.name() + "\"");
            }
            if (export.name().equals(name)) {
                actualKind = export.kind();
            }
        }
        String problem = actualKind != null
                ? "export \"" + name + "\" is a " + actualKind + ", not a " + kind
                : "no " + kind + " is exported as \"" + name + "\"";
        String available = sameKind.isEmpty()
                ? "the module exports no " + kind
                : kind + " exports: " + sameKind.stream().collect(Collectors.joining(", "));
        return new WasmException(problem + "; " + available);
    }

    @Override
    public String toString() {
        String name = state.structure.names.moduleName();
        return "Instance" + (name != null ? " of " + name : "") + " " + module.exports();
    }
}
