package io.wasmspring.engine.fuzz;

import static io.wasmspring.engine.fuzz.EngineInvariant.check;

import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import java.time.Duration;
import java.util.List;

/**
 * The small limits fuzzed instances run under, and the check that the memory cap held (the time
 * limit is checked by {@link HangGuard}).
 */
final class FuzzLimits {

    /** 1 MiB of memory at most. */
    static final int MAX_MEMORY_PAGES = 16;

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

    static final ExecutionLimits LIMITS = ExecutionLimits.builder()
            .fuel(50_000)
            .maxMemoryPages(MAX_MEMORY_PAGES)
            .callTimeout(CALL_TIMEOUT)
            .maxCallDepth(500)
            .build();

    private FuzzLimits() {
    }

    /** Fails when the instance's memory, an exported memory or an imported stub memory is above the cap. */
    static void checkMemoryCap(Instance instance, List<Memory> importedMemories) {
        checkCap(instance.memory(), "memory 0");
        for (ExportType export : instance.exports()) {
            if (export.type() instanceof MemoryType) {
                checkCap(instance.memory(export.name()), "exported memory \"" + export.name() + "\"");
            }
        }
        for (Memory memory : importedMemories) {
            checkCap(memory, "imported memory");
        }
    }

    private static void checkCap(Memory memory, String which) {
        if (memory != null) {
            check(memory.pages() <= MAX_MEMORY_PAGES,
                    () -> which + " has " + memory.pages() + " pages, above the cap of " + MAX_MEMORY_PAGES);
        }
    }
}
