package io.wasmspring.engine.interpreter;

/**
 * The interpreter's own instruction set: dense numbers (so the dispatch {@code switch} becomes one
 * jump table), immediates inline in the {@code int[]} code after the opcode. The comment on each
 * constant lists its immediates. Branches carry resolved code indices and slot counts; numeric
 * instructions keep the binary's order, so lowering maps them by offset ({@link #numeric}).
 */
final class Op {

    private Op() {
    }

    /** trap. */
    static final int UNREACHABLE = 0;
    /** target: jump with no value moves. */
    static final int JUMP = 1;
    /** target cost: backward jump (loop back-edge), counts down by cost instructions. */
    static final int JUMP_BACK = 2;
    /** target: pop i32, jump when non-zero. */
    static final int BR_IF = 3;
    /** target cost: same, backward, counts down by cost when taken. */
    static final int BR_IF_BACK = 4;
    /** target: pop i32, jump when zero (if without taken branch). */
    static final int BR_UNLESS = 5;
    /** target arity dest: move the top arity slots to fp+dest, then jump. */
    static final int BR_MOVE = 6;
    /** cost: count down the limits budget by cost instructions (before a backward BR_MOVE or BR_TABLE). */
    static final int COUNTDOWN = 7;
    /** n, then n+1 triples (target arity dest); counts down. */
    static final int BR_TABLE = 8;
    /** result slots: move the results to fp and return to the caller. */
    static final int RETURN = 9;
    /** function index. */
    static final int CALL = 10;
    /** type index, table index. */
    static final int CALL_INDIRECT = 11;
    /** drop one slot. */
    static final int DROP = 12;
    /** select between one-slot values. */
    static final int SELECT = 13;
    /** slot. */
    static final int LOCAL_GET = 14;
    /** slot. */
    static final int LOCAL_SET = 15;
    /** slot. */
    static final int LOCAL_TEE = 16;
    /** global index (numeric). */
    static final int GLOBAL_GET = 17;
    /** global index (numeric). */
    static final int GLOBAL_SET = 18;
    /** global index (reference). */
    static final int GLOBAL_GET_REF = 19;
    /** global index (reference). */
    static final int GLOBAL_SET_REF = 20;
    /** table index. */
    static final int TABLE_GET = 21;
    /** table index. */
    static final int TABLE_SET = 22;
    /** offset. */
    static final int I32_LOAD = 23;
    /** offset. */
    static final int I64_LOAD = 24;
    /** offset. */
    static final int F32_LOAD = 25;
    /** offset. */
    static final int F64_LOAD = 26;
    /** offset. */
    static final int I32_LOAD8_S = 27;
    /** offset. */
    static final int I32_LOAD8_U = 28;
    /** offset. */
    static final int I32_LOAD16_S = 29;
    /** offset. */
    static final int I32_LOAD16_U = 30;
    /** offset. */
    static final int I64_LOAD8_S = 31;
    /** offset. */
    static final int I64_LOAD8_U = 32;
    /** offset. */
    static final int I64_LOAD16_S = 33;
    /** offset. */
    static final int I64_LOAD16_U = 34;
    /** offset. */
    static final int I64_LOAD32_S = 35;
    /** offset. */
    static final int I64_LOAD32_U = 36;
    /** offset. */
    static final int I32_STORE = 37;
    /** offset. */
    static final int I64_STORE = 38;
    /** offset. */
    static final int F32_STORE = 39;
    /** offset. */
    static final int F64_STORE = 40;
    /** offset. */
    static final int I32_STORE8 = 41;
    /** offset. */
    static final int I32_STORE16 = 42;
    /** offset. */
    static final int I64_STORE8 = 43;
    /** offset. */
    static final int I64_STORE16 = 44;
    /** offset. */
    static final int I64_STORE32 = 45;
    static final int MEMORY_SIZE = 46;
    static final int MEMORY_GROW = 47;
    /** value (i32 or f32 bits). */
    static final int CONST32 = 48;
    /** low, high (i64 or f64 bits). */
    static final int CONST64 = 49;
    static final int I32_EQZ = 50;
    static final int I32_EQ = 51;
    static final int I32_NE = 52;
    static final int I32_LT_S = 53;
    static final int I32_LT_U = 54;
    static final int I32_GT_S = 55;
    static final int I32_GT_U = 56;
    static final int I32_LE_S = 57;
    static final int I32_LE_U = 58;
    static final int I32_GE_S = 59;
    static final int I32_GE_U = 60;
    static final int I64_EQZ = 61;
    static final int I64_EQ = 62;
    static final int I64_NE = 63;
    static final int I64_LT_S = 64;
    static final int I64_LT_U = 65;
    static final int I64_GT_S = 66;
    static final int I64_GT_U = 67;
    static final int I64_LE_S = 68;
    static final int I64_LE_U = 69;
    static final int I64_GE_S = 70;
    static final int I64_GE_U = 71;
    static final int F32_EQ = 72;
    static final int F32_NE = 73;
    static final int F32_LT = 74;
    static final int F32_GT = 75;
    static final int F32_LE = 76;
    static final int F32_GE = 77;
    static final int F64_EQ = 78;
    static final int F64_NE = 79;
    static final int F64_LT = 80;
    static final int F64_GT = 81;
    static final int F64_LE = 82;
    static final int F64_GE = 83;
    static final int I32_CLZ = 84;
    static final int I32_CTZ = 85;
    static final int I32_POPCNT = 86;
    static final int I32_ADD = 87;
    static final int I32_SUB = 88;
    static final int I32_MUL = 89;
    static final int I32_DIV_S = 90;
    static final int I32_DIV_U = 91;
    static final int I32_REM_S = 92;
    static final int I32_REM_U = 93;
    static final int I32_AND = 94;
    static final int I32_OR = 95;
    static final int I32_XOR = 96;
    static final int I32_SHL = 97;
    static final int I32_SHR_S = 98;
    static final int I32_SHR_U = 99;
    static final int I32_ROTL = 100;
    static final int I32_ROTR = 101;
    static final int I64_CLZ = 102;
    static final int I64_CTZ = 103;
    static final int I64_POPCNT = 104;
    static final int I64_ADD = 105;
    static final int I64_SUB = 106;
    static final int I64_MUL = 107;
    static final int I64_DIV_S = 108;
    static final int I64_DIV_U = 109;
    static final int I64_REM_S = 110;
    static final int I64_REM_U = 111;
    static final int I64_AND = 112;
    static final int I64_OR = 113;
    static final int I64_XOR = 114;
    static final int I64_SHL = 115;
    static final int I64_SHR_S = 116;
    static final int I64_SHR_U = 117;
    static final int I64_ROTL = 118;
    static final int I64_ROTR = 119;
    static final int F32_ABS = 120;
    static final int F32_NEG = 121;
    static final int F32_CEIL = 122;
    static final int F32_FLOOR = 123;
    static final int F32_TRUNC = 124;
    static final int F32_NEAREST = 125;
    static final int F32_SQRT = 126;
    static final int F32_ADD = 127;
    static final int F32_SUB = 128;
    static final int F32_MUL = 129;
    static final int F32_DIV = 130;
    static final int F32_MIN = 131;
    static final int F32_MAX = 132;
    static final int F32_COPYSIGN = 133;
    static final int F64_ABS = 134;
    static final int F64_NEG = 135;
    static final int F64_CEIL = 136;
    static final int F64_FLOOR = 137;
    static final int F64_TRUNC = 138;
    static final int F64_NEAREST = 139;
    static final int F64_SQRT = 140;
    static final int F64_ADD = 141;
    static final int F64_SUB = 142;
    static final int F64_MUL = 143;
    static final int F64_DIV = 144;
    static final int F64_MIN = 145;
    static final int F64_MAX = 146;
    static final int F64_COPYSIGN = 147;
    static final int I32_WRAP_I64 = 148;
    static final int I32_TRUNC_F32_S = 149;
    static final int I32_TRUNC_F32_U = 150;
    static final int I32_TRUNC_F64_S = 151;
    static final int I32_TRUNC_F64_U = 152;
    static final int I64_EXTEND_I32_S = 153;
    static final int I64_EXTEND_I32_U = 154;
    static final int I64_TRUNC_F32_S = 155;
    static final int I64_TRUNC_F32_U = 156;
    static final int I64_TRUNC_F64_S = 157;
    static final int I64_TRUNC_F64_U = 158;
    static final int F32_CONVERT_I32_S = 159;
    static final int F32_CONVERT_I32_U = 160;
    static final int F32_CONVERT_I64_S = 161;
    static final int F32_CONVERT_I64_U = 162;
    static final int F32_DEMOTE_F64 = 163;
    static final int F64_CONVERT_I32_S = 164;
    static final int F64_CONVERT_I32_U = 165;
    static final int F64_CONVERT_I64_S = 166;
    static final int F64_CONVERT_I64_U = 167;
    static final int F64_PROMOTE_F32 = 168;
    static final int I32_REINTERPRET_F32 = 169;
    static final int I64_REINTERPRET_F64 = 170;
    static final int F32_REINTERPRET_I32 = 171;
    static final int F64_REINTERPRET_I64 = 172;
    static final int I32_EXTEND8_S = 173;
    static final int I32_EXTEND16_S = 174;
    static final int I64_EXTEND8_S = 175;
    static final int I64_EXTEND16_S = 176;
    static final int I64_EXTEND32_S = 177;
    static final int REF_IS_NULL = 178;
    /** function index. */
    static final int REF_FUNC = 179;
    static final int I32_TRUNC_SAT_F32_S = 180;
    static final int I32_TRUNC_SAT_F32_U = 181;
    static final int I32_TRUNC_SAT_F64_S = 182;
    static final int I32_TRUNC_SAT_F64_U = 183;
    static final int I64_TRUNC_SAT_F32_S = 184;
    static final int I64_TRUNC_SAT_F32_U = 185;
    static final int I64_TRUNC_SAT_F64_S = 186;
    static final int I64_TRUNC_SAT_F64_U = 187;
    /** data index. */
    static final int MEMORY_INIT = 188;
    /** data index. */
    static final int DATA_DROP = 189;
    static final int MEMORY_COPY = 190;
    static final int MEMORY_FILL = 191;
    /** element index, table index. */
    static final int TABLE_INIT = 192;
    /** element index. */
    static final int ELEM_DROP = 193;
    /** destination table, source table. */
    static final int TABLE_COPY = 194;
    /** table index. */
    static final int TABLE_GROW = 195;
    /** table index. */
    static final int TABLE_SIZE = 196;
    /** table index. */
    static final int TABLE_FILL = 197;

