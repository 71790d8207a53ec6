package io.wasmspring.engine.fuzz;

import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.LinkException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.Trap;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one rule every fuzz target checks: a step of the engine either succeeds or fails with an
 * exception the API documents for that step. Anything else (a plain {@code WasmException} for an
 * "internal error", a {@code NullPointerException}, a {@code StackOverflowError}, an
 * {@code OutOfMemoryError}...) is a finding and fails the target with {@link UndocumentedFailure}.
 */
final class EngineInvariant {

    /** What {@code Module.decode} and {@code Module.parseText} may throw. */
    static final List<Class<? extends RuntimeException>> LOADING =
            List.of(MalformedModuleException.class, InvalidModuleException.class);

    /** What {@code Module.instantiate} may throw (a start function that traps or runs past a limit is a Trap). */
    static final List<Class<? extends RuntimeException>> INSTANTIATION = List.of(LinkException.class, Trap.class);

    /** What a call of an export may throw: a Trap, {@code ExecutionLimitException}s included. */
    static final List<Class<? extends RuntimeException>> CALL = List.of(Trap.class);

    private EngineInvariant() {
    }

    /**
     * Runs {@code step}: its result, or {@code null} when it failed with one of {@code documented}.
     *
     * @throws UndocumentedFailure when it failed with anything else
     */
    static <T> T attempt(String what, List<Class<? extends RuntimeException>> documented, Supplier<T> step) {
        try {
            return step.get();
        } catch (Throwable t) {
            for (Class<? extends RuntimeException> allowed : documented) {
                if (allowed.isInstance(t)) {
                    return null;
                }
            }
            throw new UndocumentedFailure(what + " failed with " + t.getClass().getName()
                    + ", which is none of the documented " + names(documented) + ": " + t.getMessage(), t);
        }
    }

    /** Fails unless {@code condition} holds. */
    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new UndocumentedFailure(message.get(), null);
        }
    }

    private static String names(List<Class<? extends RuntimeException>> types) {
        return types.stream().map(Class::getSimpleName).toList().toString();
    }

    /** A broken invariant: the finding a fuzz target reports. */
    static final class UndocumentedFailure extends AssertionError {

        private static final long serialVersionUID = 1L;

        UndocumentedFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
