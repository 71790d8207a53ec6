package io.wasmspring.engine.wast;

import java.util.List;

/** An {@code invoke} or {@code get} on a module instance. */
public sealed interface Action {

    /** The module's {@code $id}, or {@code null} for the most recently instantiated module. */
    String moduleName();

    record Invoke(String moduleName, String function, List<Value> args) implements Action {
    }

    record Get(String moduleName, String global) implements Action {
    }
}