    // ---- superinstructions: what compilers emit often, fused at lowering ----
    /** k: {@code i32.const k; i32.add} (and {@code i32.sub} with -k). */
    static final int I32_ADD_CONST = 198;
    /** slot a, slot b: {@code local.get a; local.get b}. */
    static final int LOCAL_GET2 = 199;

    // ---- two-slot (v128) forms of the parametric and variable instructions ----
    /** slot. */
    static final int LOCAL_GET_V128 = 200;
    /** slot. */
    static final int LOCAL_SET_V128 = 201;
    /** slot. */
    static final int LOCAL_TEE_V128 = 202;
    /** global index. */
    static final int GLOBAL_GET_V128 = 203;
    /** global index. */
    static final int GLOBAL_SET_V128 = 204;
    static final int SELECT_V128 = 205;

    // ---- more superinstructions ----
    /** slot, offset: {@code local.get slot; i32.load offset}. */
    static final int I32_LOAD_LOCAL = 206;
    /** address slot, value slot, offset: {@code local.get a; local.get v; i32.store offset}. */
    static final int I32_STORE_LOCALS = 207;

    // ---- SIMD: one case in the dispatch loop, the semantics in the Simd* helpers ----
    /** n, sub-opcode, immediates (n ints in all): every SIMD instruction ({@link SimdDispatch}). */
    static final int SIMD = 208;

