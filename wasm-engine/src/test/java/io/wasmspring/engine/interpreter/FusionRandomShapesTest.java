package io.wasmspring.engine.interpreter;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random functions ({@link RandomFusionShapes}) run with and without fusion: every
 * result slot, trap and memory byte must agree. Deterministic: a failure names its seed, and
 * {@code RandomFusionShapes.body(seed)} rebuilds the function.
 */
class FusionRandomShapesTest {

    /** Functions per batch; {@code -Dfusion.random.seeds=N} runs a longer search. */
    private static final int SEEDS_PER_BATCH = Integer.getInteger("fusion.random.seeds", 40);
    private static final int CALLS_PER_FUNCTION = 6;
    private static final int[] INTS = {0, 1, -1, 7, 100, 0xFFF0, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final double[] DOUBLES = {0.0, -0.0, 1.5, -2.0, 1e-300, Double.NEGATIVE_INFINITY};

    private static FusionComparison lower(long seed) {
        TestModule m = new TestModule().memory(1, -1);
        m.func(RandomFusionShapes.TYPE, RandomFusionShapes.LOCALS, RandomFusionShapes.body(seed));
        FusionComparison.addCaller(m, 0, RandomFusionShapes.TYPE);
        Validator.validate(m.module);
        return FusionComparison.of(m);
    }

    @ParameterizedTest(name = "seeds {0}xx")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void randomFunctionsComputeTheSameFusedAndPlain(int batch) {
        // every seed runs, so that one failure does not hide another
        List<String> failures = new ArrayList<>();
        for (long seed = (long) batch * SEEDS_PER_BATCH; seed < (batch + 1L) * SEEDS_PER_BATCH; seed++) {
            try {
                FusionComparison c = lower(seed);
                Random args = new Random(~seed);
                for (int call = 0; call < CALLS_PER_FUNCTION; call++) {
                    // odd calls through the caller (function 1): the frame under test above slot 0
                    c.assertSameOutcome(call % 2, INTS[args.nextInt(INTS.length)], INTS[args.nextInt(INTS.length)],
                            args.nextInt(), Double.doubleToRawLongBits(DOUBLES[args.nextInt(DOUBLES.length)]));
                }
            } catch (AssertionError | RuntimeException e) {
                failures.add("seed " + seed + ": " + e);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The generator is only worth running if its functions fuse, and into many different superinstructions. */
    @Test
    void theRandomFunctionsUseMostSuperinstructions() {
        Set<String> used = new TreeSet<>();
        for (long seed = 0; seed < 10L * SEEDS_PER_BATCH; seed++) {
            FusionComparison c;
            try {
                c = lower(seed);
            } catch (RuntimeException e) {
                continue; // a function that does not lower fails the test above; here it just counts for nothing
            }
            used.addAll(FusionComparison.instructionNames(c.fusedListing(0)));
        }
        Set<String> fusions = new TreeSet<>();
        for (int op = Op.I32_ADD_CONST; op < Op.COUNT; op++) {
            if (!(op >= Op.LOCAL_GET_V128 && op <= Op.SELECT_V128 || op == Op.SIMD)) {
                fusions.add(Op.name(op));
            }
        }
        used.retainAll(fusions);
        System.out.printf("random functions use %d of %d superinstructions; not: %s%n", used.size(), fusions.size(),
                fusions.stream().filter(f -> !used.contains(f)).toList());
        assertThat(used.size()).isGreaterThanOrEqualTo(fusions.size() * 2 / 3);
    }
}
