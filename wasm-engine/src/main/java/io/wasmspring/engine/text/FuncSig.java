package io.wasmspring.engine.text;

import io.wasmspring.engine.ValueType;
import java.util.List;

/** A function type as the text parser collects it for the type section. */
record FuncSig(List<ValueType> params, List<ValueType> results) {

    static final FuncSig EMPTY = new FuncSig(List.of(), List.of());

    void encode(ByteWriter w) {
        w.u8(0x60);
        w.u32(params.size());
        params.forEach(t -> w.u8(t.code()));
        w.u32(results.size());
        results.forEach(t -> w.u8(t.code()));
    }
}