    // ---- register-style superinstructions: an operand read from a local or an immediate ----
    /** x, y: {@code local.set x; local.get y}. */
    static final int LOCAL_SET_GET = 209;
    /** x, y: {@code local.tee x; local.get y}. */
    static final int LOCAL_TEE_GET = 210;
    /** x, y: {@code local.get x; local.set y}. */
    static final int LOCAL_COPY = 211;
    /** x, k: {@code local.get x; i32.const k; i32.add}. */
    static final int LOCAL_ADD_CONST = 212;
    /** k, x: {@code i32.const k; i32.add; local.set x}. */
    static final int I32_ADD_CONST_SET = 213;
    /** k, x: {@code i32.const k} (or any 32-bit constant); {@code local.set x}. */
    static final int CONST32_SET = 214;
    /** x, k, y: {@code local.get x; i32.const k; i32.add; local.set y}. */
    static final int LOCAL_ADD_CONST_SET = 215;
    /** x: the operation with its second operand from local x ({@code local.get x; i32.add}). */
    static final int I32_ADD_L = 216;
    /** x. */
    static final int I32_SUB_L = 217;
    /** x. */
    static final int I32_MUL_L = 218;
    /** x. */
    static final int I32_AND_L = 219;
    /** x. */
    static final int I32_OR_L = 220;
    /** x. */
    static final int I32_XOR_L = 221;
    /** x. */
    static final int F64_ADD_L = 222;
    /** x. */
    static final int F64_SUB_L = 223;
    /** x. */
    static final int F64_MUL_L = 224;
    /** x. */
    static final int F64_DIV_L = 225;
    /** a, b: both operands from locals ({@code local.get a; local.get b; i32.add}). */
    static final int I32_ADD_LL = 226;
    /** a, b. */
    static final int F64_ADD_LL = 227;
    /** a, b. */
    static final int F64_SUB_LL = 228;
    /** a, b. */
    static final int F64_MUL_LL = 229;
    /** k: the operation with a constant second operand ({@code i32.const k; i32.and}). */
    static final int I32_AND_K = 230;
    /** k. */
    static final int I32_OR_K = 231;
    /** k. */
    static final int I32_XOR_K = 232;
    /** k. */
    static final int I32_MUL_K = 233;
    /** k. */
    static final int I32_SHL_K = 234;
    /** k. */
    static final int I32_SHR_S_K = 235;
    /** k. */
    static final int I32_SHR_U_K = 236;
    /** k. */
    static final int I32_ROTL_K = 237;
    /** k. */
    static final int I32_EQ_K = 238;
    /** k. */
    static final int I32_NE_K = 239;
    /** k. */
    static final int I32_LT_S_K = 240;
    /** k. */
    static final int I32_LT_U_K = 241;
    /** k. */
    static final int I32_GT_S_K = 242;
    /** k. */
    static final int I32_GT_U_K = 243;
    /** k. */
    static final int I32_LE_S_K = 244;
    /** k. */
    static final int I32_LE_U_K = 245;
    /** k. */
    static final int I32_GE_S_K = 246;
    /** k. */
    static final int I32_GE_U_K = 247;
    /** k, offset: {@code i32.const k; i32.add; i32.load offset} (the add wraps, as in wasm). */
    static final int I32_LOAD_ADD = 248;
    /** k, offset: the same for {@code i64.load} and {@code f64.load}. */
    static final int I64_LOAD_ADD = 249;
    /** k, offset: the same for {@code i32.load8_u}. */
    static final int I32_LOAD8_U_ADD = 250;
    /** slot, offset: {@code local.get slot; i64.load offset} (and {@code f64.load}). */
    static final int I64_LOAD_LOCAL = 251;
    /** slot, k, offset: {@code local.get slot; i32.const k; i32.add; i32.load offset}. */
    static final int I32_LOAD_LOCAL_ADD = 252;
    /** slot, k, offset: the same for {@code i64.load} and {@code f64.load}. */
    static final int I64_LOAD_LOCAL_ADD = 253;
    /** slot, k, offset: the same for {@code i32.load8_u}. */
    static final int I32_LOAD8_U_LOCAL_ADD = 254;

