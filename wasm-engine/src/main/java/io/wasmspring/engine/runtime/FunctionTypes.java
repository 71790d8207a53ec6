package io.wasmspring.engine.runtime;

import io.wasmspring.engine.FunctionType;
import java.util.concurrent.ConcurrentHashMap;

/** Interns function types so that the interpreter compares them by identity in {@code call_indirect}. */
public final class FunctionTypes {

    private static final ConcurrentHashMap<FunctionType, FunctionType> CANONICAL = new ConcurrentHashMap<>();

    private FunctionTypes() {
    }

    public static FunctionType canonical(FunctionType type) {
        FunctionType existing = CANONICAL.putIfAbsent(type, type);
        return existing != null ? existing : type;
    }
}
