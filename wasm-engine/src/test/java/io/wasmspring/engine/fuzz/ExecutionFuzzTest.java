package io.wasmspring.engine.fuzz;

import static io.wasmspring.engine.fuzz.EngineInvariant.CALL;
import static io.wasmspring.engine.fuzz.EngineInvariant.attempt;
import static io.wasmspring.engine.fuzz.EngineInvariant.check;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Instance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: execution. A valid seed module (with at most a couple of edits) is instantiated
 * with {@link StubImports} under {@link FuzzLimits#LIMITS} (small fuel, memory cap, timeout and
 * call depth; see {@link LinkedModule}), then every exported function is called in order with arguments from the input.
 * Each call must return as many results as its type says or trap (a Trap, limit exceptions
 * included), within the time limit, and leave every memory within the cap.
 *
 * <p>In {@code mvn verify} this runs the committed inputs of {@code ExecutionFuzzTestInputs/};
 * {@code fuzz.sh execute} fuzzes it.
 */
class ExecutionFuzzTest {

    /** Seeds load once, before the first input, so that no input is charged for it. */
    @BeforeAll
    static void loadSeeds() {
        SeedModules.get();
    }

    @FuzzTest(maxDuration = "5m")
    void callExports(FuzzedDataProvider data) {
        LinkedModule linked = LinkedModule.from(data, 2);
        Instance instance = linked == null ? null : linked.instantiate();
        if (instance == null) {
            return;
        }
        List<ExportedFunction> functions = exportedFunctions(instance);
        for (ExportedFunction function : functions) {
            Object[] args = FuzzedArguments.of(function.type(), data, functions);
            String what = "call of " + function;
            Object[] results = HangGuard.run(what, () -> attempt(what, CALL, () -> function.call(args)));
            int expected = function.type().results().size();
            check(results == null || results.length == expected,
                    () -> what + " returned " + results.length + " results instead of " + expected);
            FuzzLimits.checkMemoryCap(instance, linked.stubs().memories());
        }
    }

    private static List<ExportedFunction> exportedFunctions(Instance instance) {
        List<ExportedFunction> functions = new ArrayList<>();
        for (ExportType export : instance.exports()) {
            if (export.type() instanceof FunctionType) {
                functions.add(instance.function(export.name()));
            }
        }
        return functions;
    }
}