    /** target: pop two i32, jump when equal. */
    static final int BR_IF_EQ = 255;
    /** target: pop two i32, jump when not equal. */
    static final int BR_IF_NE = 256;
    /** target cost: pop two i32, jump back when not equal, counting down by cost. */
    static final int BR_IF_BACK_NE = 257;
    /** k, target: pop an i32, jump when it is less than k (signed). */
    static final int BR_IF_LT_S_K = 258;
    /** k, target: ... greater than or equal to k (signed). */
    static final int BR_IF_GE_S_K = 259;
    /** k, target: ... greater than k (signed). */
    static final int BR_IF_GT_S_K = 260;
    /** k, target: ... less than or equal to k (signed). */
    static final int BR_IF_LE_S_K = 261;
    /** k: {@code i32.const k; i32.shl; i32.add} (an indexed address). */
    static final int I32_SHL_K_ADD = 262;
    /** {@code f64.mul; f64.add}, rounded after each as in wasm (not a fused multiply-add). */
    static final int F64_MUL_ADD = 263;

    /** x1, y1, x2, y2: two {@code local.get x; local.set y} in a row. */
    static final int LOCAL_COPY2 = 264;
    /** x, k: {@code local.get x; i32.const k; i32.rotl}. */
    static final int LOCAL_ROTL_K = 265;
    /** x, k: {@code local.get x; i32.const k; i32.rotl; i32.xor}. */
    static final int LOCAL_ROTL_K_XOR = 266;

