package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.F64;
import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.I64;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.structure.Opcodes;
import java.util.List;

/**
 * A wasm sequence that should fuse into the superinstruction {@code op}: the function it sits in,
 * and the arguments to run it on. {@link #check()} builds it into a module, asserts the fusion and
 * compares every run with the plain lowering.
 *
 * <p>Every module starts with identity functions ({@link #ID_I32}, {@link #ID_I64},
 * {@link #ID_F64}): {@code local.get x; call id} puts x on the stack through an instruction that
 * fuses with nothing, where a test needs a computed operand rather than a local.
 */
record FusionCase(String op, String sequence, FunctionType signature, ValueType[] locals, Asm body,
                  List<long[]> inputs, boolean chainsFloatOperations) {

    static final int ID_I32 = 0;
    static final int ID_I64 = 1;
    static final int ID_F64 = 2;
    /** Type index of {@code (param i32) (result i32)}, which {@link #ID_I32} registers first: for block types. */
    static final int TYPE_I32_TO_I32 = 0;
    /** Function index of the function under test. */
    static final int UNDER_TEST = 3;
    /** Function index of a function that calls it ({@link FusionComparison#addCaller}). */
    static final int CALLER = 4;

    static FusionCase of(String op, String sequence, FunctionType signature, ValueType[] locals, Asm body,
                         List<long[]> inputs) {
        return new FusionCase(op, sequence, signature, locals, body, inputs, false);
    }

    static FusionCase of(String op, String sequence, FunctionType signature, Asm body, List<long[]> inputs) {
        return of(op, sequence, signature, new ValueType[0], body, inputs);
    }

    /** The same case, marked as chaining f64 operations (see {@link FusionComparison#assertSameOutcome}). */
    FusionCase chainingFloatOperations() {
        return new FusionCase(op, sequence, signature, locals, body, inputs, true);
    }

    /** A module with the identity functions, one page of memory, this case's function and its caller. */
    TestModule module() {
        TestModule m = new TestModule().memory(1, -1);
        m.func(type(params(I32), I32), Asm.code().get(0).end());
        m.func(type(params(I64), I64), Asm.code().get(0).end());
        m.func(type(params(F64), F64), Asm.code().get(0).end());
        m.func(signature, locals, body);
        FusionComparison.addCaller(m, UNDER_TEST, signature);
        return m;
    }

    /** Asserts that the sequence fuses into {@link #op} and computes what the plain lowering does on every input. */
    FusionComparison check() {
        FusionComparison comparison = FusionComparison.of(module());
        if (chainsFloatOperations) {
            comparison.chainingFloatOperations();
        }
        comparison.assertFusesInto(UNDER_TEST, op);
        // every other input through a caller, so the frame under test starts above slot 0
        for (int i = 0; i < inputs.size(); i++) {
            comparison.assertSameOutcome(i % 2 == 0 ? UNDER_TEST : CALLER, inputs.get(i));
        }
        return comparison;
    }

    /**
     * Whether the interpreter has a superinstruction named {@code op}. The newest ones come and go
     * while the instruction set is tuned; their cases apply while they exist, and
     * {@code FusedOperandsTest.everySuperinstructionHasACase} keeps every existing one covered.
     */
    static boolean exists(String op) {
        for (int i = 0; i < Op.COUNT; i++) {
            if (Op.name(i).equals(op)) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code fusion} to {@code cases} if its superinstruction exists (see {@link #exists}). */
    static void addIfExists(List<FusionCase> cases, FusionCase fusion) {
        if (exists(fusion.op)) {
            cases.add(fusion);
        }
    }

    @Override
    public String toString() {
        return op + " <- " + sequence;
    }

    // ---- body helpers ----

    /** {@code local.get x; call id}: local x as a computed i32 operand. */
    static Asm opaque(Asm code, int local) {
        return code.get(local).call(ID_I32);
    }

    /** The same for an f64 local. */
    static Asm opaqueF64(Asm code, int local) {
        return code.get(local).call(ID_F64);
    }

    /** The wasm text name of a binary opcode, for case descriptions. */
    static String wasmName(int opcode) {
        return Opcodes.name(opcode);
    }
}
