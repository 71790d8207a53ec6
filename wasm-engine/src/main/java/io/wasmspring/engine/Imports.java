package io.wasmspring.engine;

import io.wasmspring.engine.host.HostModule;
import io.wasmspring.engine.runtime.FunctionInstance;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import io.wasmspring.engine.runtime.Store;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a module's imports are bound to: host functions, memories, tables and globals by
 * (module name, field name), and whole instances whose exports are importable under a module
 * name (the spec suite's {@code register}). Immutable; build one with {@link #builder()} and
 * reuse it for any number of instantiations.
 */
public final class Imports {

    private static final Imports EMPTY = new Imports(Map.of(), Map.of());

    private final Map<String, Map<String, Object>> entries;
    private final Map<String, Instance> instances;

    private Imports(Map<String, Map<String, Object>> entries, Map<String, Instance> instances) {
        this.entries = entries;
        this.instances = instances;
    }

    /** No imports at all. */
    public static Imports empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with everything this set holds, to extend it. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        entries.forEach((module, fields) -> builder.entries.put(module, new LinkedHashMap<>(fields)));
        builder.instances.putAll(instances);
        return builder;
    }

    /**
     * The run-time object bound to ({@code module}, {@code name}): a {@link FunctionInstance},
     * {@link Memory}, {@link Table} or {@link Global}; {@code null} when nothing is. An entry added
     * by name wins over an export of an instance registered under the same module name.
     */
    public Object resolve(String module, String name) {
        Map<String, Object> fields = entries.get(module);
        if (fields != null) {
            Object extern = fields.get(name);
            if (extern != null) {
                return extern;
            }
        }
        Instance instance = instances.get(module);
        return instance != null ? instance.exportedExtern(name) : null;
    }

    /** The store of the instance registered under {@code module}, or {@code null}. */
    Store storeOf(String module) {
        Instance instance = instances.get(module);
        return instance != null ? instance.state().store : null;
    }

    /** Builds an immutable {@link Imports}; a later binding of the same name replaces an earlier one. */
    public static final class Builder {

        private final Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        private final Map<String, Instance> instances = new LinkedHashMap<>();

        private Builder() {
        }

        /** A host function of the given type. */
        public Builder function(String module, String name, FunctionType type, HostFunction function) {
            require(type, "type", module, name);
            require(function, "function", module, name);
            return put(module, name, new HostFunctionInstance(module, name, type, function));
        }

        /** Every function of a host module, under the host module's name. */
        public Builder module(HostModule module) {
            if (module == null) {
                throw new WasmException("Imports.module: no host module given");
            }
            module.addTo(this);
            return this;
        }

        /** A function exported by another instance, imported as is (calls go straight to it). */
        public Builder function(String module, String name, ExportedFunction function) {
            require(function, "function", module, name);
            return put(module, name, function.functionInstance());
        }

        public Builder memory(String module, String name, Memory memory) {
            require(memory, "memory", module, name);
            return put(module, name, memory);
        }

        public Builder table(String module, String name, Table table) {
            require(table, "table", module, name);
            return put(module, name, table);
        }

        public Builder global(String module, String name, Global global) {
            require(global, "global", module, name);
            return put(module, name, global);
        }

        /** Makes every export of {@code instance} importable under {@code module}. */
        public Builder instance(String module, Instance instance) {
            if (module == null) {
                throw new WasmException("Imports.instance: the module name must not be null");
            }
            if (instance == null) {
                throw new WasmException("Imports.instance: no instance given for module \"" + module + "\"");
            }
            instances.put(module, instance);
            return this;
        }

        public Imports build() {
            if (entries.isEmpty() && instances.isEmpty()) {
                return EMPTY;
            }
            Map<String, Map<String, Object>> copy = new HashMap<>();
            entries.forEach((module, fields) -> copy.put(module, Map.copyOf(fields)));
            return new Imports(Map.copyOf(copy), Map.copyOf(instances));
        }

        private Builder put(String module, String name, Object extern) {
            entries.computeIfAbsent(module, m -> new LinkedHashMap<>()).put(name, extern);
            return this;
        }

        private static void require(Object value, String what, String module, String name) {
            if (module == null || name == null) {
                throw new WasmException("Imports: the module and field names must not be null (got \""
                        + module + "\".\"" + name + "\")");
            }
            if (value == null) {
                throw new WasmException("Imports: no " + what + " given for \"" + module + "\".\"" + name + "\"");
            }
        }
    }
}
