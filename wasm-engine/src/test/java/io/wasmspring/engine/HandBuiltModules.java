package io.wasmspring.engine;

import io.wasmspring.engine.interpreter.CompiledFunction;
import io.wasmspring.engine.structure.ConstantExpression;
import io.wasmspring.engine.structure.DataSegment;
import io.wasmspring.engine.structure.ElementSegment;
import io.wasmspring.engine.structure.Export;
import io.wasmspring.engine.structure.GlobalDefinition;
import io.wasmspring.engine.structure.Import;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.structure.SegmentMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Module structures assembled by hand, for testing linking and instantiation without the decoder.
 * They define no functions of their own (only imports), so no lowered code is needed.
 */
final class HandBuiltModules {

    static final FunctionType I32_TO_VOID = FunctionType.of(List.of(ValueType.I32), List.of());
    static final FunctionType I32_I32_TO_I32 = FunctionType.of(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32));

    private final ModuleStructure structure = new ModuleStructure();

    static HandBuiltModules module() {
        return new HandBuiltModules();
    }

    HandBuiltModules importFunction(String module, String name, FunctionType type) {
        int typeIndex = structure.types.indexOf(type);
        if (typeIndex < 0) {
            structure.types.add(type);
            typeIndex = structure.types.size() - 1;
        }
        structure.imports.add(new Import(module, name, ExternalKind.FUNCTION, typeIndex, null));
        return this;
    }

    HandBuiltModules importExtern(String module, String name, ExternType type) {
        structure.imports.add(new Import(module, name, type.kind(), -1, type));
        return this;
    }

    HandBuiltModules memory(long min, long max) {
        structure.memories.add(new MemoryType(new Limits(min, max)));
        return this;
    }

    HandBuiltModules table(ValueType elementType, long min) {
        structure.tables.add(new TableType(elementType, Limits.of(min)));
        return this;
    }

    HandBuiltModules global(GlobalType type, ConstantExpression init) {
        structure.globals.add(new GlobalDefinition(type, init));
        return this;
    }

    HandBuiltModules export(String name, ExternalKind kind, int index) {
        structure.exports.add(new Export(name, kind, index));
        return this;
    }

    HandBuiltModules activeData(int memory, ConstantExpression offset, String text) {
        structure.datas.add(new DataSegment(SegmentMode.ACTIVE, memory, offset, text.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    HandBuiltModules passiveData(String text) {
        structure.datas.add(new DataSegment(SegmentMode.PASSIVE, 0, null, text.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    HandBuiltModules elements(SegmentMode mode, int table, ConstantExpression offset, ConstantExpression... items) {
        structure.elements.add(new ElementSegment(ValueType.FUNCREF, mode, table, offset, List.of(items)));
        return this;
    }

    HandBuiltModules start(int function) {
        structure.startFunction = function;
        return this;
    }

    Module build() {
        return Module.of(structure, new CompiledFunction[0]);
    }
}
