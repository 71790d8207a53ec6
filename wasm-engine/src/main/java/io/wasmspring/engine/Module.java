package io.wasmspring.engine;

import io.wasmspring.engine.binary.BinaryDecoder;
import io.wasmspring.engine.interpreter.CompiledFunction;
import io.wasmspring.engine.interpreter.Compiler;
import io.wasmspring.engine.runtime.FunctionTypes;
import io.wasmspring.engine.runtime.Instantiation;
import io.wasmspring.engine.runtime.InstanceState;
import io.wasmspring.engine.runtime.Linker;
import io.wasmspring.engine.runtime.Store;
import io.wasmspring.engine.runtime.WasmFunction;
import io.wasmspring.engine.structure.Export;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.Preamble;
import io.wasmspring.engine.text.WatParser;
import io.wasmspring.engine.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A WebAssembly module, decoded, validated and lowered for the interpreter once. Immutable and
 * safe to share between threads; {@link #instantiate(Imports)} it as often as needed.
 */
public final class Module {


    private final ModuleStructure structure;
    private final CompiledFunction[] compiled;
    /** The type section, canonical, shared by every instance. */
    private final FunctionType[] types;
    private final List<ImportType> imports;
    private final List<ExportType> exports;

    private Module(ModuleStructure structure, CompiledFunction[] compiled) {
        this.structure = structure;
        this.compiled = compiled;
        this.types = new FunctionType[structure.types.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = FunctionTypes.canonical(structure.types.get(i));
        }
        List<ImportType> importTypes = new ArrayList<>();
        for (Import imp : structure.imports) {
            importTypes.add(new ImportType(imp.module(), imp.name(), Linker.expectedType(structure, imp)));
        }
        this.imports = List.copyOf(importTypes);
        List<ExportType> exportTypes = new ArrayList<>();
        for (Export export : structure.exports) {
            ExternType type = switch (export.kind()) {
                case FUNCTION -> structure.functionType(export.index());
                case TABLE -> structure.tableType(export.index());
                case MEMORY -> structure.memoryType(export.index());
                case GLOBAL -> structure.globalType(export.index());
            };
            exportTypes.add(new ExportType(export.name(), type));
        }
        this.exports = List.copyOf(exportTypes);
    }

    /**
     * A module from an already validated structure and its lowered functions (one per defined
     * function); for internals and tests that build structures by hand.
     */
    static Module of(ModuleStructure validStructure, CompiledFunction[] compiled) {
        return new Module(validStructure, compiled.clone());
    }

    /**
     * Decodes, validates and lowers a binary module.
     *
     * @throws MalformedModuleException when the bytes break the binary format
     * @throws InvalidModuleException   when the module breaks a validation rule
     */
    public static Module decode(byte[] wasm) {
        if (wasm == null) {
            throw new MalformedModuleException("no module bytes given", 0);
        }
        ModuleStructure structure;
        try {
            structure = BinaryDecoder.decode(wasm);
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WasmException("internal error while decoding the module: " + e, e);
        }
        try {
            Validator.validate(structure);
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WasmException("internal error while validating the module: " + e, e);
        }
        CompiledFunction[] compiled;
        try {
            compiled = Compiler.compile(structure);
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WasmException("internal error while lowering the module: " + e, e);
        }
        return new Module(structure, compiled);
    }

    /**
     * Parses a module in the text format ({@code (module ...)}, or bare module fields) and decodes it.
     *
     * @throws MalformedModuleException with line:column when the text breaks the text format
     */
    public static Module parseText(String wat) {
        if (wat == null) {
            throw new MalformedModuleException("no module text given");
        }
        byte[] wasm;
        try {
            wasm = WatParser.parseModule(wat);
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WasmException("internal error while parsing the module text: " + e, e);
        }
        return decode(wasm);
    }

    /** Reads a module file: binary when it starts with the magic {@code \0asm}, text otherwise. */
    public static Module read(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WasmException("cannot read module file " + file + ": " + e.getMessage(), e);
        }
        if (startsWithMagic(bytes)) {
            return decode(bytes);
        }
        return parseText(new String(bytes, StandardCharsets.UTF_8));
    }

    private static boolean startsWithMagic(byte[] bytes) {
        return Preamble.hasMagic(bytes);
    }

    /** What the module imports, in order, with the types it expects. */
    public List<ImportType> imports() {
        return imports;
    }

    /** What the module exports, in order, with their types. */
    public List<ExportType> exports() {
        return exports;
    }

    /** The decoded module, for tools and the engine's internals; do not modify it. */
    public ModuleStructure structure() {
        return structure;
    }

    /** Instantiates a module that imports nothing. */
    public Instance instantiate() {
        return instantiate(Imports.empty());
    }

    /**
     * Instantiates the module: binds its imports, allocates its functions, tables, memories and
     * globals, copies its active segments and runs its start function. Its calls obey
     * {@link ExecutionLimits#DEFAULT} (only the call depth is bounded); see
     * {@link #instantiate(Imports, ExecutionLimits)}.
     *
     * @throws LinkException when an import is missing or has the wrong type
     * @throws Trap          when an active segment does not fit its table or memory, or the start function traps
     */
    public Instance instantiate(Imports imports) {
        return instantiate(imports, ExecutionLimits.DEFAULT);
    }

    /**
     * Instantiates the module as {@link #instantiate(Imports)} does, for an instance whose calls
     * (its start function included) obey {@code limits}.
     *
     * @throws LinkException when an import is missing or has the wrong type, or the module's
     *                       memory starts bigger than {@link ExecutionLimits#maxMemoryPages()}
     * @throws Trap          when an active segment does not fit its table or memory, or the start
     *                       function traps or goes past a limit ({@link ExecutionLimitException})
     */
    public Instance instantiate(Imports imports, ExecutionLimits limits) {
        Imports bindings = imports != null ? imports : Imports.empty();
        ExecutionLimits actual = limits != null ? limits : ExecutionLimits.DEFAULT;
        Object[] externs = Linker.resolve(structure, bindings::resolve);
        InstanceState state = Instantiation.allocate(structure, types, compiled, externs, storeFor(bindings, externs), actual);
        Instance instance = new Instance(this, state);
        state.api = instance;
        Instantiation.initialize(state);
        Instantiation.start(state);
        return instance;
    }

    /**
     * Linked instances share one store so that reference handles mean the same in all of them:
     * the store of the first instance imported from, else a new one.
     */
    private Store storeFor(Imports bindings, Object[] externs) {
        for (int i = 0; i < externs.length; i++) {
            Store store = externs[i] instanceof WasmFunction f ? f.instance.store : bindings.storeOf(structure.imports.get(i).module());
            if (store != null) {
                return store;
            }
        }
        return new Store();
    }

    @Override
    public String toString() {
        String name = structure.names.moduleName();
        return "Module" + (name != null ? " " + name : "") + " imports " + imports + " exports " + exports;
    }
}
