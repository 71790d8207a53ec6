package io.wasmspring.engine.wast;

import java.util.List;

/**
 * What running one script gave: the outcome of every command, in script order.
 *
 * @param commands one result per command
 */
public record ScriptResult(List<CommandResult> commands) {

    public ScriptResult {
        commands = List.copyOf(commands);
    }

    /** Number of commands run. */
    public int total() {
        return commands.size();
    }

    /** Number of commands that did what the script expects. */
    public int passed() {
        return total() - failed();
    }

    /** Number of commands that did not. */
    public int failed() {
        return (int) commands.stream().filter(c -> !c.passed()).count();
    }

    /** True when no command failed. */
    public boolean allPassed() {
        return failed() == 0;
    }

    /** The failed commands, in script order. */
    public List<CommandResult> failures() {
        return commands.stream().filter(c -> !c.passed()).toList();
    }
}