    /** x: {@code local.get x; f64.mul; f64.add} (rounded after each). */
    static final int F64_MUL_L_ADD = 267;
    /** low, high: {@code f64.const; f64.lt}. */
    static final int F64_LT_K = 268;
    /** low, high: {@code f64.const; f64.le}. */
    static final int F64_LE_K = 269;
    /** low, high: {@code f64.const; f64.gt}. */
    static final int F64_GT_K = 270;
    /** low, high: {@code f64.const; f64.ge}. */
    static final int F64_GE_K = 271;
    /** x: {@code local.tee x; local.get x; f64.mul}: keeps the value in x, leaves its square. */
    static final int F64_TEE_SQUARE = 272;
    /** k, target, cost: {@code i32.const k; i32.ne; br_if} to a loop (a counted loop's test). */
    static final int BR_IF_BACK_NE_K = 273;

    /** x, y, offset: {@code local.get x; local.get y; i64.load offset} (and {@code f64.load}). */
    static final int LOCAL_GET_LOAD64 = 274;
    /** offset: {@code f64.mul; f64.add; f64.store offset}. */
    static final int F64_MUL_ADD_STORE = 275;
    /** offset: {@code f64.add; f64.store offset}. */
    static final int F64_ADD_STORE = 276;
    /** offset: {@code f64.sub; f64.store offset}. */
    static final int F64_SUB_STORE = 277;
    /** x: {@code local.tee x; f64.add}. */
    static final int F64_TEE_ADD = 278;
    /** x: {@code local.get x; f64.sub; f64.add}. */
    static final int F64_SUB_L_ADD = 279;
    /** x y k offset: {@code local.get x; local.get y; i32.const k; i32.add; f64.load offset; f64.sub} (a field of a struct subtracted from a local). */
    static final int F64_SUB_LOCAL_LOAD = 280;
    /** a b: {@code local.get a; f64.mul; local.get b; f64.mul} (a product of three factors). */
    static final int F64_MUL_L_MUL_L = 281;
    /** a b c: {@code local.get a; local.get b; f64.mul; local.get c; f64.mul}. */
    static final int F64_MUL_LL_MUL_L = 282;
    /**
     * x loadOffset storeOffset: {@code local.get x; f64.load loadOffset; f64.add; f64.store
     * storeOffset} with the address and the addend below (compilers' {@code *p += v}, p in a local).
     */
    static final int F64_ADD_LOCAL_LOAD_STORE = 283;

    /** Number of opcodes. */
    static final int COUNT = 284;

    /** For a binary numeric op: its form with the second operand from a local, or -1. */
    static int withLocalOperand(int op) {
        return switch (op) {
            case I32_ADD -> I32_ADD_L;
            case I32_SUB -> I32_SUB_L;
            case I32_MUL -> I32_MUL_L;
            case I32_AND -> I32_AND_L;
            case I32_OR -> I32_OR_L;
            case I32_XOR -> I32_XOR_L;
            case F64_ADD -> F64_ADD_L;
            case F64_SUB -> F64_SUB_L;
            case F64_MUL -> F64_MUL_L;
            case F64_DIV -> F64_DIV_L;
            default -> -1;
        };
    }

    /** For a binary numeric op: its form with both operands from locals, or -1. */
    static int withLocalOperands(int op) {
        return switch (op) {
            case I32_ADD -> I32_ADD_LL;
            case F64_ADD -> F64_ADD_LL;
            case F64_SUB -> F64_SUB_LL;
            case F64_MUL -> F64_MUL_LL;
            default -> -1;
        };
    }

