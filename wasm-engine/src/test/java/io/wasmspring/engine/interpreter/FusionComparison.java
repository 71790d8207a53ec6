package io.wasmspring.engine.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One {@link TestModule} lowered twice, with superinstructions ({@link #fused}) and without
 * ({@link #plain}), so a test can check that a sequence fused and that fusing changed nothing: the
 * plain lowering executes every wasm instruction on its own and is the reference.
 */
final class FusionComparison {

    /** Memory contents both instances start with, so loads have something to tell apart. */
    static final int PATTERN_SEED = 0x9E37_79B9;

    final TestModule.Instance fused;
    final TestModule.Instance plain;
    /** Whether the function chains float operations, so an intermediate NaN may meet an argument's. */
    private boolean chainsFloatOperations;
    private Boolean writesMemory;

    private FusionComparison(TestModule.Instance fused, TestModule.Instance plain) {
        this.fused = fused;
        this.plain = plain;
        if (fused.state().memories.length > 0) {
            fillWithPattern(fused.memory().buffer());
            fillWithPattern(plain.memory().buffer());
        }
    }

    /** Marks the function under test as chaining f64 operations (see {@link #assertSameOutcome}). */
    FusionComparison chainingFloatOperations() {
        chainsFloatOperations = true;
        return this;
    }

    /**
     * Adds a function that calls {@code callee} with its own arguments from a frame of its own, so
     * that the callee's frame does not start at slot 0 of the stack. The caller copies its
     * parameters into locals, overwrites the parameters with junk and calls from the copies: a
     * fused instruction that forgot the frame pointer would read the junk. Returns its index.
     */
    static int addCaller(TestModule module, int callee, FunctionType type) {
        List<ValueType> params = type.params();
        int n = params.size();
        Asm body = Asm.code();
        for (int i = 0; i < n; i++) {
            body.get(i).set(n + i);
        }
        for (int i = 0; i < n; i++) {
            switch (params.get(i)) {
                case I32 -> body.i32(0x5A5A_5A5A);
                case I64 -> body.i64(0x5A5A_5A5A_5A5A_5A5AL);
                case F32 -> body.f32Bits(0x5A5A_5A5A);
                case F64 -> body.f64Bits(0x5A5A_5A5A_5A5A_5A5AL);
                default -> throw new IllegalArgumentException("no junk for " + params.get(i));
            }
            body.set(i);
        }
        for (int i = 0; i < n; i++) {
            body.get(n + i);
        }
        return module.func(type, params.toArray(new ValueType[0]), body.call(callee).end());
    }

    /** Lowers {@code module} with fusion on and off; the flag is restored whatever happens. */
    static FusionComparison of(TestModule module) {
        TestModule.Instance fused = lowered(true, module::instantiate);
        TestModule.Instance plain = lowered(false, module::instantiate);
        return new FusionComparison(fused, plain);
    }

    /** Runs {@code lowering} (anything that lowers code) with fusion on or off, restoring the flag. */
    static <T> T lowered(boolean fuse, Supplier<T> lowering) {
        boolean saved = FunctionLowering.fuseInstructions;
        try {
            FunctionLowering.fuseInstructions = fuse;
            return lowering.get();
        } finally {
            FunctionLowering.fuseInstructions = saved;
        }
    }

    /** A deterministic, position-dependent byte pattern (no two neighbouring words alike). */
    static void fillWithPattern(byte[] memory) {
        int x = PATTERN_SEED;
        for (int i = 0; i < memory.length; i++) {
            x = x * 1_103_515_245 + 12_345;
            memory[i] = (byte) (x >>> 24);
        }
    }

    /** The fused lowering of defined function {@code function} (the test modules import none). */
    String fusedListing(int function) {
        return fused.compiled()[function].disassemble();
    }

    String plainListing(int function) {
        return plain.compiled()[function].disassemble();
    }

    /** True when {@code listing} has an instruction named exactly {@code op} (not a longer name it prefixes). */
    static boolean hasInstruction(String listing, String op) {
        return Pattern.compile("(?m)^\\d+: " + Pattern.quote(op) + "( |$)").matcher(listing).find();
    }

    /** The names of every instruction in a listing. */
    static Set<String> instructionNames(String listing) {
        Set<String> names = new HashSet<>();
        for (String line : listing.split("\n")) {
            if (!line.isEmpty()) {
                String rest = line.substring(line.indexOf(": ") + 2);
                int space = rest.indexOf(' ');
                names.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        return names;
    }

    /** Asserts that {@code function} lowered to {@code op} with fusion on, and without it otherwise. */
    void assertFusesInto(int function, String op) {
        assertThat(hasInstruction(fusedListing(function), op))
                .as("fused lowering has %s:%n%s", op, fusedListing(function)).isTrue();
        assertThat(hasInstruction(plainListing(function), op))
                .as("plain lowering has no %s:%n%s", op, plainListing(function)).isFalse();
    }

    /** Asserts that {@code op} does not appear in the fused lowering of {@code function}. */
    void assertDoesNotFuseInto(int function, String op) {
        assertThat(hasInstruction(fusedListing(function), op))
                .as("fused lowering must not have %s:%n%s", op, fusedListing(function)).isFalse();
    }

    /** What one call did: its results, or the trap message. */
    record Outcome(long[] results, String trap) {

        boolean trapped() {
            return trap != null;
        }

        @Override
        public String toString() {
            return trapped() ? "trap: " + trap : Arrays.toString(results);
        }
    }

    static Outcome run(TestModule.Instance instance, int function, long... args) {
        try {
            return new Outcome(instance.call(function, args.clone()), null);
        } catch (Trap t) {
            return new Outcome(null, t.getMessage());
        }
    }

    /** Whether the module can change its memory, so runs must leave the two memories equal. */
    private boolean writesMemory() {
        if (writesMemory == null) {
            writesMemory = fused.state().memories.length > 0 && Arrays.stream(plain.compiled())
                    .map(CompiledFunction::disassemble)
                    .anyMatch(listing -> listing.contains("store") || listing.contains("memory_"));
        }
        return writesMemory;
    }

    /**
     * Calls {@code function} with {@code args} in both lowerings and asserts the same outcome: the
     * same raw result slots bit for bit (or the same trap message) and, where the module stores to
     * memory, the same memory afterwards.
     * The one allowance: where an f64 operation may meet two different NaNs (two NaN arguments
     * with different bits, or, when the function chains operations, a NaN argument and a NaN
     * computed on the way), the spec lets it return either (and the JIT may order commutative
     * operands either way), so then a NaN result need only be an arithmetic (quiet) NaN in both.
     *
     * @return the fused lowering's outcome
     */
    Outcome assertSameOutcome(int function, long... args) {
        Outcome expected = run(plain, function, args);
        Outcome actual = run(fused, function, args);
        Supplier<String> call = () -> "function " + function + " on " + describe(args)
                + "\nfused:\n" + fusedListing(function);
        if (!Objects.equals(actual.trap, expected.trap)) {
            assertThat(actual.toString()).as(() -> "outcome of " + call.get()).isEqualTo(expected.toString());
        }
        if (!expected.trapped()) {
            for (int i = 0; i < expected.results.length; i++) {
                long want = expected.results[i];
                long got = actual.results[i];
                if (want != got && !(mayMeetTwoNaNs(args) && isArithmeticNaN(want) && isArithmeticNaN(got))) {
                    int result = i;
                    assertThat(Long.toHexString(got)).as(() -> "result " + result + " of " + call.get())
                            .isEqualTo(Long.toHexString(want));
                }
            }
        }
        if (writesMemory()) {
            int mismatch = Arrays.mismatch(fused.memory().buffer(), plain.memory().buffer());
            assertThat(mismatch).as(() -> "first differing memory byte after " + call.get()).isEqualTo(-1);
        }
        return actual;
    }

    private static boolean isNaN(long bits) {
        return (bits & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L && (bits & 0x000F_FFFF_FFFF_FFFFL) != 0;
    }

    private static boolean isArithmeticNaN(long bits) {
        return isNaN(bits) && (bits & 0x0008_0000_0000_0000L) != 0;
    }

    private boolean mayMeetTwoNaNs(long[] args) {
        long patterns = Arrays.stream(args).filter(FusionComparison::isNaN).distinct().count();
        return patterns > 1 || chainsFloatOperations && patterns > 0;
    }

    static String describe(long[] args) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) {
            sb.append(i == 0 ? "" : ", ").append("0x").append(Long.toHexString(args[i]));
        }
        return sb.append(')').toString();
    }
}
