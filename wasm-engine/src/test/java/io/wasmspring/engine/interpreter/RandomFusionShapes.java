package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.F64;
import static io.wasmspring.engine.interpreter.TestModule.I32;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.util.Random;

/**
 * Writes random, valid function bodies out of the shapes the peephole fuses (locals and constants
 * as operands, copies, tees, constant adds feeding loads, compares feeding branches, multiply-adds)
 * nested in blocks, ifs and bounded loops, so fusions meet each other and labels in combinations
 * no hand-written case lists.
 *
 * <p>Locals: i32 parameters 0 to 2, f64 parameter 3, i32 locals 4 to 6, loop counters 7 and 8
 * (only loops write them, so every loop ends), f64 locals 9 and 10. The function returns every
 * i32 and f64 variable. Memory accesses mask their address into the page, with static offsets
 * that sometimes reach past its end (a trap both lowerings must agree on).
 */
final class RandomFusionShapes {

    static final FunctionType TYPE = FunctionType.of(new ValueType[] {I32, I32, I32, F64},
            I32, I32, I32, I32, I32, I32, F64, F64, F64);
    static final ValueType[] LOCALS = {I32, I32, I32, I32, I32, F64, F64};

    private static final int[] INTS = {
        0, 1, 2, 3, 5, 8, 31, 32, 33, -1, -8, 0xFF, 0xFFFC, Integer.MIN_VALUE, Integer.MAX_VALUE,
    };
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, 0.5, -3.0, 1e300, Double.POSITIVE_INFINITY};
    private static final int[] I32_VARIABLES = {0, 1, 2, 4, 5, 6};
    private static final int[] F64_VARIABLES = {3, 9, 10};
    private static final int[] COUNTERS = {7, 8};
    private static final int[] BINARY = {
        Opcodes.I32_ADD, Opcodes.I32_SUB, Opcodes.I32_MUL, Opcodes.I32_AND, Opcodes.I32_OR, Opcodes.I32_XOR,
        Opcodes.I32_SHL, Opcodes.I32_SHR_S, Opcodes.I32_SHR_U, Opcodes.I32_ROTL, Opcodes.I32_ROTR,
        Opcodes.I32_EQ, Opcodes.I32_NE, Opcodes.I32_LT_S, Opcodes.I32_LT_U, Opcodes.I32_GT_S, Opcodes.I32_GT_U,
        Opcodes.I32_LE_S, Opcodes.I32_LE_U, Opcodes.I32_GE_S, Opcodes.I32_GE_U,
    };
    private static final int[] F64_BINARY = {Opcodes.F64_ADD, Opcodes.F64_SUB, Opcodes.F64_MUL, Opcodes.F64_DIV};
    private static final int[] F64_COMPARE = {Opcodes.F64_LT, Opcodes.F64_LE, Opcodes.F64_GT, Opcodes.F64_GE};

    private final Random random;
    private final Asm code = Asm.code();

    private RandomFusionShapes(long seed) {
        this.random = new Random(seed);
    }

    /** The body of function number {@code seed}: the same seed, the same body. */
    static Asm body(long seed) {
        RandomFusionShapes shapes = new RandomFusionShapes(seed);
        shapes.statements(4 + shapes.random.nextInt(6), 0);
        for (int v : I32_VARIABLES) {
            shapes.code.get(v);
        }
        for (int v : F64_VARIABLES) {
            shapes.code.get(v);
        }
        return shapes.code.end();
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    private void statements(int count, int loopDepth) {
        for (int i = 0; i < count; i++) {
            statement(loopDepth);
        }
    }

    /** Something that leaves the stack as it found it. */
    private void statement(int loopDepth) {
        switch (random.nextInt(loopDepth < 2 ? 11 : 10)) {
            case 0, 1 -> {
                i32(3);
                code.set(pick(I32_VARIABLES));
            }
            case 2 -> {
                i32(2);
                code.tee(pick(I32_VARIABLES)).set(pick(I32_VARIABLES));
            }
            case 3 -> {
                // one or two copies in a row, the second often reading the first's destination
                int from = pick(I32_VARIABLES);
                int to = pick(I32_VARIABLES);
                code.get(from).set(to);
                if (random.nextBoolean()) {
                    code.get(random.nextBoolean() ? to : pick(I32_VARIABLES)).set(pick(I32_VARIABLES));
                }
            }
            case 4 -> {
                f64(3);
                code.set(pick(F64_VARIABLES));
            }
            case 5 -> {
                address();
                if (random.nextInt(3) == 0) {
                    code.get(pick(I32_VARIABLES)).mem(Opcodes.I32_STORE, pick(new int[] {0, 4, 8}));
                } else if (random.nextBoolean()) {
                    i32(2);
                    code.mem(Opcodes.I32_STORE, pick(new int[] {0, 4, 8}));
                } else {
                    f64(1);
                    code.mem(Opcodes.F64_STORE, pick(new int[] {0, 8}));
                }
            }
            case 6 -> {
                condition();
                code.if_();
                statements(1 + random.nextInt(2), loopDepth);
                if (random.nextBoolean()) {
                    code.else_();
                    statements(1 + random.nextInt(2), loopDepth);
                }
                code.end();
            }
            case 7 -> {
                code.block();
                statements(random.nextInt(2), loopDepth);
                condition();
                code.brIf(0);
                statements(1 + random.nextInt(2), loopDepth);
                code.end();
            }
            case 8 -> {
                // an f64 comparison stored as an i32
                f64(2);
                code.f64(DOUBLES[random.nextInt(DOUBLES.length)]).op(pick(F64_COMPARE)).set(pick(I32_VARIABLES));
            }
            case 9 -> {
                // a block with a result, the value carried out by a branch or by falling through
                code.block(I32);
                i32(2);
                condition();
                code.brIf(0);
                code.drop();
                i32(1);
                code.end().set(pick(I32_VARIABLES));
            }
            default -> loop(loopDepth);
        }
    }

    /** A loop running 1 to 4 times on its own counter, in one of three shapes of back-edge test. */
    private void loop(int loopDepth) {
        int counter = COUNTERS[loopDepth];
        int times = 1 + random.nextInt(4);
        int shape = random.nextInt(3);
        code.i32(shape == 0 ? times : 0).set(counter);
        code.loop();
        statements(1 + random.nextInt(3), loopDepth + 1);
        switch (shape) {
            case 0 -> code.get(counter).i32(-1).op(Opcodes.I32_ADD).tee(counter).brIf(0);
            case 1 -> code.get(counter).i32(1).op(Opcodes.I32_ADD).tee(counter).i32(times).op(Opcodes.I32_NE).brIf(0);
            default -> code.get(counter).i32(1).op(Opcodes.I32_ADD).set(counter)
                    .i32(times).get(counter).op(Opcodes.I32_NE).brIf(0);
        }
        code.end();
    }

    /** An i32 for a branch, often a comparison with a constant or between locals. */
    private void condition() {
        switch (random.nextInt(4)) {
            case 0 -> code.get(pick(I32_VARIABLES)).i32(pick(INTS)).op(pick(BINARY));
            case 1 -> code.get(pick(I32_VARIABLES)).get(pick(I32_VARIABLES))
                    .op(random.nextBoolean() ? Opcodes.I32_EQ : Opcodes.I32_NE);
            case 2 -> {
                i32(2);
                code.op(Opcodes.I32_EQZ);
            }
            default -> i32(2);
        }
    }

    /**
     * An address: usually some value masked into the page (a multiple of 8, maybe stepped by a
     * constant); sometimes a local as it is, alone or plus a constant, which may well trap.
     */
    private void address() {
        switch (random.nextInt(5)) {
            case 0 -> code.get(pick(I32_VARIABLES));
            case 1 -> code.get(pick(I32_VARIABLES)).i32(pick(new int[] {0, 4, 8, -8})).op(Opcodes.I32_ADD);
            default -> {
                i32(1);
                code.i32(0xFFF8).op(Opcodes.I32_AND);
                if (random.nextBoolean()) {
                    code.i32(pick(new int[] {0, 4, 8, -8})).op(Opcodes.I32_ADD);
                }
            }
        }
    }

    /** Pushes one i32, from an expression tree at most {@code depth} deep. */
    private void i32(int depth) {
        int choice = depth == 0 ? random.nextInt(2) : random.nextInt(9);
        switch (choice) {
            case 0 -> code.get(pick(I32_VARIABLES));
            case 1 -> code.i32(pick(INTS));
            case 2, 3 -> {
                i32(depth - 1);
                i32(depth - 1);
                code.op(pick(BINARY));
            }
            case 4 -> {
                i32(depth - 1);
                code.i32(pick(INTS)).op(pick(BINARY));
            }
            case 5 -> {
                i32(depth - 1);
                int shape = random.nextInt(3);
                if (shape == 0) {
                    code.tee(pick(I32_VARIABLES));
                } else if (shape == 1) {
                    // base + index << k, an indexed address
                    i32(depth - 1);
                    code.i32(pick(new int[] {1, 2, 3, 33})).op(Opcodes.I32_SHL).op(Opcodes.I32_ADD);
                } else {
                    // a rotate-and-xor step, as in hash functions
                    code.get(pick(I32_VARIABLES)).i32(pick(INTS)).op(Opcodes.I32_ROTL).op(Opcodes.I32_XOR);
                }
            }
            case 6 -> {
                address();
                int[] loads = {Opcodes.I32_LOAD, Opcodes.I32_LOAD8_U, Opcodes.I64_LOAD};
                int load = pick(loads);
                code.mem(load, pick(new int[] {0, 4, 8}));
                if (load == Opcodes.I64_LOAD) {
                    code.op(Opcodes.I32_WRAP_I64);
                }
            }
            case 7 -> {
                f64(depth - 1);
                f64(depth - 1);
                code.op(pick(F64_COMPARE));
            }
            default -> {
                i32(depth - 1);
                code.op(Opcodes.I32_EQZ);
            }
        }
    }

    /** Pushes one f64 (no NaN constants or arguments: the only NaN arises from the hardware, always the same bits). */
    private void f64(int depth) {
        int choice = depth == 0 ? random.nextInt(2) : random.nextInt(7);
        switch (choice) {
            case 0 -> code.get(pick(F64_VARIABLES));
            case 1 -> code.f64(DOUBLES[random.nextInt(DOUBLES.length)]);
            case 2, 3 -> {
                f64(depth - 1);
                f64(depth - 1);
                code.op(pick(F64_BINARY));
            }
            case 4 -> {
                // a + b * c, the multiply-add shape, with c often a local
                f64(depth - 1);
                f64(depth - 1);
                if (random.nextBoolean()) {
                    code.get(pick(F64_VARIABLES));
                } else {
                    f64(depth - 1);
                }
                code.op(Opcodes.F64_MUL).op(Opcodes.F64_ADD);
            }
            case 5 -> {
                // the square of a value kept in a local
                int v = pick(F64_VARIABLES);
                f64(depth - 1);
                code.tee(v).get(v).op(Opcodes.F64_MUL);
            }
            default -> {
                i32(depth - 1);
                code.op(Opcodes.F64_CONVERT_I32_S);
            }
        }
    }
}
