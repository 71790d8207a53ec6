package io.wasmspring.engine.wast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecFileVerdictTest {

    private static final ScriptResult PASSING = new ScriptResult(List.of(CommandResult.pass(1, "module"),
            CommandResult.pass(2, "assert_return")));
    private static final ScriptResult FAILING = new ScriptResult(List.of(CommandResult.pass(1, "module"),
            CommandResult.fail(2, "assert_return", "expected i32:1 got i32:2")));

    @Test
    void passingFileIsFine() {
        assertThat(SpecFileVerdict.problem("core-2.0/a.wast", PASSING, null)).isNull();
    }

    @Test
    void failingFileListsItsFailingLines() {
        assertThat(SpecFileVerdict.problem("core-2.0/a.wast", FAILING, null))
                .isEqualTo("core-2.0/a.wast: 1 of 2 commands failed\n  line 2: assert_return expected i32:1 got i32:2");
    }

    @Test
    void onlyTheFirstTwentyFailuresAreShown() {
        List<CommandResult> results = new ArrayList<>();
        for (int line = 1; line <= 25; line++) {
            results.add(CommandResult.fail(line, "assert_return", "wrong"));
        }
        String problem = SpecFileVerdict.problem("core-2.0/a.wast", new ScriptResult(results), null);
        assertThat(problem).contains("line 20:").doesNotContain("line 21:").endsWith("... and 5 more");
    }

    @Test
    void knownFailureThatStillFailsIsFine() {
        assertThat(SpecFileVerdict.problem("core-2.0/simd_a.wast", FAILING, "SIMD")).isNull();
    }

    @Test
    void knownFailureThatPassesMustBeRemovedFromTheList() {
        assertThat(SpecFileVerdict.problem("core-2.0/simd_a.wast", PASSING, "SIMD"))
                .startsWith("core-2.0/simd_a.wast passes all 2 commands now: remove it from known-failures.txt");
    }

    @Test
    void fileWithoutCommandsIsSuspicious() {
        assertThat(SpecFileVerdict.problem("core-2.0/a.wast", new ScriptResult(List.of()), null)).contains("no commands");
    }
}
