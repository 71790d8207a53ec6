package io.wasmspring.engine;

import static io.wasmspring.engine.HandBuiltModules.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.runtime.FunctionInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls through {@link ExportedFunction}, on host functions that a hand-built module imports and
 * re-exports (so no interpreter is involved): argument checks and value conversions.
 */
class ExportedFunctionTest {

    private static ExportedFunction reexport(FunctionType type, HostFunction fn) {
        Instance instance = module()
                .importFunction("env", "f", type)
                .export("f", ExternalKind.FUNCTION, 0)
                .build()
                .instantiate(Imports.builder().function("env", "f", type, fn).build());
        return instance.function("f");
    }

    private static FunctionType type(List<ValueType> params, List<ValueType> results) {
        return FunctionType.of(params, results);
    }

    @Test
    void addOfTwentyAndTwentyTwoIsFortyTwo() {
        ExportedFunction add = reexport(HandBuiltModules.I32_I32_TO_I32,
                (caller, args) -> new long[] {Integer.toUnsignedLong((int) args[0] + (int) args[1])});
        assertThat(add.call(20, 22)).containsExactly(42);
        assertThat(add.callRaw(20, 22)).containsExactly(42L);
        assertThat(add.call(-5, 2)).containsExactly(-3);
    }

    @Test
    void numbersConvertBothWaysWithoutLoss() {
        List<ValueType> all = List.of(ValueType.I32, ValueType.I64, ValueType.F32, ValueType.F64);
        ExportedFunction echo = reexport(type(all, all), (caller, args) -> args.clone());
        Object[] results = echo.call(-1, Long.MIN_VALUE, 1.5f, Math.PI);
        assertThat(results).containsExactly(-1, Long.MIN_VALUE, 1.5f, Math.PI);
        assertThat(echo.call((short) 7, 8, (byte) 2, 3.25f)).containsExactly(7, 8L, 2.0f, 3.25);
        assertThat(echo.call(true, 'A', 1f, 10)).containsExactly(1, 65L, 1.0f, 10.0);
    }

    @Test
    void rawCallKeepsNanBits() {
        ExportedFunction echo = reexport(type(List.of(ValueType.F32), List.of(ValueType.F32)), (c, args) -> args.clone());
        float nan = Float.intBitsToFloat(0x7FA00001);
        Object[] result = echo.call(nan);
        assertThat(Float.floatToRawIntBits((Float) result[0])).isEqualTo(0x7FA00001);
    }

    @Test
    void externrefPassesAnyObjectThroughTheStore() {
        ExportedFunction echo = reexport(type(List.of(ValueType.EXTERNREF), List.of(ValueType.EXTERNREF)),
                (c, args) -> args.clone());
        Object token = new Object();
        assertThat(echo.call(token)[0]).isSameAs(token);
        assertThat(echo.call((Object) null)[0]).isNull();
        assertThat(echo.callRaw(0)).containsExactly(0L);
    }

    @Test
    void funcrefAcceptsExportedFunctionsAndGivesBackFunctionInstances() {
        ExportedFunction echo = reexport(type(List.of(ValueType.FUNCREF), List.of(ValueType.FUNCREF)),
                (c, args) -> args.clone());
        Object result = echo.call(echo)[0];
        assertThat(result).isInstanceOf(FunctionInstance.class);
        assertThat(echo.call(result)[0]).isSameAs(result);
        assertThatThrownBy(() -> echo.call("not a function"))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("argument 0 must be a wasm funcref");
    }

    @Test
    void hostSeesTheExportingInstanceAsCaller() {
        List<Instance> callers = new ArrayList<>();
        ExportedFunction f = reexport(type(List.of(), List.of()), (caller, args) -> {
            callers.add(caller);
            return null;
        });
        assertThat(f.call()).isEmpty();
        assertThat(callers).containsExactly(f.instance());
    }

    @Test
    void wrongArgumentCountNamesTheFunctionAndSignature() {
        ExportedFunction add = reexport(HandBuiltModules.I32_I32_TO_I32, (c, args) -> new long[] {0});
        assertThatThrownBy(() -> add.call(1))
                .isInstanceOf(WasmException.class)
                .hasMessage("function \"f\" (func (param i32 i32) (result i32)) takes 2 argument(s), but was called with 1");
        assertThatThrownBy(() -> add.callRaw(1, 2, 3))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("takes 2 argument slot(s), but was called with 3");
    }

    @Test
    void wrongJavaTypeNamesTheParameterAndWasmType() {
        ExportedFunction add = reexport(HandBuiltModules.I32_I32_TO_I32, (c, args) -> new long[] {0});
        assertThatThrownBy(() -> add.call(1, 2L))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("argument 1 must be a wasm i32")
                .hasMessageContaining("was Long 2");
        assertThatThrownBy(() -> add.call(null, 2))
                .hasMessageContaining("argument 0 must be a wasm i32")
                .hasMessageContaining("was null");
        ExportedFunction f32 = reexport(type(List.of(ValueType.F32), List.of()), (c, args) -> null);
        assertThatThrownBy(() -> f32.call(1.0)).hasMessageContaining("argument 0 must be a wasm f32");
    }

    @Test
    void hostReturningTheWrongNumberOfResultsIsReported() {
        ExportedFunction f = reexport(HandBuiltModules.I32_I32_TO_I32, (c, args) -> null);
        assertThatThrownBy(() -> f.call(1, 2))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("env.f")
                .hasMessageContaining("returned 0 values");
    }

    @Test
    void aFailingReExportedHostFunctionTrapsNamingIt() {
        ExportedFunction f = reexport(HandBuiltModules.I32_I32_TO_I32, (c, args) -> {
            throw new NullPointerException("no value");
        });
        assertThatThrownBy(() -> f.call(1, 2))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("env.f")
                .hasMessageContaining("no value")
                .hasCauseInstanceOf(NullPointerException.class);
    }
}
