package io.wasmspring.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.wasi.WasiConfig;
import io.wasmspring.engine.wasi.WasiPreview1;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * No access outside a memory, from either side. Host helpers given an {@code (offset, length)}
 * that does not fit (negative, past the end, or overflowing when added) throw a {@link Trap}
 * whose message starts with {@link Trap#OUT_OF_BOUNDS_MEMORY}, change nothing, and never hand
 * back bytes of another instance; wasm code that tries the same traps the same way; WASI calls
 * given such pointers answer {@code fault}.
 */
class MemoryBoundsTest {

    private static final int PAGE = 65536;
    private static final int ERRNO_FAULT = 21;

    /** Offsets and lengths at and around every edge: zero, the end, int and u32 limits, negatives. */
    private static final long[] EDGES = {
        0, 1, PAGE - 8, PAGE - 1, PAGE, PAGE + 1, 2L * PAGE, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 0xFFFF_FFFFL,
        1L << 32, Long.MAX_VALUE, -1, -8, Integer.MIN_VALUE, Long.MIN_VALUE,
    };

    /** One page whose memory says which instance it belongs to, with exports that load, store, copy and fill. */
    private static final String CANARY_MODULE = """
            (module
              (memory (export "memory") 1 1)
              (data (i32.const 0) "%s")
              (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
              (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
              (func (export "load64") (param i32) (result i64) (i64.load (local.get 0)))
              (func (export "loadFar") (param i32) (result i32) (i32.load offset=4294967295 (local.get 0)))
              (func (export "loadLast") (param i32) (result i32) (i32.load offset=65532 (local.get 0)))
              (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
              (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
              (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
              (data $passive "CCCCCCCC")
              (func (export "init") (param i32 i32 i32) (memory.init $passive (local.get 0) (local.get 1) (local.get 2))))
            """;

    // ---- the Memory API ----

    @Test
    void everyMemoryAccessorTrapsOutsideAndWorksInside() {
        Memory memory = new Memory(new MemoryType(Limits.of(1)));
        List<Accessor> accessors = accessors();
        Random random = new Random(9);
        byte[] pristine = new byte[PAGE];
        Arrays.fill(pristine, (byte) 0x5A);
        System.arraycopy(pristine, 0, memory.buffer(), 0, PAGE);
        int checked = 0;
        for (int round = 0; round < 4000; round++) {
            long offset = round < EDGES.length * EDGES.length ? EDGES[round % EDGES.length] : pick(random);
            long length = round < EDGES.length * EDGES.length ? EDGES[round / EDGES.length] : pick(random);
            for (Accessor a : accessors) {
                long size = a.fixedSize >= 0 ? a.fixedSize : length;
                boolean fits = offset >= 0 && size >= 0 && offset <= PAGE - size;
                if (a.intLength && (length > 2 * PAGE || length < Integer.MIN_VALUE)
                        || a.name.endsWith("Into") && length < 0 || a.name.endsWith("From") && length < 0) {
                    // an int length cannot say that; and with a Java array, a negative length is the
                    // array's range, an IllegalArgumentException (see Memory)
                    continue;
                }
                Throwable thrown = catchThrowable(() -> a.call.accept(memory, new long[] {offset, length}));
                String what = a.name + "(" + offset + ", " + length + ")";
                if (fits) {
                    assertThat(thrown).as(what).isNull();
                } else {
                    assertThat(thrown).as(what).isInstanceOf(Trap.class);
                    assertThat(thrown.getMessage()).as(what).startsWith(Trap.OUT_OF_BOUNDS_MEMORY);
                    assertThat(Arrays.equals(memory.buffer(), pristine)).as("%s must change nothing", what).isTrue();
                }
                if (fits && a.name.startsWith("write") || a.name.equals("fill")) {
                    System.arraycopy(pristine, 0, memory.buffer(), 0, PAGE);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50_000);
    }

    /** A memory method under test: takes {@code (offset, length)}; a fixed size when the method has no length. */
    private record Accessor(String name, int fixedSize, boolean intLength, BiConsumer<Memory, long[]> call) {
    }

    private static List<Accessor> accessors() {
        List<Accessor> list = new ArrayList<>();
        list.add(new Accessor("readByte", 1, false, (m, a) -> m.readByte(a[0])));
        list.add(new Accessor("readShort", 2, false, (m, a) -> m.readShort(a[0])));
        list.add(new Accessor("readInt", 4, false, (m, a) -> m.readInt(a[0])));
        list.add(new Accessor("readLong", 8, false, (m, a) -> m.readLong(a[0])));
        list.add(new Accessor("readDouble", 8, false, (m, a) -> m.readDouble(a[0])));
        list.add(new Accessor("readUnsignedInt", 4, false, (m, a) -> m.readUnsignedInt(a[0])));
        list.add(new Accessor("writeByte", 1, false, (m, a) -> m.writeByte(a[0], (byte) 1)));
        list.add(new Accessor("writeShort", 2, false, (m, a) -> m.writeShort(a[0], (short) 1)));
        list.add(new Accessor("writeInt", 4, false, (m, a) -> m.writeInt(a[0], 1)));
        list.add(new Accessor("writeLong", 8, false, (m, a) -> m.writeLong(a[0], 1)));
        list.add(new Accessor("writeFloat", 4, false, (m, a) -> m.writeFloat(a[0], 1)));
        list.add(new Accessor("readBytes", -1, true, (m, a) -> m.readBytes(a[0], (int) a[1])));
        // (for these two, a length that does not fit the Java array is the caller's mistake, an
        // IllegalArgumentException; the arrays here always fit, so only the memory side is out of range)
        list.add(new Accessor("readBytesInto", -1, true, (m, a) -> m.readBytes(a[0], new byte[arrayFor(a[1])], 0, (int) a[1])));
        list.add(new Accessor("writeBytesFrom", -1, true, (m, a) -> m.writeBytes(a[0], new byte[arrayFor(a[1])], 0, (int) a[1])));
        list.add(new Accessor("fill", -1, false, (m, a) -> m.fill(a[0], a[1], (byte) 1)));
        list.add(new Accessor("readString", -1, false, (m, a) -> m.readString(a[0], a[1])));
        return list;
    }

    /** An array big enough for {@code length}; lengths no array could hold are skipped by the caller. */
    private static int arrayFor(long length) {
        return (int) Math.max(0, length);
    }

    private static long pick(Random random) {
        long base = EDGES[random.nextInt(EDGES.length)];
        return random.nextBoolean() ? base : base + random.nextInt(17) - 8;
    }

    @Test
    void writesThatOnlyPartlyFitWriteNothing() {
        Memory memory = new Memory(new MemoryType(Limits.of(1)));
        assertThatThrownBy(() -> memory.writeBytes(PAGE - 2, new byte[] {1, 2, 3})).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> memory.writeLong(PAGE - 4, -1L)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> memory.writeString(PAGE - 1, "ab")).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> memory.writeCString(PAGE - 2, "ab")).isInstanceOf(Trap.class);
        assertThat(memory.readBytes(PAGE - 8, 8)).containsOnly((byte) 0);
    }

    // ---- two instances: never the other's bytes ----

    @Test
    void outOfRangeAccessFromWasmTrapsAndNeverReachesTheOtherInstance() {
        Instance a = canaryInstance("AAAAAAAA");
        Instance b = canaryInstance("BBBBBBBB");
        byte[] bBefore = b.memory().buffer().clone();
        for (long address : new long[] {PAGE - 3, PAGE, PAGE + 8, 0x7FFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFCL}) {
            int at = (int) address;
            assertTrap(() -> a.function("load").call(at));
            assertTrap(() -> a.function("load64").call(at));
            assertTrap(() -> a.function("store").call(at, 0x41414141));
        }
        assertTrap(() -> a.function("load8").call(PAGE));
        // the static offset is added as a 33-bit sum: it must not wrap around to the start of memory
        assertTrap(() -> a.function("loadFar").call(1));
        assertTrap(() -> a.function("loadLast").call(1));
        assertThat(a.function("loadLast").call(0)[0]).isEqualTo(0);
        // bulk operations check the whole range before touching a byte
        assertTrap(() -> a.function("copy").call(PAGE - 4, 0, 8));
        assertTrap(() -> a.function("copy").call(0, PAGE - 4, 8));
        assertTrap(() -> a.function("fill").call(PAGE - 4, 0x42, 8));
        assertTrap(() -> a.function("copy").call(0, 0, -1));
        assertTrap(() -> a.function("init").call(PAGE - 4, 0, 8));
        assertTrap(() -> a.function("init").call(0, 4, 8)); // past the end of the segment
        assertTrap(() -> a.function("init").call(-1, 0, 1));
        assertThat(a.memory().readBytes(PAGE - 8, 8)).containsOnly((byte) 0);
        // inside, each sees its own canary only
        assertThat(a.function("load").call(0)[0]).isEqualTo(0x41414141);
        assertThat(b.function("load").call(0)[0]).isEqualTo(0x42424242);
        assertThat(b.memory().buffer()).isEqualTo(bBefore);
    }

    @Test
    void guestMemoryHelpersTrapOutsideAndNeverReturnTheOtherInstancesBytes() {
        Instance a = canaryInstance("AAAAAAAA");
        Instance b = canaryInstance("BBBBBBBB");
        GuestMemory guest = GuestMemory.of(a);
        int[] pointers = {PAGE, PAGE + 1, Integer.MAX_VALUE, -1, -4, Integer.MIN_VALUE};
        int[] lengths = {4, 1, PAGE, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
        for (int pointer : pointers) {
            for (int length : lengths) {
                assertTrap(() -> guest.readBytes(pointer, length));
                assertTrap(() -> guest.readString(pointer, length));
                assertTrap(() -> guest.readPackedBytes(GuestMemory.pack(pointer, length)));
                assertTrap(() -> guest.readPackedString(GuestMemory.pack(pointer, length)));
            }
        }
        assertTrap(() -> guest.readBytes(PAGE - 3, 4));
        // (0, length) where the length alone overflows an int once unsigned
        assertTrap(() -> guest.readBytes(0, -1));
        assertTrap(() -> guest.readBytes(1, PAGE));
        // a C string that runs to the end of memory without a NUL
        a.memory().fill(PAGE - 4, 4, (byte) 'A');
        assertTrap(() -> guest.readCString(PAGE - 4));
        assertTrap(() -> guest.readCString(-1));
        // what does fit is this instance's, never the other's
        assertThat(guest.readString(0, 8)).isEqualTo("AAAAAAAA");
        assertThat(GuestMemory.of(b).readString(0, 8)).isEqualTo("BBBBBBBB");
    }

    @Test
    void aHostFunctionGivenAnOutOfRangeStringTrapsBeforeItRuns() {
        AtomicInteger calls = new AtomicInteger();
        Module module = Module.parseText("""
                (module
                  (import "env" "take" (func $take (param i32 i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 0) "AAAA")
                  (func (export "pass") (param i32 i32) (call $take (local.get 0) (local.get 1))))
                """);
        Instance instance = module.instantiate(HostModule.builder("env")
                .function("take", (java.util.function.Consumer<String>) s -> calls.incrementAndGet())
                .build().toImports());
        instance.function("pass").call(0, 4);
        assertThat(calls).hasValue(1);
        for (int[] bad : new int[][] {{PAGE - 2, 4}, {0, PAGE + 1}, {-1, 1}, {1, -1}, {Integer.MAX_VALUE, Integer.MAX_VALUE}}) {
            assertTrap(() -> instance.function("pass").call(bad[0], bad[1]));
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void wasiCallsGivenOutOfRangePointersAnswerFault() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Memory memory = new Memory(new MemoryType(Limits.of(1)));
        try (WasiPreview1 wasi = new WasiPreview1(WasiConfig.builder().stdout(stdout).build())) {
            memory.writeBytes(0, "hi".getBytes(StandardCharsets.UTF_8));
            // iovec array itself out of range, a buffer past the end, a buffer whose end overflows u32
            assertThat(fdWrite(wasi, memory, PAGE - 4, 0, 2)).isEqualTo(ERRNO_FAULT);
            assertThat(fdWrite(wasi, memory, 64, PAGE - 1, 2)).isEqualTo(ERRNO_FAULT);
            assertThat(fdWrite(wasi, memory, 64, -1, 2)).isEqualTo(ERRNO_FAULT);
            assertThat(fdWrite(wasi, memory, 64, 0, -1)).isEqualTo(ERRNO_FAULT);
            assertThat(wasi.function("fd_write").invoke(memory, new long[] {1, 64, Integer.MAX_VALUE, 128})[0]).isEqualTo(ERRNO_FAULT);
            assertThat(stdout.size()).as("bytes written by calls that failed").isZero();
            // the result pointer out of range (the data may be out already, as on a POSIX host)
            memory.writeInt(64, 0);
            memory.writeInt(68, 2);
            assertThat(wasi.function("fd_write").invoke(memory, new long[] {1, 64, 1, PAGE - 2})[0]).isEqualTo(ERRNO_FAULT);
            assertThat(wasi.function("args_sizes_get").invoke(memory, new long[] {-4, 0})[0]).isEqualTo(ERRNO_FAULT);
            assertThat(wasi.function("random_get").invoke(memory, new long[] {PAGE - 4, 8})[0]).isEqualTo(ERRNO_FAULT);
            assertThat(memory.readBytes(PAGE - 8, 8)).containsOnly((byte) 0);
        }
    }

    private static int fdWrite(WasiPreview1 wasi, Memory memory, int iovec, int buf, int len) {
        if (iovec + 8 <= PAGE) {
            memory.writeInt(iovec, buf);
            memory.writeInt(iovec + 4, len);
        }
        return (int) wasi.function("fd_write").invoke(memory, new long[] {1, iovec, 1, 128})[0];
    }

    private static Instance canaryInstance(String canary) {
        return Module.parseText(String.format(CANARY_MODULE, canary)).instantiate(Imports.empty());
    }

    private static void assertTrap(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(Trap.class).hasMessageStartingWith(Trap.OUT_OF_BOUNDS_MEMORY);
    }
}
