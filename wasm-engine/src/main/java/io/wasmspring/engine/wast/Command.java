package io.wasmspring.engine.wast;

import java.util.List;

/** One top-level command of a {@code .wast} script. {@code line} is 1-based, for reports. */
public sealed interface Command {

    int line();

    /** {@code (module ...)}: instantiate and make it the current module. */
    record Module(int line, ModuleDefinition module) implements Command {
    }

    /** {@code (register "name" $id?)}: make a module's exports importable under {@code as}. */
    record Register(int line, String as, String moduleName) implements Command {
    }

    /** A bare {@code (invoke ...)} or {@code (get ...)}: run it; it must not trap. */
    record Perform(int line, Action action) implements Command {
    }

    record AssertReturn(int line, Action action, List<Expected> expected) implements Command {
    }

    /** {@code (assert_trap (invoke ...) "msg")}. */
    record AssertTrap(int line, Action action, String message) implements Command {
    }

    /** {@code (assert_trap (module ...) "msg")} and {@code assert_uninstantiable}: instantiation traps. */
    record AssertUninstantiable(int line, ModuleDefinition module, String message) implements Command {
    }

    record AssertExhaustion(int line, Action action, String message) implements Command {
    }

    record AssertMalformed(int line, ModuleDefinition module, String message) implements Command {
    }

    record AssertInvalid(int line, ModuleDefinition module, String message) implements Command {
    }

    record AssertUnlinkable(int line, ModuleDefinition module, String message) implements Command {
    }
}
