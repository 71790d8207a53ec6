package io.wasmspring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An imported host function as the start function runs as a call from wasm would. */
class StartFunctionTest {

    private static final FunctionType NOTHING = FunctionType.of(List.of(), List.of());
    private static final Module MODULE = Module.parseText("""
            (module (import "env" "init" (func $init)) (start $init))
            """);

    private static Imports imports(HostFunction init) {
        return Imports.builder().function("env", "init", NOTHING, init).build();
    }

    @Test
    void runsWithTheNewInstanceAsCaller() {
        List<Instance> callers = new ArrayList<>();
        Instance instance = MODULE.instantiate(imports((caller, args) -> {
            callers.add(caller);
            return null;
        }));
        assertThat(callers).containsExactly(instance);
    }

    @Test
    void aFailingHostStartFunctionBecomesATrapNamingIt() {
        assertThatThrownBy(() -> MODULE.instantiate(imports((caller, args) -> {
            throw new NullPointerException("boom");
        })))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("env.init")
                .hasMessageContaining("boom")
                .hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void aHostStartFunctionReturningResultsItsTypeLacksTraps() {
        assertThatThrownBy(() -> MODULE.instantiate(imports((caller, args) -> new long[] {1})))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("returned 1 values");
    }
}
