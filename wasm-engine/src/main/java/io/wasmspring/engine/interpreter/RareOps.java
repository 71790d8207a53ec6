package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.NumericOps.f64;

import io.wasmspring.engine.runtime.InstanceState;

/**
 * The instructions kept out of {@link Interpreter}'s dispatch loop (run from its slow path): those
 * hot loops rarely run (reference, table, bulk-memory, vector and 16-bit memory instructions,
 * memory.grow, float rounding, min/max, bit counts, trapping conversions, unsigned i64 and most
 * float comparisons) and those that call a helper anyway (division, f32 arithmetic). The loop
 * must stay under HotSpot's 8000-byte limit to be compiled at all, and every byte it saves is
 * inlining budget for what its hot cases call (see {@code DispatchMethodSizeTest}).
 */
final class RareOps {

    private RareOps() {
    }

    /**
     * Executes {@code op}, whose immediates start at {@code code[pc]}.
     *
     * @return the new stack pointer in the low 32 bits and the new pc in the high 32 bits
     */
    static long execute(int op, int[] code, int pc, long[] s, int sp, int fp, InstanceState inst, byte[] mem) {
        switch (op) {
                case Op.LOCAL_GET_V128: {
                    int at = fp + code[pc++];
                    s[sp] = s[at];
                    s[sp + 1] = s[at + 1];
                    sp += 2;
                    break;
                }
                case Op.LOCAL_SET_V128: {
                    int at = fp + code[pc++];
                    sp -= 2;
                    s[at] = s[sp];
                    s[at + 1] = s[sp + 1];
                    break;
                }
                case Op.LOCAL_TEE_V128: {
                    int at = fp + code[pc++];
                    s[at] = s[sp - 2];
                    s[at + 1] = s[sp - 1];
                    break;
                }
                case Op.GLOBAL_GET_V128:
                    sp = VectorSlots.getGlobal(inst.globals[code[pc++]], s, sp);
                    break;
                case Op.GLOBAL_SET_V128:
                    sp = VectorSlots.setGlobal(inst.globals[code[pc++]], s, sp);
                    break;
                case Op.SELECT_V128:
                    sp = VectorSlots.select(s, sp);
                    break;
                case Op.GLOBAL_GET_REF:
                    s[sp++] = inst.store.handle(inst.globals[code[pc++]].ref());
                    break;
                case Op.GLOBAL_SET_REF:
                    inst.globals[code[pc++]].setRefUnchecked(inst.store.ref(s[--sp]));
                    break;
                case Op.TABLE_GET:
                    s[sp - 1] = TableOps.get(inst, code[pc++], (int) s[sp - 1]);
                    break;
                case Op.TABLE_SET:
                    sp -= 2;
                    TableOps.set(inst, code[pc++], (int) s[sp], s[sp + 1]);
                    break;
                case Op.I64_CLZ:
                    s[sp - 1] = Long.numberOfLeadingZeros(s[sp - 1]);
                    break;
                case Op.I64_CTZ:
                    s[sp - 1] = Long.numberOfTrailingZeros(s[sp - 1]);
                    break;
                case Op.I64_POPCNT:
                    s[sp - 1] = Long.bitCount(s[sp - 1]);
                    break;
                case Op.F32_CEIL:
                    s[sp - 1] = NumericOps.f32Ceil(s[sp - 1]);
                    break;
                case Op.F32_FLOOR:
                    s[sp - 1] = NumericOps.f32Floor(s[sp - 1]);
                    break;
                case Op.F32_TRUNC:
                    s[sp - 1] = NumericOps.f32Trunc(s[sp - 1]);
                    break;
                case Op.F32_NEAREST:
                    s[sp - 1] = NumericOps.f32Nearest(s[sp - 1]);
                    break;
                case Op.F32_MIN:
                    sp--;
                    s[sp - 1] = NumericOps.f32Min(s[sp - 1], s[sp]);
                    break;
                case Op.F32_MAX:
                    sp--;
                    s[sp - 1] = NumericOps.f32Max(s[sp - 1], s[sp]);
                    break;
                case Op.F32_COPYSIGN:
                    sp--;
                    s[sp - 1] = NumericOps.f32Copysign(s[sp - 1], s[sp]);
                    break;
                case Op.F64_TRUNC:
                    s[sp - 1] = NumericOps.f64Trunc(s[sp - 1]);
                    break;
                case Op.F64_NEAREST:
                    s[sp - 1] = NumericOps.f64Nearest(s[sp - 1]);
                    break;
                case Op.F64_MIN:
                    sp--;
                    s[sp - 1] = NumericOps.f64Min(s[sp - 1], s[sp]);
                    break;
                case Op.F64_MAX:
                    sp--;
                    s[sp - 1] = NumericOps.f64Max(s[sp - 1], s[sp]);
                    break;
                case Op.F64_COPYSIGN:
                    sp--;
                    s[sp - 1] = NumericOps.f64Copysign(s[sp - 1], s[sp]);
                    break;
                case Op.I32_TRUNC_F32_S:
                    s[sp - 1] = ConversionOps.i32TruncF32S(s[sp - 1]);
                    break;
                case Op.I32_TRUNC_F32_U:
                    s[sp - 1] = ConversionOps.i32TruncF32U(s[sp - 1]);
                    break;
                case Op.I32_TRUNC_F64_U:
                    s[sp - 1] = ConversionOps.i32TruncF64U(s[sp - 1]);
                    break;
                case Op.I64_TRUNC_F32_S:
                    s[sp - 1] = ConversionOps.i64TruncF32S(s[sp - 1]);
                    break;
                case Op.I64_TRUNC_F32_U:
                    s[sp - 1] = ConversionOps.i64TruncF32U(s[sp - 1]);
                    break;
                case Op.I64_TRUNC_F64_U:
                    s[sp - 1] = ConversionOps.i64TruncF64U(s[sp - 1]);
                    break;
                case Op.F32_CONVERT_I32_U:
                    s[sp - 1] = ConversionOps.f32ConvertI32U(s[sp - 1]);
                    break;
                case Op.F32_CONVERT_I64_U:
                    s[sp - 1] = ConversionOps.f32ConvertI64U(s[sp - 1]);
                    break;
                case Op.F32_DEMOTE_F64:
                    s[sp - 1] = ConversionOps.f32DemoteF64(s[sp - 1]);
                    break;
                case Op.F64_CONVERT_I32_U:
                    s[sp - 1] = ConversionOps.f64ConvertI32U(s[sp - 1]);
                    break;
                case Op.F64_CONVERT_I64_U:
                    s[sp - 1] = ConversionOps.f64ConvertI64U(s[sp - 1]);
                    break;
                case Op.F64_PROMOTE_F32:
                    s[sp - 1] = ConversionOps.f64PromoteF32(s[sp - 1]);
                    break;
                case Op.I32_TRUNC_SAT_F32_S:
                case Op.I32_TRUNC_SAT_F32_U:
                case Op.I32_TRUNC_SAT_F64_S:
                case Op.I32_TRUNC_SAT_F64_U:
                case Op.I64_TRUNC_SAT_F32_S:
                case Op.I64_TRUNC_SAT_F32_U:
                case Op.I64_TRUNC_SAT_F64_S:
                case Op.I64_TRUNC_SAT_F64_U:
                    s[sp - 1] = ConversionOps.truncSat(code[pc - 1], s[sp - 1]);
                    break;
                case Op.REF_IS_NULL:
                    s[sp - 1] = s[sp - 1] == 0 ? 1 : 0;
                    break;
                case Op.REF_FUNC:
                    s[sp++] = inst.store.handle(inst.functions[code[pc++]]);
                    break;
                case Op.MEMORY_INIT:
                    sp -= 3;
                    MemoryOps.init(inst, mem, code[pc++], s[sp], s[sp + 1], s[sp + 2]);
                    break;
                case Op.DATA_DROP:
                    MemoryOps.dropData(inst, code[pc++]);
                    break;
                case Op.MEMORY_FILL:
                    sp -= 3;
                    MemoryOps.fill(mem, s[sp], s[sp + 1], s[sp + 2]);
                    break;
                case Op.TABLE_INIT:
                    sp -= 3;
                    TableOps.init(inst, code[pc + 1], code[pc], s[sp], s[sp + 1], s[sp + 2]);
                    pc += 2;
                    break;
                case Op.ELEM_DROP:
                    TableOps.dropElement(inst, code[pc++]);
                    break;
                case Op.TABLE_COPY:
                    sp -= 3;
                    TableOps.copy(inst, code[pc], code[pc + 1], s[sp], s[sp + 1], s[sp + 2]);
                    pc += 2;
                    break;
                case Op.TABLE_GROW:
                    sp--;
                    s[sp - 1] = TableOps.grow(inst, code[pc++], s[sp - 1], (int) s[sp]);
                    break;
                case Op.TABLE_SIZE:
                    s[sp++] = TableOps.size(inst, code[pc++]);
                    break;
                case Op.TABLE_FILL:
                    sp -= 3;
                    TableOps.fill(inst, code[pc++], s[sp], s[sp + 1], s[sp + 2]);
                    break;
                case Op.I64_DIV_S:
                    sp--;
                    s[sp - 1] = NumericOps.i64DivS(s[sp - 1], s[sp]);
                    break;
                case Op.I64_DIV_U:
                    sp--;
                    s[sp - 1] = NumericOps.i64DivU(s[sp - 1], s[sp]);
                    break;
                case Op.I64_REM_S:
                    sp--;
                    s[sp - 1] = NumericOps.i64RemS(s[sp - 1], s[sp]);
                    break;
                case Op.I64_REM_U:
                    sp--;
                    s[sp - 1] = NumericOps.i64RemU(s[sp - 1], s[sp]);
                    break;
                case Op.I64_ROTR:
                    sp--;
                    s[sp - 1] = Long.rotateRight(s[sp - 1], (int) s[sp]);
                    break;
                case Op.F32_SQRT:
                    s[sp - 1] = NumericOps.f32Sqrt(s[sp - 1]);
                    break;
                case Op.F64_CEIL:
                    s[sp - 1] = NumericOps.f64Ceil(s[sp - 1]);
                    break;
                case Op.F64_FLOOR:
                    s[sp - 1] = NumericOps.f64Floor(s[sp - 1]);
                    break;
                case Op.I64_TRUNC_F64_S:
                    s[sp - 1] = ConversionOps.i64TruncF64S(s[sp - 1]);
                    break;
                case Op.MEMORY_COPY:
                    sp -= 3;
                    MemoryOps.copy(mem, s[sp], s[sp + 1], s[sp + 2]);
                    break;
                case Op.MEMORY_SIZE:
                    s[sp++] = MemoryOps.size(inst);
                    break;
                case Op.F32_EQ:
                    sp--;
                    s[sp - 1] = NumericOps.f32(s[sp - 1]) == NumericOps.f32(s[sp]) ? 1 : 0;
                    break;
                case Op.F32_NE:
                    sp--;
                    s[sp - 1] = NumericOps.f32(s[sp - 1]) != NumericOps.f32(s[sp]) ? 1 : 0;
                    break;
                case Op.F32_LT:
                    sp--;
                    s[sp - 1] = NumericOps.f32(s[sp - 1]) < NumericOps.f32(s[sp]) ? 1 : 0;
                    break;
                case Op.F32_GT:
                    sp--;
                    s[sp - 1] = NumericOps.f32(s[sp - 1]) > NumericOps.f32(s[sp]) ? 1 : 0;
                    break;
                case Op.F32_LE:
                    sp--;
                    s[sp - 1] = NumericOps.f32(s[sp - 1]) <= NumericOps.f32(s[sp]) ? 1 : 0;
                    break;
                case Op.F32_GE:
                    sp--;
                    s[sp - 1] = NumericOps.f32(s[sp - 1]) >= NumericOps.f32(s[sp]) ? 1 : 0;
                    break;
                case Op.F32_ABS:
                    s[sp - 1] = (int) s[sp - 1] & 0x7FFF_FFFF;
                    break;
                case Op.F32_NEG:
                    s[sp - 1] = (int) s[sp - 1] ^ 0x8000_0000;
                    break;
                case Op.F32_CONVERT_I32_S:
                    s[sp - 1] = Float.floatToRawIntBits((float) (int) s[sp - 1]);
                    break;
                case Op.F32_CONVERT_I64_S:
                    s[sp - 1] = Float.floatToRawIntBits((float) s[sp - 1]);
                    break;
                case Op.I32_CLZ:
                    s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]);
                    break;
                case Op.I32_CTZ:
                    s[sp - 1] = Integer.numberOfTrailingZeros((int) s[sp - 1]);
                    break;
                case Op.I32_POPCNT:
                    s[sp - 1] = Integer.bitCount((int) s[sp - 1]);
                    break;
                case Op.I32_ROTR:
                    sp--;
                    s[sp - 1] = Integer.rotateRight((int) s[sp - 1], (int) s[sp]);
                    break;
                case Op.I64_ROTL:
                    sp--;
                    s[sp - 1] = Long.rotateLeft(s[sp - 1], (int) s[sp]);
                    break;
                case Op.I64_LE_U:
                    sp--;
                    s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) <= 0 ? 1 : 0;
                    break;
                case Op.I64_GE_U:
                    sp--;
                    s[sp - 1] = Long.compareUnsigned(s[sp - 1], s[sp]) >= 0 ? 1 : 0;
                    break;
                case Op.F64_EQ:
                    sp--;
                    s[sp - 1] = f64(s[sp - 1]) == f64(s[sp]) ? 1 : 0;
                    break;
                case Op.F64_NE:
                    sp--;
                    s[sp - 1] = f64(s[sp - 1]) != f64(s[sp]) ? 1 : 0;
                    break;
                case Op.F64_GT:
                    sp--;
                    s[sp - 1] = f64(s[sp - 1]) > f64(s[sp]) ? 1 : 0;
                    break;
                case Op.F64_GE:
                    sp--;
                    s[sp - 1] = f64(s[sp - 1]) >= f64(s[sp]) ? 1 : 0;
                    break;
                case Op.F64_ABS:
                    s[sp - 1] &= 0x7FFF_FFFF_FFFF_FFFFL;
                    break;
                case Op.F64_NEG:
                    s[sp - 1] ^= 0x8000_0000_0000_0000L;
                    break;
                case Op.I32_DIV_S:
                    sp--;
                    s[sp - 1] = NumericOps.i32DivS((int) s[sp - 1], (int) s[sp]);
                    break;
                case Op.I32_DIV_U:
                    sp--;
                    s[sp - 1] = NumericOps.i32DivU((int) s[sp - 1], (int) s[sp]);
                    break;
                case Op.I32_REM_S:
                    sp--;
                    s[sp - 1] = NumericOps.i32RemS((int) s[sp - 1], (int) s[sp]);
                    break;
                case Op.I32_REM_U:
                    sp--;
                    s[sp - 1] = NumericOps.i32RemU((int) s[sp - 1], (int) s[sp]);
                    break;
                case Op.F32_ADD:
                    sp--;
                    s[sp - 1] = NumericOps.f32Add(s[sp - 1], s[sp]);
                    break;
                case Op.F32_SUB:
                    sp--;
                    s[sp - 1] = NumericOps.f32Sub(s[sp - 1], s[sp]);
                    break;
                case Op.F32_MUL:
                    sp--;
                    s[sp - 1] = NumericOps.f32Mul(s[sp - 1], s[sp]);
                    break;
                case Op.F32_DIV:
                    sp--;
                    s[sp - 1] = NumericOps.f32Div(s[sp - 1], s[sp]);
                    break;
                case Op.I32_LOAD16_S:
                case Op.I64_LOAD16_S:
                    s[sp - 1] = (short) MemoryOps.SHORT.get(mem, MemoryOps.address(mem, s[sp - 1], code[pc++], 2));
                    break;
                case Op.I32_LOAD16_U:
                case Op.I64_LOAD16_U:
                    s[sp - 1] = (short) MemoryOps.SHORT.get(mem, MemoryOps.address(mem, s[sp - 1], code[pc++], 2)) & 0xFFFF;
                    break;
                case Op.I64_LOAD32_U:
                    s[sp - 1] = (int) MemoryOps.INT.get(mem, MemoryOps.address(mem, s[sp - 1], code[pc++], 4)) & 0xFFFF_FFFFL;
                    break;
                case Op.I32_STORE16:
                case Op.I64_STORE16:
                    sp -= 2;
                    MemoryOps.SHORT.set(mem, MemoryOps.address(mem, s[sp], code[pc++], 2), (short) s[sp + 1]);
                    break;
                case Op.I32_TRUNC_F64_S:
                    s[sp - 1] = ConversionOps.i32TruncF64S(s[sp - 1]);
                    break;
                case Op.MEMORY_GROW:
                    // The slow path reloads the memory's buffer after every rare instruction.
                    s[sp - 1] = MemoryOps.grow(inst, (int) s[sp - 1]);
                    break;
                case Op.SIMD:
                    sp = SimdDispatch.run(code, pc, s, sp, mem);
                    pc += code[pc];
                    break;
                case Op.I32_ROTL: {
                    sp--;
                    int x = (int) s[sp - 1];
                    int k = (int) s[sp];
                    s[sp - 1] = x << k | x >>> -k;
                    break;
                }
                case Op.F64_CONVERT_I64_S:
                    s[sp - 1] = Double.doubleToRawLongBits((double) s[sp - 1]);
                    break;
                case Op.I32_EXTEND16_S:
                case Op.I64_EXTEND16_S:
                    s[sp - 1] = (short) s[sp - 1];
                    break;
                case Op.I64_EXTEND32_S:
                    s[sp - 1] = (int) s[sp - 1];
                    break;
            default:
                throw new IllegalStateException("bad opcode " + op + " at " + (pc - 1));
        }
        return (long) pc << 32 | (sp & 0xFFFF_FFFFL);
    }
}
