package io.wasmspring.boot;

import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every {@link WasmModule} of the application, by name. */
public final class WasmModules implements Iterable<WasmModule> {

    private final Map<String, WasmModule> modules;

    public WasmModules(Collection<WasmModule> modules) {
        Map<String, WasmModule> byName = new LinkedHashMap<>();
        for (WasmModule module : modules) {
            byName.put(module.name(), module);
        }
        this.modules = Collections.unmodifiableMap(byName);
    }

    /** The module called {@code name}; {@link IllegalArgumentException} naming the known ones when there is none. */
    public WasmModule get(String name) {
        WasmModule module = modules.get(name);
        if (module == null) {
            throw new IllegalArgumentException("no wasm module '" + name + "'; configured: " + modules.keySet());
        }
        return module;
    }

    public boolean contains(String name) {
        return modules.containsKey(name);
    }

    /** The modules by name, in configuration order. */
    public Map<String, WasmModule> asMap() {
        return modules;
    }

    @Override
    public Iterator<WasmModule> iterator() {
        return modules.values().iterator();
    }
}
