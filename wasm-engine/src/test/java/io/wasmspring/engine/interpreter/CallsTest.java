package io.wasmspring.engine.interpreter;

import static io.wasmspring.engine.interpreter.TestModule.I32;
import static io.wasmspring.engine.interpreter.TestModule.I64;
import static io.wasmspring.engine.interpreter.TestModule.params;
import static io.wasmspring.engine.interpreter.TestModule.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.runtime.FunctionInstance;
import io.wasmspring.engine.runtime.HostFunctionInstance;
import io.wasmspring.engine.structure.Opcodes;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Direct, recursive, indirect and host calls; call depth; traps crossing host frames. */
class CallsTest {

    private static final FunctionType I64_TO_I64 = type(params(I64), I64);

    @Test
    void recursiveFactorial() {
        TestModule m = new TestModule();
        int fac = m.module.functionCount();
        m.func(I64_TO_I64, Asm.code()
                .get(0).op(Opcodes.I64_EQZ)
                .if_(I64).i64(1)
                .else_().get(0).get(0).i64(1).op(Opcodes.I64_SUB).call(fac).op(Opcodes.I64_MUL)
                .end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(fac, 20)).isEqualTo(2432902008176640000L);
        assertThat(inst.call1(fac, 25)).isEqualTo(7034535277573963776L);
    }

    @Test
    void recursiveFibonacci() {
        TestModule m = new TestModule();
        int fib = m.module.functionCount();
        m.func(type(params(I32), I32), Asm.code()
                .get(0).i32(2).op(Opcodes.I32_LT_U)
                .if_(I32).get(0)
                .else_()
                .get(0).i32(1).op(Opcodes.I32_SUB).call(fib)
                .get(0).i32(2).op(Opcodes.I32_SUB).call(fib)
                .op(Opcodes.I32_ADD)
                .end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(fib, 20)).isEqualTo(6765);
    }

    @Test
    void callsPassParametersAndLocalsStartAtZero() {
        TestModule m = new TestModule();
        int callee = m.func(type(params(I32, I32), I32), new ValueType[] {I32, I64}, Asm.code()
                .get(0).get(1).op(Opcodes.I32_SUB).get(2).op(Opcodes.I32_ADD)
                .i32(99).set(2)
                .end());
        int caller = m.func(type(params(), I32), Asm.code()
                .i32(1000).i32(10).i32(3).call(callee).call(callee).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(caller)).isEqualTo(993);
    }

    @Test
    void runawayRecursionTrapsQuicklyWithoutStackOverflowError() {
        TestModule m = new TestModule();
        int f = m.module.functionCount();
        m.func(type(params(I64), I64), Asm.code().get(0).i64(1).op(Opcodes.I64_ADD).call(f).end());
        m.name(f, "runaway");
        int ok = m.func(type(params(), I32), Asm.code().i32(1).end());
        TestModule.Instance inst = m.instantiate();
        long start = System.nanoTime();
        assertThatThrownBy(() -> inst.call(f, 0)).isInstanceOfSatisfying(Trap.class, t -> {
            assertThat(t).hasMessageStartingWith(Trap.CALL_STACK_EXHAUSTED);
            assertThat(t.wasmStackTrace()).startsWith("runaway", "runaway");
            assertThat(t.wasmStackTrace().size()).isLessThanOrEqualTo(ControlOps.MAX_TRACE_FRAMES + 1);
            assertThat(t.wasmStackTrace().get(t.wasmStackTrace().size() - 1)).contains("more frames");
        });
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        // the thread's interpreter state is intact afterwards
        assertThat(inst.call1(ok)).isEqualTo(1);
    }