    /** For a binary i32 op: its form with a constant second operand, or -1. */
    static int withConstantOperand(int op) {
        return switch (op) {
            case I32_AND -> I32_AND_K;
            case I32_OR -> I32_OR_K;
            case I32_XOR -> I32_XOR_K;
            case I32_MUL -> I32_MUL_K;
            case I32_SHL -> I32_SHL_K;
            case I32_SHR_S -> I32_SHR_S_K;
            case I32_SHR_U -> I32_SHR_U_K;
            case I32_ROTL -> I32_ROTL_K;
            case I32_EQ -> I32_EQ_K;
            case I32_NE -> I32_NE_K;
            case I32_LT_S -> I32_LT_S_K;
            case I32_LT_U -> I32_LT_U_K;
            case I32_GT_S -> I32_GT_S_K;
            case I32_GT_U -> I32_GT_U_K;
            case I32_LE_S -> I32_LE_S_K;
            case I32_LE_U -> I32_LE_U_K;
            case I32_GE_S -> I32_GE_S_K;
            case I32_GE_U -> I32_GE_U_K;
            default -> -1;
        };
    }

    /** The internal opcode of a numeric instruction (binary opcodes 0x45 to 0xC4, no immediates). */
    static int numeric(int binaryOpcode) {
        return binaryOpcode - 0x45 + I32_EQZ;
    }

