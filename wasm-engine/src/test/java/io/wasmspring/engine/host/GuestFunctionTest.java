package io.wasmspring.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestFunctionTest {

    /**
     * A guest with the alloc/dealloc convention (dealloc takes the size), counting live blocks and
     * the bytes handed back to dealloc, and functions for each way strings go in and come out.
     */
    private static final String TOOLKIT = """
            (module
              (memory (export "memory") 1)
              (data (i32.const 8) "static\\00")
              (global $top (mut i32) (i32.const 1024))
              (global $live (mut i32) (i32.const 0))
              (global $freed (mut i32) (i32.const 0))
              (func $alloc (export "alloc") (param $size i32) (result i32)
                (local $p i32)
                (local.set $p (global.get $top))
                (global.set $top (i32.add (global.get $top)
                  (i32.and (i32.add (local.get $size) (i32.const 7)) (i32.const -8))))
                (global.set $live (i32.add (global.get $live) (i32.const 1)))
                (local.get $p))
              (func (export "dealloc") (param $p i32) (param $size i32)
                (global.set $live (i32.sub (global.get $live) (i32.const 1)))
                (global.set $freed (i32.add (global.get $freed) (local.get $size))))
              (func (export "live") (result i32) (global.get $live))
              (func (export "freed") (result i32) (global.get $freed))
              (func $strlen (param $p i32) (result i32)
                (local $n i32)
                (block $end
                  (loop $scan
                    (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
                    (local.set $n (i32.add (local.get $n) (i32.const 1)))
                    (br $scan)))
                (local.get $n))
              (func (export "cstrlen") (param $p i32) (result i32) (call $strlen (local.get $p)))
              ;; a new copy of (p, len), returned as a (pointer, length) pair
              (func (export "copy") (param $p i32) (param $len i32) (result i32 i32)
                (local $q i32)
                (local.set $q (call $alloc (local.get $len)))
                (memory.copy (local.get $q) (local.get $p) (local.get $len))
                (local.get $q) (local.get $len))
              ;; a new copy of a C string
              (func (export "dup") (param $p i32) (result i32)
                (local $n i32) (local $q i32)
                (local.set $n (i32.add (call $strlen (local.get $p)) (i32.const 1)))
                (local.set $q (call $alloc (local.get $n)))
                (memory.copy (local.get $q) (local.get $p) (local.get $n))
                (local.get $q))
              (func (export "static") (result i32) (i32.const 8))
              ;; the bytes reversed, packed as pointer << 32 | length
              (func (export "reverse") (param $p i32) (param $len i32) (result i64)
                (local $q i32) (local $i i32)
                (local.set $q (call $alloc (local.get $len)))
                (block $done
                  (loop $each
                    (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
                    (i32.store8
                      (i32.add (local.get $q) (i32.sub (i32.sub (local.get $len) (local.get $i)) (i32.const 1)))
                      (i32.load8_u (i32.add (local.get $p) (local.get $i))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $each)))
                (i64.or (i64.shl (i64.extend_i32_u (local.get $q)) (i64.const 32)) (i64.extend_i32_u (local.get $len))))
              (func (export "null_packed") (result i64) (i64.const 0))
              (func (export "length_plus") (param $p i32) (param $len i32) (param $extra i32) (result i32)
                (i32.add (local.get $len) (local.get $extra)))
              (func (export "boom") (param i32 i32) (unreachable)))
            """;

    private final Instance toolkit = Module.parseText(TOOLKIT).instantiate();

    private int live() {
        return (Integer) toolkit.function("live").call()[0];
    }

    private int freed() {
        return (Integer) toolkit.function("freed").call()[0];
    }

    @Test
    void stringsGoInAsPairsAndComeBackAsPairsFreedWithTheirSizes() {
        GuestFunction<String> copy = GuestFunction.of(toolkit, "copy").stringArgs().returnsPointerLengthString();
        assertThat(copy.call("héllo")).isEqualTo("héllo");
        assertThat(live()).isZero();
        assertThat(freed()).isEqualTo(6 + 6);
    }

    @Test
    void bytesGoInAndComeBackPacked() {
        GuestFunction<byte[]> reverse = GuestFunction.of(toolkit, "reverse").returnsPackedBytes();
        assertThat(reverse.call((Object) new byte[] {1, 2, 3, (byte) 0xFF})).containsExactly(0xFF, 3, 2, 1);
        GuestFunction<byte[]> copy = GuestFunction.of(toolkit, "copy").returnsPointerLengthBytes();
        assertThat(copy.call((Object) new byte[] {9, 8})).containsExactly(9, 8);
        assertThat(live()).isZero();
    }

    @Test
    void cStringsGoInAsOnePointerAndComeBackNulTerminated() {
        assertThat(GuestFunction.of(toolkit, "cstrlen").cStringArgs().returnsInt().call("héllo")).isEqualTo(6);
        assertThat(freed()).isEqualTo(7);
        assertThat(GuestFunction.of(toolkit, "dup").cStringArgs().returnsCString().call("abc 👋")).isEqualTo("abc 👋");
        assertThat(live()).isZero();
        assertThat(freed()).isEqualTo(7 + 9 + 9);
    }

    @Test
    void keepResultLeavesGuestOwnedMemoryAlone() {
        assertThat(GuestFunction.of(toolkit, "static").keepResult().returnsCString().call()).isEqualTo("static");
        assertThat(freed()).isZero();
        assertThat(live()).isZero();
    }

    @Test
    void aNullPointerResultIsNull() {
        assertThat(GuestFunction.of(toolkit, "null_packed").returnsPackedString().call()).isNull();
        assertThat(freed()).isZero();
    }

    @Test
    void otherArgumentsPassAsTheyAre() {
        GuestFunction<Integer> lengthPlus = GuestFunction.of(toolkit, "length_plus").stringArgs().returnsInt();
        assertThat(lengthPlus.call("four", 38)).isEqualTo(42);
        assertThat(GuestFunction.of(toolkit, "live").returnsValues().call()).containsExactly(0);
    }

    @Test
    void argumentBlocksAreFreedWhenTheCallTraps() {
        GuestFunction<Void> boom = GuestFunction.of(toolkit, "boom").stringArgs().returnsVoid();
        assertThatThrownBy(() -> boom.call("abc")).isInstanceOf(Trap.class).hasMessageContaining(Trap.UNREACHABLE);
        assertThat(live()).isZero();
        assertThat(freed()).isEqualTo(3);
    }

    @Test
    void argumentsThatDoNotFitTheParametersAreRejectedAndFreed() {
        GuestFunction<String> copy = GuestFunction.of(toolkit, "copy").stringArgs().returnsPointerLengthString();
        assertThatThrownBy(() -> copy.call("a", 5))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("\"copy\"")
                .hasMessageContaining("takes 2 wasm argument(s), but the 2 given make 3");
        assertThat(live()).isZero();
    }

    @Test
    void theResultModeMustMatchTheExportsResults() {
        assertThatThrownBy(() -> GuestFunction.of(toolkit, "copy").returnsPackedString())
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("(result i32 i32)")
                .hasMessageContaining("returnsPackedString() needs (result i64)");
        assertThatThrownBy(() -> GuestFunction.of(toolkit, "reverse").returnsCString())
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("returnsCString() needs (result i32)");
        assertThatThrownBy(() -> GuestFunction.of(toolkit, "missing"))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void allocatorNamesCanBeGiven() {
        GuestFunction<String> copy = GuestFunction.of(toolkit, "copy").allocator("alloc", "dealloc").returnsPointerLengthString();
        assertThat(copy.call("x")).isEqualTo("x");
        assertThat(live()).isZero();
        assertThatThrownBy(() -> GuestFunction.of(toolkit, "copy").allocator("malloc", "free"))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("malloc");
    }

    /** Hands out a fixed block and records what it is asked to free. */
    static final class RecordingAllocator implements GuestAllocator {
        final int pointer;
        final List<String> calls = new ArrayList<>();

        RecordingAllocator(int pointer) {
            this.pointer = pointer;
        }

        @Override
        public int allocate(int size) {
            calls.add("allocate " + size);
            return pointer;
        }

        @Override
        public void free(int pointer, int size) {
            calls.add("free " + pointer + " " + size);
        }
    }

    @Test
    void aJavaAllocatorCanStandInForTheGuests() {
        RecordingAllocator allocator = new RecordingAllocator(4096);
        GuestFunction<Integer> lengthPlus = GuestFunction.of(toolkit, "length_plus").allocator(allocator).returnsInt();
        assertThat(lengthPlus.call("hi", 1)).isEqualTo(3);
        assertThat(allocator.calls).containsExactly("allocate 2", "free 4096 2");
    }

    @Test
    void aBlockOutsideTheMemoryIsATrapAndIsFreed() {
        RecordingAllocator allocator = new RecordingAllocator(70_000);
        GuestFunction<Integer> lengthPlus = GuestFunction.of(toolkit, "length_plus").allocator(allocator).returnsInt();
        assertThatThrownBy(() -> lengthPlus.call("hi", 1))
                .isInstanceOf(Trap.class)
                .hasMessageStartingWith(Trap.OUT_OF_BOUNDS_MEMORY)
                .hasMessageContaining("at offset 70000");
        assertThat(allocator.calls).containsExactly("allocate 2", "free 70000 2");
    }

    @Test
    void aModuleWithoutAnAllocatorIsRejectedSayingWhatWasLookedFor() {
        Instance bare = Module.parseText("""
                (module (memory (export "memory") 1)
                  (func (export "greet") (param i32 i32) (result i64) (i64.const 0)))
                """).instantiate();
        assertThatThrownBy(() -> GuestFunction.of(bare, "greet").stringArgs().returnsPackedString())
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("exports no allocator")
                .hasMessageContaining("\"malloc\"/\"free\"")
                .hasMessageContaining("\"alloc\"/\"dealloc\"")
                .hasMessageContaining("[greet]");
        assertThatThrownBy(() -> GuestMemory.of(bare).writeString("x"))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("exports no allocator");
        // without strings, and keeping the result, no allocator is needed
        assertThat(GuestFunction.of(bare, "greet").keepResult().returnsPackedString().call(0, 0)).isNull();
    }

    @Test
    void anAllocatorOfTheWrongTypeIsRejected() {
        Instance wrong = Module.parseText("""
                (module (memory (export "memory") 1)
                  (func (export "malloc") (param i64) (result i64) (i64.const 0))
                  (func (export "free") (param i32)))
                """).instantiate();
        assertThatThrownBy(() -> GuestAllocator.of(wrong))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("export \"malloc\" has type (func (param i64) (result i64))")
                .hasMessageContaining("(func (param i32) (result i32))");
        Instance wrongFree = Module.parseText("""
                (module (memory (export "memory") 1)
                  (func (export "malloc") (param i32) (result i32) (i32.const 8))
                  (func (export "free") (param i32) (result i32) (i32.const 0)))
                """).instantiate();
        assertThatThrownBy(() -> GuestAllocator.of(wrongFree))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("export \"free\" has type");
    }

    @Test
    void anAllocatorThatReturnsZeroIsOutOfMemory() {
        Instance full = Module.parseText("""
                (module (memory (export "memory") 1)
                  (func (export "malloc") (param i32) (result i32) (i32.const 0))
                  (func (export "free") (param i32))
                  (func (export "len") (param i32 i32) (result i32) (local.get 1)))
                """).instantiate();
        assertThatThrownBy(() -> GuestFunction.of(full, "len").returnsInt().call("abc"))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("\"malloc\" returned 0")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void stringsNeedAMemory() {
        Instance noMemory = Module.parseText("(module (func (export \"f\") (param i32 i32)))").instantiate();
        assertThatThrownBy(() -> GuestFunction.of(noMemory, "f").stringArgs().returnsVoid())
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("has no memory");
        GuestFunction<Void> undeclared = GuestFunction.of(noMemory, "f").returnsVoid();
        assertThatThrownBy(() -> undeclared.call("x"))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("has no memory");
        assertThat(undeclared.call(1, 2)).isNull();
        assertThatThrownBy(() -> GuestMemory.of(noMemory)).isInstanceOf(WasmException.class).hasMessageContaining("no memory");
    }

    @Test
    void aHostFunctionCanHandAStringToTheGuestThroughTheCallersAllocator() {
        // The host function re-enters the caller to allocate, the way a guest-side string result is made.
        HostModule env = HostModule.builder("env")
                .function("userName", MethodHandlesForTest.userName())
                .build();
        Instance instance = Module.parseText("""
                (module
                  (import "env" "userName" (func $userName (result i64)))
                  (memory (export "memory") 1)
                  (global $top (mut i32) (i32.const 1024))
                  (global $live (mut i32) (i32.const 0))
                  (func (export "malloc") (param $size i32) (result i32)
                    (global.set $live (i32.add (global.get $live) (i32.const 1)))
                    (global.get $top)
                    (global.set $top (i32.add (global.get $top) (local.get $size))))
                  (func (export "free") (param i32)
                    (global.set $live (i32.sub (global.get $live) (i32.const 1))))
                  (func (export "live") (result i32) (global.get $live))
                  (func (export "ask") (result i64) (call $userName)))
                """).instantiate(Imports.builder().module(env).build());
        assertThat(GuestFunction.of(instance, "ask").returnsPackedString().call()).isEqualTo("Zoë");
        assertThat(instance.function("live").call()).containsExactly(0);
    }

    /** A typed host function taking the caller and returning a packed string it wrote into the caller's memory. */
    static final class MethodHandlesForTest {
        static long userName(Instance caller) {
            return GuestMemory.of(caller).writeString("Zoë").packed();
        }

        static java.lang.invoke.MethodHandle userName() {
            try {
                return java.lang.invoke.MethodHandles.lookup().findStatic(MethodHandlesForTest.class, "userName",
                        java.lang.invoke.MethodType.methodType(long.class, Instance.class));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void guestBuffersFreeOnceAndPack() {
        GuestMemory guest = GuestMemory.of(toolkit);
        GuestBuffer buffer = guest.writeCString("hey");
        assertThat(buffer.length()).isEqualTo(3);
        assertThat(buffer.size()).isEqualTo(4);
        assertThat(guest.readCString(buffer.pointer())).isEqualTo("hey");
        assertThat(buffer.packed()).isEqualTo(GuestMemory.pack(buffer.pointer(), 3));
        assertThat(live()).isEqualTo(1);
        buffer.close();
        buffer.close();
        assertThat(buffer.isFreed()).isTrue();
        assertThat(live()).isZero();
        assertThat(freed()).isEqualTo(4);

        GuestBuffer empty = guest.writeString("");
        assertThat(empty.length()).isZero();
        assertThat(empty.pointer()).isNotZero();
        empty.close();
    }

    @Test
    void packedValuesSplitUnsigned() {
        long packed = GuestMemory.pack(0x8000_0000, 0xFFFF_FFFF);
        assertThat(packed).isEqualTo(0x8000_0000_FFFF_FFFFL);
        assertThat(GuestMemory.packedPointer(packed)).isEqualTo(0x8000_0000);
        assertThat(GuestMemory.packedLength(packed)).isEqualTo(0xFFFF_FFFF);
        GuestMemory guest = GuestMemory.of(toolkit);
        assertThatThrownBy(() -> guest.readPackedString(packed))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("4294967295 bytes at offset 2147483648");
        assertThatThrownBy(() -> guest.readBytes(0, -1))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("4294967295 bytes");
    }
}
