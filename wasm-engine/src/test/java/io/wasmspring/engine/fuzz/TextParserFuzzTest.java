package io.wasmspring.engine.fuzz;

import static io.wasmspring.engine.fuzz.EngineInvariant.LOADING;
import static io.wasmspring.engine.fuzz.EngineInvariant.attempt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmspring.engine.Module;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: the text-format parser ({@link Module#parseText}, which then decodes and
 * validates what it encoded). The input either is a module text as it stands (one time in
 * eight), or picks a seed text and the edits to make to it ({@link TextMutations}). Only a
 * MalformedModuleException or an InvalidModuleException may come out, within seconds.
 *
 * <p>In {@code mvn verify} this runs the committed inputs of {@code TextParserFuzzTestInputs/};
 * {@code fuzz.sh text} fuzzes it.
 */
class TextParserFuzzTest {

    /** Seeds load once, before the first input, so that no input is charged for it. */
    @BeforeAll
    static void loadSeeds() {
        SeedModules.get();
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"(module", "(func", "(param i32)", "(result i64)", "(memory 1)", "(table 1 funcref)",
            "(global (mut i32)", "(export \"", "(import \"", "(elem", "(data", "i32.const", "v128.const", "nan:0x",
            "offset=", "align=", "br_table", "(;", ";)", "\\u{"})
    void parseText(FuzzedDataProvider data) {
        String text;
        if (data.consumeInt(0, 7) == 0) {
            text = data.consumeRemainingAsString();
        } else {
            List<String> seeds = SeedModules.get().texts();
            text = TextMutations.mutate(seeds.get(data.consumeInt(0, seeds.size() - 1)), data, 8);
        }
        HangGuard.run("parsing the text", () -> attempt("parsing the text", LOADING, () -> Module.parseText(text)));
    }
}