    private static final String[] NAMES = {
        "unreachable",
        "jump",
        "jump_back",
        "br_if",
        "br_if_back",
        "br_unless",
        "br_move",
        "countdown",
        "br_table",
        "return",
        "call",
        "call_indirect",
        "drop",
        "select",
        "local_get",
        "local_set",
        "local_tee",
        "global_get",
        "global_set",
        "global_get_ref",
        "global_set_ref",
        "table_get",
        "table_set",
        "i32_load",
        "i64_load",
        "f32_load",
        "f64_load",
        "i32_load8_s",
        "i32_load8_u",
        "i32_load16_s",
        "i32_load16_u",
        "i64_load8_s",
        "i64_load8_u",
        "i64_load16_s",
        "i64_load16_u",
        "i64_load32_s",
        "i64_load32_u",
        "i32_store",
        "i64_store",
        "f32_store",
        "f64_store",
        "i32_store8",
        "i32_store16",
        "i64_store8",
        "i64_store16",
        "i64_store32",
        "memory_size",
        "memory_grow",
        "const32",
        "const64",
        "i32_eqz",
        "i32_eq",
        "i32_ne",
        "i32_lt_s",
        "i32_lt_u",
        "i32_gt_s",
        "i32_gt_u",
        "i32_le_s",
        "i32_le_u",
        "i32_ge_s",
        "i32_ge_u",
        "i64_eqz",
        "i64_eq",
        "i64_ne",
        "i64_lt_s",
        "i64_lt_u",
        "i64_gt_s",
        "i64_gt_u",
        "i64_le_s",
        "i64_le_u",
        "i64_ge_s",
        "i64_ge_u",
        "f32_eq",
        "f32_ne",
        "f32_lt",
        "f32_gt",
        "f32_le",
        "f32_ge",
        "f64_eq",
        "f64_ne",
        "f64_lt",
        "f64_gt",
        "f64_le",
        "f64_ge",
        "i32_clz",
        "i32_ctz",
        "i32_popcnt",
        "i32_add",
        "i32_sub",
        "i32_mul",
        "i32_div_s",
        "i32_div_u",
        "i32_rem_s",
        "i32_rem_u",
        "i32_and",
        "i32_or",
        "i32_xor",
        "i32_shl",
        "i32_shr_s",
        "i32_shr_u",
        "i32_rotl",
        "i32_rotr",
        "i64_clz",
        "i64_ctz",
        "i64_popcnt",
        "i64_add",
        "i64_sub",
        "i64_mul",
        "i64_div_s",
        "i64_div_u",
        "i64_rem_s",
        "i64_rem_u",
        "i64_and",
        "i64_or",
        "i64_xor",
        "i64_shl",
        "i64_shr_s",
        "i64_shr_u",
        "i64_rotl",
        "i64_rotr",
        "f32_abs",
        "f32_neg",
        "f32_ceil",
        "f32_floor",
        "f32_trunc",
        "f32_nearest",
        "f32_sqrt",
        "f32_add",
        "f32_sub",
        "f32_mul",
        "f32_div",
        "f32_min",
        "f32_max",
        "f32_copysign",
        "f64_abs",
        "f64_neg",
        "f64_ceil",
        "f64_floor",
        "f64_trunc",
        "f64_nearest",
        "f64_sqrt",
        "f64_add",
        "f64_sub",
        "f64_mul",
        "f64_div",
        "f64_min",
        "f64_max",
        "f64_copysign",
        "i32_wrap_i64",
        "i32_trunc_f32_s",
        "i32_trunc_f32_u",
        "i32_trunc_f64_s",
        "i32_trunc_f64_u",
        "i64_extend_i32_s",
        "i64_extend_i32_u",
        "i64_trunc_f32_s",
        "i64_trunc_f32_u",
        "i64_trunc_f64_s",
        "i64_trunc_f64_u",
        "f32_convert_i32_s",
        "f32_convert_i32_u",
        "f32_convert_i64_s",
        "f32_convert_i64_u",
        "f32_demote_f64",
        "f64_convert_i32_s",
        "f64_convert_i32_u",
        "f64_convert_i64_s",
        "f64_convert_i64_u",
        "f64_promote_f32",
        "i32_reinterpret_f32",
        "i64_reinterpret_f64",
        "f32_reinterpret_i32",
        "f64_reinterpret_i64",
        "i32_extend8_s",
        "i32_extend16_s",
        "i64_extend8_s",
        "i64_extend16_s",
        "i64_extend32_s",
        "ref_is_null",
        "ref_func",
        "i32_trunc_sat_f32_s",
        "i32_trunc_sat_f32_u",
        "i32_trunc_sat_f64_s",
        "i32_trunc_sat_f64_u",
        "i64_trunc_sat_f32_s",
        "i64_trunc_sat_f32_u",
        "i64_trunc_sat_f64_s",
        "i64_trunc_sat_f64_u",
        "memory_init",
        "data_drop",
        "memory_copy",
        "memory_fill",
        "table_init",
        "elem_drop",
        "table_copy",
        "table_grow",
        "table_size",
        "table_fill",
        "i32_add_const",
        "local_get2",
        "local_get_v128",
        "local_set_v128",
        "local_tee_v128",
        "global_get_v128",
        "global_set_v128",
        "select_v128",
        "i32_load_local",
        "i32_store_locals",
        "simd",
        "local_set_get",
        "local_tee_get",
        "local_copy",
        "local_add_const",
        "i32_add_const_set",
        "const32_set",
        "local_add_const_set",
        "i32_add_l",
        "i32_sub_l",
        "i32_mul_l",
        "i32_and_l",
        "i32_or_l",
        "i32_xor_l",
        "f64_add_l",
        "f64_sub_l",
        "f64_mul_l",
        "f64_div_l",
        "i32_add_ll",
        "f64_add_ll",
        "f64_sub_ll",
        "f64_mul_ll",
        "i32_and_k",
        "i32_or_k",
        "i32_xor_k",
        "i32_mul_k",
        "i32_shl_k",
        "i32_shr_s_k",
        "i32_shr_u_k",
        "i32_rotl_k",
        "i32_eq_k",
        "i32_ne_k",
        "i32_lt_s_k",
        "i32_lt_u_k",
        "i32_gt_s_k",
        "i32_gt_u_k",
        "i32_le_s_k",
        "i32_le_u_k",
        "i32_ge_s_k",
        "i32_ge_u_k",
        "i32_load_add",
        "i64_load_add",
        "i32_load8_u_add",
        "i64_load_local",
        "i32_load_local_add",
        "i64_load_local_add",
        "i32_load8_u_local_add",
        "br_if_eq",
        "br_if_ne",
        "br_if_back_ne",
        "br_if_lt_s_k",
        "br_if_ge_s_k",
        "br_if_gt_s_k",
        "br_if_le_s_k",
        "i32_shl_k_add",
        "f64_mul_add",
        "local_copy2",
        "local_rotl_k",
        "local_rotl_k_xor",
        "f64_mul_l_add",
        "f64_lt_k",
        "f64_le_k",
        "f64_gt_k",
        "f64_ge_k",
        "f64_tee_square",
        "br_if_back_ne_k",
        "local_get_load64",
        "f64_mul_add_store",
        "f64_add_store",
        "f64_sub_store",
        "f64_tee_add",
        "f64_sub_l_add",
        "f64_sub_local_load",
        "f64_mul_l_mul_l",
        "f64_mul_ll_mul_l",
        "f64_add_local_load_store",
    };

    /** The opcode's name, for disassembly in tests and messages. */
    static String name(int op) {
        return op >= 0 && op < NAMES.length ? NAMES[op] : "op" + op;
    }
}
