package io.wasmspring.engine.validation;

import io.wasmspring.engine.ExternalKind;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.DataSegment;
import io.wasmspring.engine.structure.ElementSegment;
import io.wasmspring.engine.structure.Export;
import io.wasmspring.engine.structure.FunctionBody;
import io.wasmspring.engine.structure.GlobalDefinition;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.NameSection;
import io.wasmspring.engine.structure.SegmentMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: builds a {@link ModuleStructure} directly (as the decoder would), so validator
 * tests do not depend on the decoder or the text parser. Imports must be added before definitions.
 */
final class TestModule {

    final ModuleStructure module = new ModuleStructure();
    private int functions;
    private int globals;
    private final Map<Integer, String> names = new HashMap<>();

    static TestModule module() {
        return new TestModule();
    }

    int type(List<ValueType> params, List<ValueType> results) {
        module.types.add(FunctionType.of(params, results));
        return module.types.size() - 1;
    }

    int importFunction(int typeIndex) {
        module.imports.add(new Import("env", "f" + functions, ExternalKind.FUNCTION, typeIndex, null));
        return functions++;
    }

    int importGlobal(ValueType type, boolean mutable) {
        module.imports.add(new Import("env", "g" + globals, ExternalKind.GLOBAL, -1, new GlobalType(type, mutable)));
        return globals++;
    }

    TestModule importMemory(long min, long max) {
        module.imports.add(new Import("env", "mem", ExternalKind.MEMORY, -1, new MemoryType(new Limits(min, max))));
        return this;
    }

    TestModule importTable(ValueType type, long min) {
        module.imports.add(new Import("env", "tab", ExternalKind.TABLE, -1, new TableType(type, Limits.of(min))));
        return this;
    }

    /** Defines a function of type {@code typeIndex}; {@code code} must end with its final {@code end}. */
    int function(int typeIndex, List<ValueType> locals, Code code) {
        byte[] bytes = code.bytes();
        module.functionTypeIndices.add(typeIndex);
        module.codes.add(new FunctionBody(locals.toArray(new ValueType[0]), bytes, 0, bytes.length));
        return functions++;
    }

    int function(int typeIndex, Code code) {
        return function(typeIndex, List.of(), code);
    }

    /** A function of a fresh type {@code params -> results}. */
    int function(List<ValueType> params, List<ValueType> results, Code code) {
        return function(type(params, results), code);
    }

    TestModule name(int function, String name) {
        names.put(function, name);
        module.names = new NameSection(null, Map.copyOf(names), Map.of());
        return this;
    }

    TestModule memory(long min, long max) {
        module.memories.add(new MemoryType(new Limits(min, max)));
        return this;
    }

    TestModule table(ValueType type, long min, long max) {
        module.tables.add(new TableType(type, new Limits(min, max)));
        return this;
    }

    int global(ValueType type, boolean mutable, Code init) {
        module.globals.add(new GlobalDefinition(new GlobalType(type, mutable), expression(init)));
        return globals++;
    }

    TestModule export(String name, ExternalKind kind, int index) {
        module.exports.add(new Export(name, kind, index));
        return this;
    }

    TestModule start(int function) {
        module.startFunction = function;
        return this;
    }

    TestModule activeElements(int table, Code offset, ValueType type, Code... items) {
        module.elements.add(new ElementSegment(type, SegmentMode.ACTIVE, table, expression(offset), expressions(items)));
        return this;
    }

    TestModule elements(SegmentMode mode, ValueType type, Code... items) {
        module.elements.add(new ElementSegment(type, mode, 0, null, expressions(items)));
        return this;
    }

    TestModule activeData(int memory, Code offset) {
        module.datas.add(new DataSegment(SegmentMode.ACTIVE, memory, expression(offset), new byte[] {1, 2}));
        return this;
    }

    TestModule passiveData() {
        module.datas.add(new DataSegment(SegmentMode.PASSIVE, 0, null, new byte[] {1}));
        return this;
    }

    TestModule dataCount(int count) {
        module.dataCount = count;
        return this;
    }

    void validate() {
        Validator.validate(module);
    }

    /** A constant expression from instructions; the final {@code end} is appended. */
    static ConstantExpression expression(Code code) {
        byte[] bytes = code.end().bytes();
        // Place it at a non-zero offset of a larger array, as the decoder would.
        byte[] padded = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        return new ConstantExpression(padded, 3, padded.length);
    }

    private static List<ConstantExpression> expressions(Code... items) {
        return java.util.Arrays.stream(items).map(TestModule::expression).toList();
    }
}
