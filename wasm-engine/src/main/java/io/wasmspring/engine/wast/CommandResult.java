package io.wasmspring.engine.wast;

/**
 * The outcome of one script command.
 *
 * @param line   1-based line of the command in the script
 * @param kind   the command's keyword, e.g. {@code assert_return}
 * @param passed whether the command did what the script expects
 * @param reason for a failure, one line saying what went wrong; empty when passed
 */
public record CommandResult(int line, String kind, boolean passed, String reason) {

    static CommandResult pass(int line, String kind) {
        return new CommandResult(line, kind, true, "");
    }

    static CommandResult fail(int line, String kind, String reason) {
        return new CommandResult(line, kind, false, reason);
    }

    /** {@code line 123: assert_return expected i32:42 got i32:41}. */
    @Override
    public String toString() {
        return "line " + line + ": " + kind + (passed ? " passed" : " " + reason);
    }
}
