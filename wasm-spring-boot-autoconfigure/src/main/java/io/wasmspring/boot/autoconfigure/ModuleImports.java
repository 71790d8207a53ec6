package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.HostFunctionSignatureException;
import io.wasmspring.boot.InstanceImports;
import io.wasmspring.boot.MissingImportException;
import io.wasmspring.boot.WasmCallObserver;
import io.wasmspring.boot.WasmSetupException;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ImportType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.wasi.WasiConfig;
import io.wasmspring.engine.wasi.WasiPreview1;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The imports of one configured module: host functions from {@link HostFunctionRegistry} and,
 * when enabled, WASI. Host functions are resolved and checked once, at the first instance; each
 * instance gets its own WASI state.
 */
final class ModuleImports implements Supplier<InstanceImports> {

    private final String moduleName;
    private final Module module;
    private final HostFunctionRegistry registry;
    private final Supplier<WasiConfig> wasi;
    private final Supplier<WasmCallObserver> observer;
    private volatile Imports hostFunctions;

    /** {@code wasi} is {@code null} when WASI is not provided. */
    ModuleImports(String moduleName, Module module, HostFunctionRegistry registry, Supplier<WasiConfig> wasi,
            Supplier<WasmCallObserver> observer) {
        this.moduleName = moduleName;
        this.module = module;
        this.registry = registry;
        this.wasi = wasi;
        this.observer = observer;
    }

    @Override
    public InstanceImports get() {
        Imports base = hostFunctions();
        if (wasi == null) {
            return InstanceImports.of(base);
        }
        WasiConfig config = wasi.get();
        WasiPreview1 context = new WasiPreview1(config);
        boolean ownsStdin = wasi instanceof WasiConfigFactory factory && factory.opensStdin();
        return new InstanceImports(context.addTo(base.toBuilder()).build(), () -> close(context, ownsStdin ? config.stdin() : null));
    }

    /** Closes the program's descriptors, then the stdin stream opened for this instance (the rest are shared). */
    private static void close(WasiPreview1 context, java.io.InputStream stdin) throws java.io.IOException {
        try {
            context.close();
        } finally {
            if (stdin != null) {
                stdin.close();
            }
        }
    }

    private Imports hostFunctions() {
        Imports resolved = hostFunctions;
        if (resolved == null) {
            synchronized (this) {
                resolved = hostFunctions;
                if (resolved == null) {
                    resolved = resolve();
                    hostFunctions = resolved;
                }
            }
        }
        return resolved;
    }

    private Imports resolve() {
        if (!registry.duplicates().isEmpty()) {
            throw new WasmSetupException(moduleName, "several @HostFunction methods provide the same import: "
                    + registry.duplicates(), "Give each @HostFunction a distinct (module, name).");
        }
        Set<String> wasiFunctions = wasi != null ? wasiFunctionNames() : Set.of();
        Imports.Builder imports = Imports.builder();
        List<ImportType> missing = new ArrayList<>();
        for (ImportType wanted : module.imports()) {
            if (wasi != null && wanted.module().equals(WasiPreview1.MODULE) && wasiFunctions.contains(wanted.name())) {
                continue;
            }
            HostFunctionRegistry.Registration found = registry.find(wanted.module(), wanted.name());
            if (found == null || !(wanted.type() instanceof FunctionType type)) {
                missing.add(wanted);
                continue;
            }
            if (found.binding() == null) {
                throw new HostFunctionSignatureException(moduleName, "module '" + moduleName + "' imports " + wanted.module()
                        + "." + wanted.name() + " " + wanted.type() + ", but the @HostFunction for it cannot be bound: "
                        + found.signatureError(), "Change the method to " + javaSignature(wanted.name(), type) + ".");
            }
            if (!found.binding().type().equals(type)) {
                throw new HostFunctionSignatureException(moduleName, "module '" + moduleName + "' imports " + wanted.module()
                        + "." + wanted.name() + " with type " + type + ", but @HostFunction " + found.binding().describe()
                        + " (bean '" + found.beanName() + "') has type " + found.binding().type(),
                        "Change the method to " + javaSignature(wanted.name(), type)
                                + " (a String or byte[] parameter stands for two i32 values: offset, length).");
            }
            String importModule = wanted.module();
            String importName = wanted.name();
            imports.function(importModule, importName, type,
                    found.binding().asHostFunction(() -> observer.get().hostFunctionCalled(moduleName, importModule, importName)));
        }
        if (!missing.isEmpty()) {
            throw missing(missing);
        }
        return imports.build();
    }

    /** The names WASI provides, read off a throw-away context that is closed at once. */
    private static Set<String> wasiFunctionNames() {
        try (WasiPreview1 probe = new WasiPreview1(WasiConfig.builder().build())) {
            return Set.copyOf(probe.functions().keySet());
        }
    }

    private MissingImportException missing(List<ImportType> missing) {
        String found = registry.registrations().isEmpty() ? "none"
                : registry.registrations().stream().map(HostFunctionRegistry.Registration::describe)
                        .collect(Collectors.joining(", "));
        String imports = missing.stream().map(i -> i.module() + "." + i.name() + " " + i.type()).collect(Collectors.joining(", "));
        String message = "module '" + moduleName + "' imports " + imports + ", but nothing provides "
                + (missing.size() == 1 ? "it" : "them") + ". @HostFunction methods found: " + found;
        String action = missing.stream().map(this::action).distinct().collect(Collectors.joining("\n"));
        return new MissingImportException(moduleName, missing, message, action);
    }

    private String action(ImportType wanted) {
        if (wanted.module().equals(WasiPreview1.MODULE)) {
            return wasi == null ? "Enable WASI for the module: wasm.modules." + moduleName + ".wasi.enabled=true."
                    : "WASI preview1 has no function '" + wanted.name() + "'; rebuild the module for wasi_snapshot_preview1.";
        }
        if (wanted.type() instanceof FunctionType type) {
            return "Add a method to a bean: @HostFunction(module = \"" + wanted.module() + "\", name = \"" + wanted.name()
                    + "\") " + javaSignature(wanted.name(), type) + ".";
        }
        return "The module imports a " + wanted.type().kind() + " (" + wanted.module() + "." + wanted.name()
                + "); only functions can be provided by configuration. Build the module to define it instead of importing it.";
    }

    /** A Java method signature with the wasm type {@code type}, e.g. {@code int add(int a0, int a1)}. */
    static String javaSignature(String name, FunctionType type) {
        List<ValueType> results = type.results();
        String result = results.isEmpty() ? "void" : results.size() == 1 ? javaType(results.get(0)) : "/* multiple results are not supported */ void";
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < type.params().size(); i++) {
            if (i > 0) {
                params.append(", ");
            }
            params.append(javaType(type.params().get(i))).append(" a").append(i);
        }
        String method = name.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? name : "hostFunction";
        return result + " " + method + "(" + params + ")";
    }

    private static String javaType(ValueType type) {
        return switch (type) {
            case I32 -> "int";
            case I64 -> "long";
            case F32 -> "float";
            case F64 -> "double";
            default -> "Object /* " + type + " */";
        };
    }
}
