package io.wasmspring.engine;

/** The type of something a module imports or exports: a function, table, memory or global. */
public sealed interface ExternType permits FunctionType, TableType, MemoryType, GlobalType {

    /** Which of the four kinds this is. */
    ExternalKind kind();
}
