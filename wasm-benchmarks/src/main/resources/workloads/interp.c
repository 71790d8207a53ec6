/*
 * A tiny register-machine interpreter running a bytecode program that sums the Collatz
 * stopping times of 1..n-1: a switch dispatch loop (br_table), unpredictable branches,
 * i64 arithmetic. The branchy integer workload.
 */
#include "workload.h"

enum opcode { LOADI, MOVE, ADDI, ADD, SHRI, ANDI, MUL3, JEQI, JNEI, JLT, JUMP, HALT };

struct instruction {
    uint8_t op, dst, src;
    int32_t imm;
};

/*
 * r0 = n, r1 = i, r2 = x, r3 = total steps, r4 = scratch.
 *   total = 0; for (i = 1; i < n; i++) { x = i; while (x != 1) { x = x & 1 ? 3x + 1 : x >> 1; total++; } }
 */
static const struct instruction program[] = {
    /* 0 */ {LOADI, 3, 0, 0},
    /* 1 */ {LOADI, 1, 0, 1},
    /* 2 */ {JLT, 1, 0, 4},       /* if i < n goto 4 */
    /* 3 */ {HALT, 3, 0, 0},
    /* 4 */ {MOVE, 2, 1, 0},
    /* 5 */ {JEQI, 2, 1, 13},     /* while x != 1 (imm 1 is in src, target in imm) */
    /* 6 */ {ANDI, 4, 2, 1},
    /* 7 */ {JNEI, 4, 0, 10},     /* odd: goto 10 */
    /* 8 */ {SHRI, 2, 2, 1},
    /* 9 */ {JUMP, 0, 0, 11},
    /* 10 */ {MUL3, 2, 2, 1},     /* x = 3x + 1 */
    /* 11 */ {ADDI, 3, 3, 1},
    /* 12 */ {JUMP, 0, 0, 5},
    /* 13 */ {ADDI, 1, 1, 1},
    /* 14 */ {JUMP, 0, 0, 2},
};

__attribute__((noinline)) static int64_t execute(const struct instruction *code, int64_t input) {
    int64_t r[8] = {input, 0, 0, 0, 0, 0, 0, 0};
    uint32_t pc = 0;
    for (;;) {
        const struct instruction *in = &code[pc++];
        switch (in->op) {
        case LOADI: r[in->dst] = in->imm; break;
        case MOVE: r[in->dst] = r[in->src]; break;
        case ADDI: r[in->dst] = r[in->src] + in->imm; break;
        case ADD: r[in->dst] = r[in->dst] + r[in->src]; break;
        case SHRI: r[in->dst] = r[in->src] >> in->imm; break;
        case ANDI: r[in->dst] = r[in->src] & in->imm; break;
        case MUL3: r[in->dst] = r[in->src] * 3 + in->imm; break;
        case JEQI: if (r[in->dst] == in->src) pc = (uint32_t) in->imm; break;
        case JNEI: if (r[in->dst] != in->src) pc = (uint32_t) in->imm; break;
        case JLT: if (r[in->dst] < r[in->src]) pc = (uint32_t) in->imm; break;
        case JUMP: pc = (uint32_t) in->imm; break;
        case HALT: return r[in->dst];
        default: return -1;
        }
    }
}

EXPORT("run") uint32_t run(int32_t n) {
    int64_t total = execute(program, n);
    return (uint32_t) total ^ (uint32_t) (total >> 32);
}

NATIVE_MAIN
