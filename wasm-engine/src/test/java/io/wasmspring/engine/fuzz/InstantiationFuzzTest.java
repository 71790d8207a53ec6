package io.wasmspring.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: instantiation of valid modules (linking, allocation, active segments, the start
 * function). A valid seed module with a few edits (that keep it valid often enough) gets its
 * imports from {@link StubImports} and is instantiated under {@link FuzzLimits#LIMITS}, twice,
 * as a shared Module is ({@link LinkedModule}). Only a LinkException or a Trap may come out,
 * within the time limit, and no memory may be above the cap.
 *
 * <p>In {@code mvn verify} this runs the committed inputs of {@code InstantiationFuzzTestInputs/};
 * {@code fuzz.sh instantiate} fuzzes it.
 */
class InstantiationFuzzTest {

    /** Seeds load once, before the first input, so that no input is charged for it. */
    @BeforeAll
    static void loadSeeds() {
        SeedModules.get();
    }

    @FuzzTest(maxDuration = "5m")
    void instantiate(FuzzedDataProvider data) {
        LinkedModule linked = LinkedModule.from(data, 4);
        if (linked != null && linked.instantiate() != null) {
            linked.instantiate(); // the same module and imports again: nothing of the first may leak
        }
    }
}
