package io.wasmspring.engine;

/** The type of a linear memory: its limits in 64 KiB pages. */
public record MemoryType(Limits limits) implements ExternType {

    /** Bytes in one page of linear memory. */
    public static final int PAGE_SIZE = 65536;

    @Override
    public ExternalKind kind() {
        return ExternalKind.MEMORY;
    }

    @Override
    public String toString() {
        return "(memory " + limits + ")";
    }
}
