package io.wasmspring.boot.actuate;

import io.wasmspring.boot.PoolStats;
import io.wasmspring.boot.WasmLimits;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.WasmModules;
import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.ImportType;
import io.wasmspring.engine.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code wasm} endpoint: each module with its exports, imports (with their types), memory,
 * limits and pool state. {@code /actuator/wasm} lists all, {@code /actuator/wasm/{name}} one.
 */
@Endpoint(id = "wasm")
public class WasmEndpoint {

    private final WasmModules modules;

    public WasmEndpoint(WasmModules modules) {
        this.modules = modules;
    }

    @ReadOperation
    public ModulesDescriptor modules() {
        Map<String, ModuleDescriptor> all = new LinkedHashMap<>();
        modules.asMap().forEach((name, module) -> all.put(name, describe(module)));
        return new ModulesDescriptor(all);
    }

    /** One module, or {@code null} (404) when there is none of that name. */
    @ReadOperation
    public ModuleDescriptor module(@Selector String name) {
        return modules.contains(name) ? describe(modules.get(name)) : null;
    }

    private static ModuleDescriptor describe(WasmModule module) {
        List<ExternDescriptor> exports = module.exports().stream()
                .map((ExportType e) -> new ExternDescriptor(null, e.name(), e.type().kind().toString().toLowerCase(java.util.Locale.ROOT),
                        e.type().toString()))
                .toList();
        List<ExternDescriptor> imports = module.imports().stream()
                .map((ImportType i) -> new ExternDescriptor(i.module(), i.name(), i.type().kind().toString().toLowerCase(java.util.Locale.ROOT),
                        i.type().toString()))
                .toList();
        MemoryDescriptor memory = module.module().imports().stream().anyMatch(i -> i.type() instanceof MemoryType)
                || module.module().exports().stream().anyMatch(e -> e.type() instanceof MemoryType)
                || module.memoryPages() > 0 ? new MemoryDescriptor(module.memoryPages()) : null;
        RuntimeException failure = module.instantiationFailure();
        return new ModuleDescriptor(exports, imports, memory, module.limits(), module.poolStats(),
                failure != null ? failure.getMessage() : null);
    }

    /** Every module by name. */
    public record ModulesDescriptor(Map<String, ModuleDescriptor> modules) implements OperationResponseBody {
    }

    /** One module. {@code lastInstantiationFailure} is set while instances cannot be created. */
    public record ModuleDescriptor(List<ExternDescriptor> exports, List<ExternDescriptor> imports, MemoryDescriptor memory,
            WasmLimits limits, PoolStats pool, String lastInstantiationFailure) implements OperationResponseBody {
    }

    /** An import ({@code module} set) or export, with its kind and its type in text-format notation. */
    public record ExternDescriptor(String module, String name, String kind, String type) {
    }

    /** Memory size in pages after the latest call (-1 before the first). */
    public record MemoryDescriptor(int pages) {
    }
}
