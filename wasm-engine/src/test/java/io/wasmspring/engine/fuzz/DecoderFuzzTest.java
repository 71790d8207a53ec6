package io.wasmspring.engine.fuzz;

import static io.wasmspring.engine.fuzz.EngineInvariant.LOADING;
import static io.wasmspring.engine.fuzz.EngineInvariant.attempt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmspring.engine.Module;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: the binary decoder and the validator ({@link Module#decode}, which lowers a valid
 * module for the interpreter too). The input either is a module as it stands (one time in
 * eight), or picks a seed module and the edits to make to it ({@link ByteMutations}). Only a
 * MalformedModuleException or an InvalidModuleException may come out, within seconds.
 *
 * <p>In {@code mvn verify} this runs the committed inputs of {@code DecoderFuzzTestInputs/};
 * {@code fuzz.sh decode} fuzzes it.
 */
class DecoderFuzzTest {

    /** Seeds load once, before the first input, so that no input is charged for it. */
    @BeforeAll
    static void loadSeeds() {
        SeedModules.get();
    }

    @FuzzTest(maxDuration = "5m")
    void decode(FuzzedDataProvider data) {
        byte[] binary;
        if (data.consumeInt(0, 7) == 0) {
            binary = data.consumeRemainingAsBytes();
        } else {
            List<byte[]> seeds = SeedModules.get().binaries();
            binary = ByteMutations.mutate(seeds.get(data.consumeInt(0, seeds.size() - 1)), data, 8);
        }
        HangGuard.run("decoding", () -> attempt("decoding", LOADING, () -> Module.decode(binary)));
    }
}
