package io.wasmspring.engine.fuzz;

import static io.wasmspring.engine.fuzz.EngineInvariant.INSTANTIATION;
import static io.wasmspring.engine.fuzz.EngineInvariant.LOADING;
import static io.wasmspring.engine.fuzz.EngineInvariant.attempt;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.LinkException;
import io.wasmspring.engine.Module;
import java.util.List;

/**
 * The common start of the instantiation and execution targets: a valid seed module picked and
 * edited by the input, decoded, with stub imports made for it. Every step is held to the
 * invariant; a step that fails as documented ends the input early ({@code null}).
 */
record LinkedModule(Module module, StubImports stubs) {

    /** A module from a valid seed with up to {@code maxEdits} edits and its stubs, or {@code null}. */
    static LinkedModule from(FuzzedDataProvider data, int maxEdits) {
        List<byte[]> seeds = SeedModules.get().validBinaries();
        byte[] binary = ByteMutations.mutate(seeds.get(data.consumeInt(0, seeds.size() - 1)), data, maxEdits);
        Module module = HangGuard.run("decoding", () -> attempt("decoding", LOADING, () -> Module.decode(binary)));
        if (module == null) {
            return null;
        }
        StubImports stubs = attempt("making stub imports", List.of(LinkException.class),
                () -> StubImports.forModule(module, data, FuzzLimits.MAX_MEMORY_PAGES));
        return stubs == null ? null : new LinkedModule(module, stubs);
    }

    /** A new instance under {@link FuzzLimits#LIMITS}, memory cap checked, or {@code null} when it failed as documented. */
    Instance instantiate() {
        Instance instance = HangGuard.run("instantiation",
                () -> attempt("instantiation", INSTANTIATION, () -> module.instantiate(stubs.imports(), FuzzLimits.LIMITS)));
        if (instance != null) {
            FuzzLimits.checkMemoryCap(instance, stubs.memories());
        }
        return instance;
    }
}
