package io.wasmspring.engine.interpreter;

/**
 * A function body lowered for the interpreter, shared by all instances of its module.
 * (Its fields are the interpreter's business; instantiation only passes it along.)
 */
public final class CompiledFunction {
}
