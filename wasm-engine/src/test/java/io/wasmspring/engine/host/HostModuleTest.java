package io.wasmspring.engine.host;

import static io.wasmspring.engine.host.Forwarders.HELLO;
import static io.wasmspring.engine.host.Forwarders.forwardTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class HostModuleTest {

    private static final ValueType I32 = ValueType.I32;
    private static final ValueType I64 = ValueType.I64;
    private static final ValueType F64 = ValueType.F64;

    private final List<Object> seen = new ArrayList<>();

    private static FunctionType type(List<ValueType> params, List<ValueType> results) {
        return FunctionType.of(params, results);
    }

    private static Object[] call(HostModule module, String name, Object... args) {
        return forwardTo(module, name).function("call").call(args);
    }

    @Test
    void lambdasWithoutResultsBindByTheirFunctionalInterface() {
        HostModule env = HostModule.builder("env")
                .function("run", (Runnable) () -> seen.add("ran"))
                .function("int", (IntConsumer) seen::add)
                .function("long", (LongConsumer) seen::add)
                .function("double", (DoubleConsumer) seen::add)
                .function("string", (Consumer<String>) seen::add)
                .build();
        assertThat(env.function("run").type()).isEqualTo(type(List.of(), List.of()));
        assertThat(env.function("int").type()).isEqualTo(type(List.of(I32), List.of()));
        assertThat(env.function("long").type()).isEqualTo(type(List.of(I64), List.of()));
        assertThat(env.function("double").type()).isEqualTo(type(List.of(F64), List.of()));
        assertThat(env.function("string").type()).isEqualTo(type(List.of(I32, I32), List.of()));
        call(env, "run");
        call(env, "int", -3);
        call(env, "long", 1L << 50);
        call(env, "double", 0.25);
        call(env, "string", HELLO, 5);
        assertThat(seen).containsExactly("ran", -3, 1L << 50, 0.25, "hello");
    }

    @Test
    void lambdasWithResultsBindByTheirFunctionalInterface() {
        HostModule env = HostModule.builder("env")
                .function("intSupplier", (IntSupplier) () -> -1)
                .function("longSupplier", (LongSupplier) () -> Long.MIN_VALUE)
                .function("doubleSupplier", (DoubleSupplier) () -> Math.PI)
                .function("negate", (IntUnaryOperator) x -> -x)
                .function("sub", (IntBinaryOperator) (a, b) -> a - b)
                .function("longNegate", (LongUnaryOperator) x -> -x)
                .function("longSub", (LongBinaryOperator) (a, b) -> a - b)
                .function("sqrt", (DoubleUnaryOperator) Math::sqrt)
                .function("pow", (DoubleBinaryOperator) Math::pow)
                .build();
        assertThat(env.function("sub").type()).isEqualTo(type(List.of(I32, I32), List.of(I32)));
        assertThat(env.function("longSub").type()).isEqualTo(type(List.of(I64, I64), List.of(I64)));
        assertThat(env.function("pow").type()).isEqualTo(type(List.of(F64, F64), List.of(F64)));
        assertThat(call(env, "intSupplier")).containsExactly(-1);
        assertThat(call(env, "longSupplier")).containsExactly(Long.MIN_VALUE);
        assertThat(call(env, "doubleSupplier")).containsExactly(Math.PI);
        assertThat(call(env, "negate", 5)).containsExactly(-5);
        assertThat(call(env, "sub", 20, 62)).containsExactly(-42);
        assertThat(call(env, "longNegate", 5L)).containsExactly(-5L);
        assertThat(call(env, "longSub", 50L, 8L)).containsExactly(42L);
        assertThat(call(env, "sqrt", 2.25)).containsExactly(1.5);
        assertThat(call(env, "pow", 2.0, 10.0)).containsExactly(1024.0);
    }

    @Test
    void aThrowingLambdaFailsTheCallKeepingTheCause() {
        IllegalStateException boom = new IllegalStateException("boom");
        HostModule env = HostModule.builder("env")
                .function("fail", (IntConsumer) v -> {
                    throw boom;
                })
                .build();
        var instance = forwardTo(env, "fail");
        assertThatThrownBy(() -> instance.function("call").call(1))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("host function env.fail failed")
                .cause().isSameAs(boom);
    }

    @Test
    void aRawFunctionKeepsItsTypeAndHandler() {
        FunctionType type = type(List.of(I32), List.of(I32));
        HostModule env = HostModule.builder("env").function("twice", type, (caller, args) -> new long[] {args[0] * 2}).build();
        assertThat(env.function("twice").type()).isEqualTo(type);
        assertThat(call(env, "twice", 21)).containsExactly(42);
    }

    @Test
    void aNameMayBeAddedOnce() {
        HostModule.Builder builder = HostModule.builder("env").function("f", (Runnable) () -> { });
        assertThatThrownBy(() -> builder.function("f", (IntConsumer) v -> { }))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("already has a function named \"f\"");
    }

    @Test
    void missingPiecesAreRejected() {
        assertThatThrownBy(() -> HostModule.builder(null)).isInstanceOf(WasmException.class);
        assertThatThrownBy(() -> HostModule.builder("env").function("f", (IntConsumer) null))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("env.f");
        assertThatThrownBy(() -> HostModule.builder("env").function(null, (Runnable) () -> { }))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> Imports.builder().module(null))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("no host module");
    }

    @Test
    void importsHoldEveryFunctionUnderTheModulesName() {
        HostModule wasi = HostModule.builder("custom")
                .function("a", (Runnable) () -> { })
                .function("b", (IntSupplier) () -> 1)
                .build();
        Imports imports = wasi.toImports();
        assertThat(imports.resolve("custom", "a")).isInstanceOf(HostFunctionInstance.class);
        assertThat(((HostFunctionInstance) imports.resolve("custom", "b")).displayName()).isEqualTo("custom.b");
        assertThat(imports.resolve("env", "a")).isNull();
        assertThat(wasi.functions()).extracting(HostFunctionDefinition::name).containsExactly("a", "b");
        assertThat(wasi.toString()).contains("custom", "a (func)", "b (func (result i32))");
    }

    /** Host functions of two modules as annotated methods. */
    static class Host {
        final List<String> log = new ArrayList<>();

        @WasmImport
        void print(String text) {
            log.add(text);
        }

        @WasmImport(name = "answer")
        int theAnswer() {
            return 42;
        }

        @WasmImport(module = "math")
        double half(double x) {
            return x / 2;
        }

        void notAnImport(Object anything) {
        }
    }

    /** Static host functions. */
    static class StaticHost {
        @WasmImport
        static long widen(int x) {
            return x;
        }
    }

    static class MixedHost {
        @WasmImport
        int instanceMethod() {
            return 1;
        }
    }

    static class BadHost {
        @WasmImport
        void takesObject(Object o) {
        }
    }

    @Test
    void annotatedMethodsMakeOneModulePerModuleName() {
        Host host = new Host();
        List<HostModule> modules = HostModule.fromAnnotated(host);
        assertThat(modules).extracting(HostModule::name).containsExactlyInAnyOrder("env", "math");
        HostModule env = modules.stream().filter(m -> m.name().equals("env")).findFirst().orElseThrow();
        HostModule math = modules.stream().filter(m -> m.name().equals("math")).findFirst().orElseThrow();
        assertThat(env.functions()).extracting(HostFunctionDefinition::name).containsExactlyInAnyOrder("print", "answer");
        assertThat(math.functions()).extracting(HostFunctionDefinition::name).containsExactly("half");
        assertThat(call(env, "answer")).containsExactly(42);
        assertThat(call(math, "half", 3.0)).containsExactly(1.5);
        call(env, "print", HELLO, 4);
        assertThat(host.log).containsExactly("hell");
    }

    @Test
    void theBuilderTakesTheAnnotatedMethodsOfItsOwnModule() {
        HostModule env = HostModule.builder("env").functions(new Host()).build();
        assertThat(env.functions()).extracting(HostFunctionDefinition::name).containsExactlyInAnyOrder("print", "answer");
        assertThatThrownBy(() -> HostModule.builder("other").functions(new Host()))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("no method annotated @WasmImport for module \"other\"");
    }

    @Test
    void aClassGivesItsStaticMethods() {
        List<HostModule> modules = HostModule.fromAnnotated(StaticHost.class);
        assertThat(modules).hasSize(1);
        assertThat(call(modules.get(0), "widen", -1)).containsExactly(-1L);
        assertThatThrownBy(() -> HostModule.fromAnnotated(MixedHost.class))
                .isInstanceOf(HostSignatureException.class)
                .hasMessageContaining("instanceMethod")
                .hasMessageContaining("not static");
    }

    @Test
    void anObjectWithoutAnnotatedMethodsIsRejected() {
        assertThatThrownBy(() -> HostModule.fromAnnotated(new Object()))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("no method annotated @WasmImport");
        assertThatThrownBy(() -> HostModule.fromAnnotated(null)).isInstanceOf(WasmException.class);
    }

    @Test
    void anAnnotatedMethodThatCannotMapIsRejectedNamingIt() {
        assertThatThrownBy(() -> HostModule.fromAnnotated(new BadHost()))
                .isInstanceOf(HostSignatureException.class)
                .hasMessageContaining("env.takesObject")
                .hasMessageContaining("BadHost.takesObject(Object)")
                .hasMessageContaining("parameter 0")
                .hasMessageContaining("java.lang.Object");
    }
}
