package io.wasmspring.engine.wast;

import static io.wasmspring.engine.ValueType.F32;
import static io.wasmspring.engine.ValueType.F64;
import static io.wasmspring.engine.ValueType.I32;
import static io.wasmspring.engine.ValueType.I64;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.HostFunction;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Table;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.ValueType;
import java.io.PrintStream;
import java.util.List;
import java.util.StringJoiner;

/**
 * The {@code spectest} host module that spec scripts import from: print functions that do
 * nothing (or print, when given a stream), four immutable globals worth 666, a funcref table of
 * 10..20 elements and a memory of 1..2 pages. One per script, so that every module of the
 * script sees the same table and memory.
 */
final class SpecTestModule {

    static final String NAME = "spectest";

    private final PrintStream out;
    private final Table table = new Table(new TableType(ValueType.FUNCREF, new Limits(10, 20)));
    private final Memory memory = new Memory(new MemoryType(new Limits(1, 2)));
    private final Global globalI32 = Global.ofBits(new GlobalType(I32, false), 666);
    private final Global globalI64 = Global.ofBits(new GlobalType(I64, false), 666);
    private final Global globalF32 = Global.ofBits(new GlobalType(F32, false), Float.floatToRawIntBits(666.6f));
    private final Global globalF64 = Global.ofBits(new GlobalType(F64, false), Double.doubleToRawLongBits(666.6));

    /** @param out where the print functions print, or {@code null} to keep them quiet */
    SpecTestModule(PrintStream out) {
        this.out = out;
    }

    /** Adds every export of {@code spectest} to {@code imports}. */
    void addTo(Imports.Builder imports) {
        print(imports, "print");
        print(imports, "print_i32", I32);
        print(imports, "print_i64", I64);
        print(imports, "print_f32", F32);
        print(imports, "print_f64", F64);
        print(imports, "print_i32_f32", I32, F32);
        print(imports, "print_f64_f64", F64, F64);
        imports.global(NAME, "global_i32", globalI32);
        imports.global(NAME, "global_i64", globalI64);
        imports.global(NAME, "global_f32", globalF32);
        imports.global(NAME, "global_f64", globalF64);
        imports.table(NAME, "table", table);
        imports.memory(NAME, "memory", memory);
    }

    private void print(Imports.Builder imports, String name, ValueType... params) {
        FunctionType type = new FunctionType(List.of(params), List.of());
        HostFunction fn = (caller, args) -> {
            if (out != null) {
                StringJoiner line = new StringJoiner(" ", name + ": ", "");
                for (int i = 0; i < params.length; i++) {
                    line.add(ValueText.number(params[i], args[i]));
                }
                out.println(line);
            }
            return new long[0];
        };
        imports.function(NAME, name, type, fn);
    }
}
