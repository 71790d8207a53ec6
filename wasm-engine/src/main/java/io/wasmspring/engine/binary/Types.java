package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.ModuleReader.malformed;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.ValueType;
import java.util.ArrayList;
import java.util.List;

/** The binary encodings of types (spec 5.3): value, reference, function, limits, table, memory, global. */
final class Types {

    private static final int FUNCTION_TYPE = 0x60;

    private Types() {
    }

    static ValueType valueType(ModuleReader r) {
        int at = r.position();
        ValueType type = ValueType.fromCode(r.tag());
        if (type == null) {
            throw malformed("malformed value type", at);
        }
        return type;
    }

    static ValueType referenceType(ModuleReader r) {
        int at = r.position();
        int b = r.tag();
        if (b == ValueType.FUNCREF.code()) {
            return ValueType.FUNCREF;
        }
        if (b == ValueType.EXTERNREF.code()) {
            return ValueType.EXTERNREF;
        }
        throw malformed("malformed reference type", at);
    }

    /** {@code 0x60 vec(valtype) vec(valtype)}. */
    static FunctionType functionType(ModuleReader r) {
        int at = r.position();
        if (r.tag() != FUNCTION_TYPE) {
            throw malformed("malformed functype", at);
        }
        List<ValueType> params = resultType(r);
        List<ValueType> results = resultType(r);
        return new FunctionType(params, results);
    }

    private static List<ValueType> resultType(ModuleReader r) {
        int n = r.vectorLength();
        List<ValueType> types = new ArrayList<>(Math.min(n, 16));
        for (int i = 0; i < n; i++) {
            types.add(valueType(r));
        }
        return types;
    }

    /** Flags 0x00 (min only) or 0x01 (min and max), then u32 sizes. */
    static Limits limits(ModuleReader r) {
        int at = r.position();
        int flags = r.tag();
        if (flags == 0x00) {
            return Limits.of(Integer.toUnsignedLong(r.u32()));
        }
        if (flags == 0x01) {
            long min = Integer.toUnsignedLong(r.u32());
            long max = Integer.toUnsignedLong(r.u32());
            return new Limits(min, max);
        }
        // The reference decoder reads the flags as an integer that must be 0 or 1.
        throw malformed("integer too large", at);
    }

    static TableType tableType(ModuleReader r) {
        ValueType element = referenceType(r);
        return new TableType(element, limits(r));
    }

    static MemoryType memoryType(ModuleReader r) {
        return new MemoryType(limits(r));
    }

    static GlobalType globalType(ModuleReader r) {
        ValueType type = valueType(r);
        int at = r.position();
        int mutability = r.u8();
        if (mutability > 1) {
            throw malformed("malformed mutability", at);
        }
        return new GlobalType(type, mutability == 1);
    }
}
