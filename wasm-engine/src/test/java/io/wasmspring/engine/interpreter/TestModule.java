package io.wasmspring.engine.interpreter;

import io.wasmspring.engine.ExternalKind;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.HostFunction;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Table;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.runtime.FunctionInstance;
import io.wasmspring.engine.runtime.FunctionTypes;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import io.wasmspring.engine.runtime.InstanceState;
import io.wasmspring.engine.runtime.Store;
import io.wasmspring.engine.runtime.WasmFunction;
import io.wasmspring.engine.structure.FunctionBody;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.NameSection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ModuleStructure} by hand and instantiates it directly into an
 * {@link InstanceState}, so the interpreter can be tested without decoder, validator or runtime.
 */
final class TestModule {

    static final ValueType I32 = ValueType.I32;
    static final ValueType I64 = ValueType.I64;
    static final ValueType F32 = ValueType.F32;
    static final ValueType F64 = ValueType.F64;

    final ModuleStructure module = new ModuleStructure();
    private final List<HostFunction> hostHandlers = new ArrayList<>();
    private final List<Object> globalValues = new ArrayList<>();
    private final Map<Integer, String> names = new HashMap<>();
    private int memoryPages = -1;
    private int memoryMax = -1;
    private final List<Object[]> elementSegments = new ArrayList<>();
    private final List<byte[]> dataSegments = new ArrayList<>();

    static FunctionType type(ValueType[] params, ValueType... results) {
        return FunctionType.of(params, results);
    }

    static ValueType[] params(ValueType... types) {
        return types;
    }

    int typeIndex(FunctionType type) {
        int i = module.types.indexOf(type);
        if (i < 0) {
            module.types.add(type);
            i = module.types.size() - 1;
        }
        return i;
    }

    /** Imports a host function; call before defining functions. Returns its function index. */
    int host(String name, FunctionType type, HostFunction handler) {
        module.imports.add(new Import("env", name, ExternalKind.FUNCTION, typeIndex(type), null));
        hostHandlers.add(handler);
        return hostHandlers.size() - 1;
    }

    /** Defines a function; the body must end with its final {@code end}. Returns its function index. */
    int func(FunctionType type, ValueType[] locals, Asm body) {
        module.functionTypeIndices.add(typeIndex(type));
        byte[] bytes = body.bytes();
        module.codes.add(new FunctionBody(locals, bytes, 0, bytes.length));
        return module.importedFunctionCount() + module.functionTypeIndices.size() - 1;
    }

    int func(FunctionType type, Asm body) {
        return func(type, new ValueType[0], body);
    }

    TestModule name(int function, String name) {
        names.put(function, name);
        return this;
    }

    TestModule memory(int pages, int max) {
        module.memories.add(new MemoryType(new Limits(pages, max < 0 ? Limits.UNBOUNDED : max)));
        memoryPages = pages;
        memoryMax = max;
        return this;
    }

    TestModule table(int size, Object[] contentsByFunctionIndexOrNull) {
        module.tables.add(new TableType(ValueType.FUNCREF, new Limits(size, Limits.UNBOUNDED)));
        elementSegments.add(contentsByFunctionIndexOrNull);
        return this;
    }

    int global(ValueType type, long bits) {
        module.globals.add(new io.wasmspring.engine.structure.GlobalDefinition(new GlobalType(type, true), null));
        globalValues.add(bits);
        return module.globals.size() - 1;
    }

    int passiveData(byte[] bytes) {
        dataSegments.add(bytes);
        return dataSegments.size() - 1;
    }

    /** Lowers the module and creates an instance: tables get their contents by function index. */
    Instance instantiate() {
        module.names = new NameSection(null, names, Map.of());
        CompiledFunction[] compiled = Compiler.compile(module);
        InstanceState state = new InstanceState(module, new Store());
        state.types = module.types.stream().map(FunctionTypes::canonical).toArray(FunctionType[]::new);
        FunctionInstance[] functions = new FunctionInstance[module.functionCount()];
        int imported = module.importedFunctionCount();
        for (int i = 0; i < imported; i++) {
            Import imp = module.imports.get(i);
            functions[i] = new HostFunctionInstance(imp.module(), imp.name(), module.types.get(imp.functionTypeIndex()),
                    hostHandlers.get(i));
        }
        for (int i = 0; i < compiled.length; i++) {
            functions[imported + i] = new WasmFunction(module.functionType(imported + i), state, imported + i, compiled[i]);
        }
        state.functions = functions;
        state.memories = memoryPages < 0 ? new Memory[0]
                : new Memory[] {new Memory(new MemoryType(new Limits(memoryPages, memoryMax < 0 ? Limits.UNBOUNDED : memoryMax)))};
        state.tables = new Table[module.tables.size()];
        for (int t = 0; t < state.tables.length; t++) {
            Table table = new Table(module.tables.get(t));
            Object[] contents = elementSegments.get(t);
            if (contents != null) {
                for (int i = 0; i < contents.length; i++) {
                    table.set(i, contents[i] == null ? null : functions[(Integer) contents[i]]);
                }
            }
            state.tables[t] = table;
        }
        state.globals = new Global[module.globals.size()];
        for (int g = 0; g < state.globals.length; g++) {
            state.globals[g] = Global.ofBits(module.globals.get(g).type(), (Long) globalValues.get(g));
        }
        state.elements = new Object[0][];
        state.datas = dataSegments.toArray(new byte[0][]);
        return new Instance(state, compiled);
    }

    /** A test instance: calls functions by index. */
    record Instance(InstanceState state, CompiledFunction[] compiled) {

        long[] call(int function, long... args) {
            return Interpreter.invoke(state.functions[function], args);
        }

        long call1(int function, long... args) {
            return call(function, args)[0];
        }

        Memory memory() {
            return state.memories[0];
        }
    }
}
