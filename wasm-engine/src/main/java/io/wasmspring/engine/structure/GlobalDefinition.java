package io.wasmspring.engine.structure;

import io.wasmspring.engine.GlobalType;

/** A global defined by the module (not imported): its type and initializer. */
public record GlobalDefinition(GlobalType type, ConstantExpression init) {
}
