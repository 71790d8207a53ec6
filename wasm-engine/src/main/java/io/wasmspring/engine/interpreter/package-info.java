/**
 * Execution: lowering of validated function bodies ({@link io.wasmspring.engine.interpreter.Compiler})
 * and the interpreter that runs them ({@link io.wasmspring.engine.interpreter.Interpreter}).
 *
 * <h2>Lowered code</h2>
 * Each body is lowered once per module into an {@code int[]} of the interpreter's own dense opcodes
 * ({@code Op}) with immediates inline. Lowering tracks the operand-stack height in slots (v128
 * takes two), so every branch carries its resolved target index and, when values must move, how
 * many result slots go to which frame-relative height; branches that move nothing are plain jumps.
 * Unreachable code is not lowered. A few instruction pairs that compilers emit often are fused
 * into superinstructions, never across a branch target.
 *
 * <h2>Execution</h2>
 * One {@code long[]} value stack per thread holds every frame's locals and operands; a call copies
 * nothing (the caller's top operands become the callee's parameters) and pushes a frame record on
 * an {@code int[]}/array frame stack instead of recursing, so the call depth is bounded by
 * the instance's {@link io.wasmspring.engine.ExecutionLimits#maxCallDepth()}, not by the JVM stack. The
 * dispatch method must stay under HotSpot's 8000-byte HugeMethodLimit (a test checks); the
 * semantics of anything longer than a line live in helpers by family: {@code NumericOps},
 * {@code ConversionOps}, {@code MemoryOps}, {@code TableOps}, {@code ControlOps}.
 *
 * <h2>What keeps the loop fast</h2>
 * HotSpot compiles the dispatch loop as one method, and its speed is decided by register
 * allocation. The values every instruction uses (pc, sp, frame pointer, stack, code, memory,
 * countdown) are locals that are never live across a call: whatever calls out (limit checks,
 * {@code RareOps}, host functions, calls the fast path does not take) leaves the switch for one
 * slow path ({@code SlowPaths}) that stores them in the {@code ExecutionContext} and reloads
 * them after. Hot cases call nothing the JIT might leave as a call: intrinsics and plain
 * operators only, and memory accesses that leave the bounds check to the array or view (the
 * effective address is made negative past 2 GiB). The plain 4- and 8-byte accesses share one
 * VarHandle access each, because every access site spends the JIT's inlining budget.
 */
package io.wasmspring.engine.interpreter;