    @Test
    void maximumCallDepthIsConfigurable() {
        TestModule m = new TestModule();
        int f = m.module.functionCount();
        // depth(n) = n == 0 ? 0 : 1 + depth(n - 1)
        m.func(type(params(I32), I32), Asm.code()
                .get(0).op(Opcodes.I32_EQZ).if_(I32).i32(0)
                .else_().get(0).i32(1).op(Opcodes.I32_SUB).call(f).i32(1).op(Opcodes.I32_ADD).end().end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f, 50_000)).isEqualTo(50_000);
        // The limit is the called instance's (ExecutionLimits.maxCallDepth); LimitsTest covers the public API.
        inst.state().limits = ExecutionLimits.builder().maxCallDepth(100).build();
        assertThat(inst.call1(f, 99)).isEqualTo(99);
        assertThatThrownBy(() -> inst.call(f, 100)).hasMessageStartingWith(Trap.CALL_STACK_EXHAUSTED)
                .hasMessageContaining("maxCallDepth");
    }

    @Test
    void indirectCalls() {
        TestModule m = new TestModule();
        FunctionType i32ToI32 = type(params(I32), I32);
        int inc = m.func(i32ToI32, Asm.code().get(0).i32(1).op(Opcodes.I32_ADD).end());
        int other = m.func(type(params(I64), I64), Asm.code().get(0).end());
        int typeIndex = m.typeIndex(i32ToI32);
        m.table(4, new Object[] {inc, other, null});
        int dispatch = m.func(type(params(I32, I32), I32), Asm.code()
                .get(1).get(0).callIndirect(typeIndex, 0).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(dispatch, 0, 41)).isEqualTo(42);
        assertThatThrownBy(() -> inst.call(dispatch, 1, 0)).hasMessage(Trap.INDIRECT_CALL_TYPE_MISMATCH);
        assertThatThrownBy(() -> inst.call(dispatch, 2, 0)).hasMessage(Trap.UNINITIALIZED_ELEMENT + " 2");
        assertThatThrownBy(() -> inst.call(dispatch, 4, 0)).hasMessage(Trap.UNDEFINED_ELEMENT + " 4");
        assertThatThrownBy(() -> inst.call(dispatch, 0xFFFF_FFFFL, 0)).hasMessage(Trap.UNDEFINED_ELEMENT + " 4294967295");
    }

    @Test
    void callsIntoAnotherInstanceUseThatInstancesMemoryAndComeBack() {
        TestModule a = new TestModule().memory(1, -1);
        // a.peek(): memory[0] of a, after a grows its memory
        int peek = a.func(type(params(), I32), Asm.code()
                .i32(1).op(Opcodes.MEMORY_GROW).u32(0).op(Opcodes.DROP)
                .i32(0).mem(Opcodes.I32_LOAD8_U, 0).end());
        TestModule.Instance instA = a.instantiate();
        instA.memory().writeByte(0, (byte) 11);

        TestModule b = new TestModule().memory(1, -1);
        FunctionType peekType = type(params(), I32);
        int typeIndex = b.typeIndex(peekType);
        b.table(1, null);
        // b.run(): a.peek() via the table, then its own memory[0]
        int run = b.func(type(params(), I32), Asm.code()
                .i32(0).callIndirect(typeIndex, 0)
                .i32(0).mem(Opcodes.I32_LOAD8_U, 0)
                .op(Opcodes.I32_ADD).end());
        TestModule.Instance instB = b.instantiate();
        instB.state().tables[0].set(0, instA.state().functions[peek]);
        instB.memory().writeByte(0, (byte) 100);
        assertThat(instB.call1(run)).isEqualTo(111);
        assertThat(instA.memory().pages()).isEqualTo(2);
        assertThat(instB.memory().pages()).isEqualTo(1);
    }

    @Test
    void hostFunctionsGetArgumentsAndReturnResults() {
        TestModule m = new TestModule();
        AtomicReference<long[]> seen = new AtomicReference<>();
        int add = m.host("add", type(params(I32, I64), I64), (caller, args) -> {
            seen.set(args.clone());
            return new long[] {args[0] + args[1]};
        });
        int f = m.func(type(params(), I64), Asm.code().i32(-1).i64(10).call(add).i64(1).op(Opcodes.I64_ADD).end());
        TestModule.Instance inst = m.instantiate();
        assertThat(inst.call1(f)).isEqualTo(0xFFFF_FFFFL + 11);
        assertThat(seen.get()).containsExactly(0xFFFF_FFFFL, 10L);
        assertThat(inst.call1(add, 1, 2)).isEqualTo(3);
    }

    @Test
    void hostFunctionsMayCallBackIntoWasm() {
        TestModule m = new TestModule();
        AtomicReference<TestModule.Instance> self = new AtomicReference<>();
        int[] fac = new int[1];
        // host(n) = n * wasmFac(n - 1), wasmFac(n) = n == 0 ? 1 : host(n)
        int host = m.host("mul", I64_TO_I64, (caller, args) ->
                new long[] {args[0] * self.get().call1(fac[0], args[0] - 1)});
        fac[0] = m.module.functionCount();
        m.func(I64_TO_I64, Asm.code()
                .get(0).op(Opcodes.I64_EQZ).if_(I64).i64(1).else_().get(0).call(host).end().end());
        TestModule.Instance inst = m.instantiate();
        self.set(inst);
        assertThat(inst.call1(fac[0], 15)).isEqualTo(1307674368000L);
    }

    @Test
    void hostExceptionsBecomeTrapsNamingTheHostFunction() {
        TestModule m = new TestModule();
        IllegalStateException boom = new IllegalStateException("boom");
        int host = m.host("explode", type(params()), (caller, args) -> {
            throw boom;
        });
        int f = m.func(type(params()), Asm.code().call(host).end());
        m.name(f, "caller");
        TestModule.Instance inst = m.instantiate();
        assertThatThrownBy(() -> inst.call(f)).isInstanceOfSatisfying(Trap.class, t -> {
            assertThat(t.getMessage()).contains("env.explode").contains("boom");
            assertThat(t.getCause()).isSameAs(boom);
            assertThat(t.wasmStackTrace()).containsExactly("env.explode", "caller");
        });
    }

    @Test
    void wasmExceptionsFromHostPassUnchanged() {
        TestModule m = new TestModule();
        WasmException exit = new WasmException("exit 3");
        int host = m.host("exit", type(params()), (caller, args) -> {
            throw exit;
        });
        int f = m.func(type(params()), Asm.code().call(host).end());
        TestModule.Instance inst = m.instantiate();
        assertThatThrownBy(() -> inst.call(f)).isSameAs(exit);
    }

    @Test
    void trapsInsideReentrantCallsCarryTheWholeTrace() {
        TestModule m = new TestModule();
        AtomicReference<TestModule.Instance> self = new AtomicReference<>();
        int[] inner = new int[1];
        int host = m.host("bounce", type(params()), (caller, args) -> self.get().call(inner[0]));
        inner[0] = m.func(type(params()), Asm.code().op(Opcodes.UNREACHABLE).end());
        int outer = m.func(type(params()), Asm.code().call(host).end());
        m.name(inner[0], "inner").name(outer, "outer");
        TestModule.Instance inst = m.instantiate();
        self.set(inst);
        assertThatThrownBy(() -> inst.call(outer)).isInstanceOfSatisfying(Trap.class, t ->
                assertThat(t.wasmStackTrace()).containsExactly("inner", "env.bounce", "outer"));
        // and the thread's stacks are usable afterwards
        assertThatThrownBy(() -> inst.call(inner[0])).hasMessage(Trap.UNREACHABLE);
    }

    @Test
    void hostResultCountIsChecked() {
        TestModule m = new TestModule();
        int host = m.host("bad", type(params(), I32), (caller, args) -> new long[0]);
        int f = m.func(type(params(), I32), Asm.code().call(host).end());
        TestModule.Instance inst = m.instantiate();
        assertThatThrownBy(() -> inst.call(f)).isInstanceOf(Trap.class).hasMessageContaining("env.bad");
    }

    @Test
    void hostFunctionsCanBeInvokedDirectly() {
        FunctionInstance host = new HostFunctionInstance("m", "id", type(params(I32), I32), (c, a) -> a);
        assertThat(Interpreter.invoke(host, new long[] {-1L})).containsExactly(0xFFFF_FFFFL);
    }
}
