package io.wasmspring.engine.host;

import static io.wasmspring.engine.host.Forwarders.HELLO;
import static io.wasmspring.engine.host.Forwarders.UNICODE;
import static io.wasmspring.engine.host.Forwarders.UNICODE_TEXT;
import static io.wasmspring.engine.host.Forwarders.forwardTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedHostFunctionTest {

    private static final ValueType I32 = ValueType.I32;
    private static final ValueType I64 = ValueType.I64;
    private static final ValueType F32 = ValueType.F32;
    private static final ValueType F64 = ValueType.F64;

    /** The Java methods bound in these tests. */
    static class Fixture {
        String lastString;
        byte[] lastBytes;
        Instance lastCaller;
        Memory lastMemory;

        int add(int a, int b) {
            return a + b;
        }

        long mulLong(long a, long b) {
            return a * b;
        }

        float twiceFloat(float x) {
            return 2 * x;
        }

        double halfDouble(double x) {
            return x / 2;
        }

        boolean not(boolean b) {
            return !b;
        }

        Integer boxedSquare(Integer x) {
            return x * x;
        }

        Integer boxedNull() {
            return null;
        }

        void log(String message) {
            lastString = message;
        }

        void keep(byte[] data) {
            lastBytes = data;
        }

        int peek(Memory memory, int offset) {
            lastMemory = memory;
            return memory.readUnsignedByte(offset);
        }

        void who(Instance caller) {
            lastCaller = caller;
        }

        int logAndCount(Instance caller, String text, Memory memory, int extra) {
            lastString = text;
            lastCaller = caller;
            lastMemory = memory;
            return text.length() + extra;
        }

        DivMod divMod(int a, int b) {
            return new DivMod(a / b, a % b);
        }

        Mixed mixed(long seed) {
            return new Mixed(seed + 1, 0.5 * seed, true);
        }

        int failIfNegative(int x) {
            if (x < 0) {
                throw new IllegalStateException("negative: " + x);
            }
            return x + 1;
        }

        void checked() throws IOException {
            throw new IOException("disk on fire");
        }

        static int staticTriple(int x) {
            return 3 * x;
        }

        // not mappable
        void takesList(List<String> list) {
        }

        String returnsString() {
            return "no";
        }

        Wrong returnsWrongRecord() {
            return new Wrong("no");
        }
    }

    record DivMod(int quotient, int remainder) {
    }

    record Mixed(long next, double half, boolean flag) {
    }

    record Wrong(String text) {
    }

    private final Fixture fixture = new Fixture();

    private static Method method(String name) {
        return Arrays.stream(Fixture.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private HostFunctionDefinition bind(String name) {
        return HostFunctionDefinition.of(name, fixture, method(name));
    }

    /** An instance whose export {@code call} forwards to the fixture's method {@code name}, imported as env.name. */
    private Instance instance(String name) {
        HostModule env = HostModule.builder("env").function(name, fixture, method(name)).build();
        return forwardTo(env, name);
    }

    private Object call(String name, Object... args) {
        Object[] results = instance(name).function("call").call(args);
        return results.length == 0 ? null : results[0];
    }

    @Test
    void typesComeFromTheJavaSignature() {
        assertThat(bind("add").type()).isEqualTo(FunctionType.of(List.of(I32, I32), List.of(I32)));
        assertThat(bind("mulLong").type()).isEqualTo(FunctionType.of(List.of(I64, I64), List.of(I64)));
        assertThat(bind("twiceFloat").type()).isEqualTo(FunctionType.of(List.of(F32), List.of(F32)));
        assertThat(bind("halfDouble").type()).isEqualTo(FunctionType.of(List.of(F64), List.of(F64)));
        assertThat(bind("not").type()).isEqualTo(FunctionType.of(List.of(I32), List.of(I32)));
        assertThat(bind("boxedSquare").type()).isEqualTo(FunctionType.of(List.of(I32), List.of(I32)));
        assertThat(bind("log").type()).isEqualTo(FunctionType.of(List.of(I32, I32), List.of()));
        assertThat(bind("keep").type()).isEqualTo(FunctionType.of(List.of(I32, I32), List.of()));
        assertThat(bind("peek").type()).isEqualTo(FunctionType.of(List.of(I32), List.of(I32)));
        assertThat(bind("who").type()).isEqualTo(FunctionType.of(List.of(), List.of()));
        assertThat(bind("logAndCount").type()).isEqualTo(FunctionType.of(List.of(I32, I32, I32), List.of(I32)));
        assertThat(bind("divMod").type()).isEqualTo(FunctionType.of(List.of(I32, I32), List.of(I32, I32)));
        assertThat(bind("mixed").type()).isEqualTo(FunctionType.of(List.of(I64), List.of(I64, F64, I32)));
    }

    @Test
    void numbersGoBothWays() {
        assertThat(call("add", 20, 22)).isEqualTo(42);
        assertThat(call("add", Integer.MAX_VALUE, 1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(call("mulLong", 1L << 40, 3L)).isEqualTo(3L << 40);
        assertThat(call("twiceFloat", 1.25f)).isEqualTo(2.5f);
        assertThat(call("halfDouble", 5.0)).isEqualTo(2.5);
        assertThat(call("boxedSquare", -7)).isEqualTo(49);
    }

    @Test
    void booleansAreI32sWhereAnyNonZeroIsTrue() {
        assertThat(call("not", 0)).isEqualTo(1);
        assertThat(call("not", 7)).isEqualTo(0);
        assertThat(call("not", -1)).isEqualTo(0);
    }

    @Test
    void aStringParameterIsReadFromTheCallersMemoryAsUtf8() {
        call("log", HELLO, 5);
        assertThat(fixture.lastString).isEqualTo("hello");
        int unicodeLength = UNICODE_TEXT.getBytes(StandardCharsets.UTF_8).length;
        call("log", UNICODE, unicodeLength);
        assertThat(fixture.lastString).isEqualTo(UNICODE_TEXT);
        call("log", HELLO, 0);
        assertThat(fixture.lastString).isEmpty();
    }

    @Test
    void aByteArrayParameterIsACopyOfTheCallersMemory() {
        Instance instance = instance("keep");
        instance.function("call").call(HELLO, 3);
        assertThat(fixture.lastBytes).containsExactly('h', 'e', 'l');
        instance.memory().writeByte(HELLO, (byte) 'j');
        assertThat(fixture.lastBytes[0]).isEqualTo((byte) 'h');
    }

    @Test
    void memoryAndInstanceParametersAreTheCallersAndTakeNoWasmParam() {
        Instance instance = instance("peek");
        assertThat(instance.function("call").call(HELLO + 1)).containsExactly((int) 'e');
        assertThat(fixture.lastMemory).isSameAs(instance.memory());

        Instance other = instance("who");
        other.function("call").call();
        assertThat(fixture.lastCaller).isSameAs(other);
    }

    @Test
    void injectedParametersMixWithWasmParametersInAnyOrder() {
        Instance instance = instance("logAndCount");
        assertThat(instance.function("call").call(HELLO, 5, 100)).containsExactly(105);
        assertThat(fixture.lastString).isEqualTo("hello");
        assertThat(fixture.lastCaller).isSameAs(instance);
        assertThat(fixture.lastMemory).isSameAs(instance.memory());
    }

    @Test
    void aRecordResultIsOneWasmResultPerComponent() {
        assertThat(instance("divMod").function("call").call(17, 5)).containsExactly(3, 2);
        assertThat(instance("mixed").function("call").call(41L)).containsExactly(42L, 20.5, 1);
    }

    @Test
    void methodHandlesAndStaticMethodsBindToo() throws Exception {
        var handle = MethodHandles.lookup().findStatic(Fixture.class, "staticTriple", MethodType.methodType(int.class, int.class));
        HostModule env = HostModule.builder("env").function("triple", handle).build();
        assertThat(forwardTo(env, "triple").function("call").call(14)).containsExactly(42);

        HostModule statics = HostModule.builder("env").function("triple", null, method("staticTriple")).build();
        assertThat(forwardTo(statics, "triple").function("call").call(5)).containsExactly(15);
    }

    @Test
    void anUnmappableParameterIsRejectedNamingTheMethodAndParameter() {
        assertThatThrownBy(() -> bind("takesList"))
                .isInstanceOf(HostSignatureException.class)
                .hasMessageContaining("takesList")
                .hasMessageContaining("parameter 0")
                .hasMessageContaining("java.util.List");
    }

    @Test
    void anUnmappableResultIsRejectedNamingTheMethod() {
        assertThatThrownBy(() -> bind("returnsString"))
                .isInstanceOf(HostSignatureException.class)
                .hasMessageContaining("returnsString")
                .hasMessageContaining("returns java.lang.String");
        assertThatThrownBy(() -> bind("returnsWrongRecord"))
                .isInstanceOf(HostSignatureException.class)
                .hasMessageContaining("returnsWrongRecord")
                .hasMessageContaining("component text");
    }

    @Test
    void anInstanceMethodNeedsAnObject() {
        assertThatThrownBy(() -> HostFunctionDefinition.of("add", null, method("add")))
                .isInstanceOf(HostSignatureException.class)
                .hasMessageContaining("is not static");
    }

    @Test
    void aNullBoxedResultFailsTheCallClearly() {
        assertThatThrownBy(() -> call("boxedNull"))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("env.boxedNull returned null");
    }

    @Test
    void aThrowingHostFunctionFailsTheCallKeepingTheCauseAndTheInstanceStaysUsable() {
        Instance instance = instance("failIfNegative");
        assertThatThrownBy(() -> instance.function("call").call(-5))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("env.failIfNegative")
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("negative: -5")
                .satisfies(e -> assertThat(((Trap) e).wasmStackTrace()).first().isEqualTo("env.failIfNegative"));
        assertThat(instance.function("call").call(41)).containsExactly(42);
    }

    @Test
    void aCheckedExceptionIsTheCauseToo() {
        Instance instance = instance("checked");
        assertThatThrownBy(() -> instance.function("call").call())
                .isInstanceOf(Trap.class)
                .hasMessageContaining("env.checked")
                .cause().isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void aStringOutsideTheCallersMemoryIsASpecificTrap() {
        Instance instance = instance("log");
        assertThatThrownBy(() -> instance.function("call").call(65530, 100))
                .isInstanceOf(Trap.class)
                .hasMessageStartingWith(Trap.OUT_OF_BOUNDS_MEMORY)
                .hasMessageContaining("string parameter 0 (")
                .hasMessageContaining("env.log")
                .hasMessageContaining("100 bytes at offset 65530")
                .hasMessageContaining("65536 bytes");
        // a length of 0xFFFFFFFF is unsigned, not -1
        assertThatThrownBy(() -> instance.function("call").call(0, -1))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("4294967295 bytes at offset 0");
        instance.function("call").call(HELLO, 5);
        assertThat(fixture.lastString).isEqualTo("hello");
    }

    @Test
    void bytesOutsideTheCallersMemoryIsASpecificTrap() {
        assertThatThrownBy(() -> call("keep", -16, 32))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("bytes parameter 0 (")
                .hasMessageContaining("at offset 4294967280");
    }

    @Test
    void aMemoryParameterNeedsACallerWithMemory() {
        HostFunctionDefinition peek = bind("peek");
        assertThatThrownBy(() -> peek.function().call(null, new long[] {0}))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("needs the calling instance");
        Instance noMemory = io.wasmspring.engine.Module.parseText("(module)").instantiate();
        assertThatThrownBy(() -> peek.function().call(noMemory, new long[] {0}))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("has no memory");
    }
}
