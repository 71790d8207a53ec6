package io.wasmspring.engine.wast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether one spec-suite file's run is acceptable: every command passed, or the file is a known
 * failure and still fails. A known failure that passes is itself a failure, so that
 * {@code known-failures.txt} only ever lists files that really fail.
 */
final class SpecFileVerdict {

    static final int FAILURES_SHOWN = 20;

    private SpecFileVerdict() {
    }

    /**
     * @param file        the file as known-failures.txt names it, e.g. {@code core-2.0/i32.wast}
     * @param knownReason the reason it is listed as a known failure, or {@code null}
     * @return why the run is not acceptable, or {@code null} when it is
     */
    static String problem(String file, ScriptResult result, String knownReason) {
        if (knownReason != null) {
            return result.allPassed()
                    ? file + " passes all " + result.total() + " commands now: remove it from known-failures.txt"
                            + " (it was listed as: " + knownReason + ")"
                    : null;
        }
        if (!result.allPassed()) {
            return file + ": " + result.failed() + " of " + result.total() + " commands failed\n" + firstFailures(result);
        }
        return result.total() == 0 ? file + " has no commands: is it a script at all?" : null;
    }

    private static String firstFailures(ScriptResult result) {
        List<CommandResult> failures = result.failures();
        String shown = failures.stream().limit(FAILURES_SHOWN).map(f -> "  " + f).collect(Collectors.joining("\n"));
        return failures.size() > FAILURES_SHOWN ? shown + "\n  ... and " + (failures.size() - FAILURES_SHOWN) + " more" : shown;
    }
}
