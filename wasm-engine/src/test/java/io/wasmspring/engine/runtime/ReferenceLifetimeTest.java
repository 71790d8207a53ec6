package io.wasmspring.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * References passed through a long-lived instance, the way a pooled instance sees them: handles
 * are released after every call, so the run-time never grows with the number of calls, and every
 * reference still comes back as the very object that went in.
 */
class ReferenceLifetimeTest {

    private static final int CALLS = 1_000_000;
    private static final FunctionType MAKES_EXTERNREF = FunctionType.of(List.of(), List.of(ValueType.EXTERNREF));

    private static final Module REFERENCES = Module.parseText("""
            (module
              (import "shared" "g" (global i32))
              (import "env" "fresh" (func $fresh (result externref)))
              (table $t (export "t") 1 externref)
              (func (export "id") (param externref) (result externref) local.get 0)
              (func (export "roundTrip") (param externref) (result externref)
                (table.set $t (i32.const 0) (local.get 0))
                (table.get $t (i32.const 0)))
              (func (export "kept") (result externref) (table.get $t (i32.const 0)))
              (func (export "freshIsNull") (result i32) call $fresh ref.is_null)
              (func (export "fresh") (result externref) call $fresh)
              (func $f)
              (elem declare func $f)
              (func (export "fref") (result funcref) ref.func $f)
              (func (export "storeThenTrap") (param externref)
                (table.set $t (i32.const 0) (local.get 0))
                (drop (call $fresh))
                unreachable))
            """);

    private static final Instance SHARED = Module.parseText("(module (global (export \"g\") i32 (i32.const 7)))").instantiate();

    private static Instance instance() {
        return REFERENCES.instantiate(Imports.builder()
                .instance("shared", SHARED)
                .function("env", "fresh", MAKES_EXTERNREF, (caller, args) -> new long[] {caller.handle(new Object())})
                .build());
    }

    private static int liveHandles() {
        return HandleTable.current().size();
    }

    @Test
    void aMillionFreshReferencesThroughOneInstanceLeaveNothingBehind() {
        Instance instance = instance();
        ExportedFunction id = instance.function("id");
        ExportedFunction roundTrip = instance.function("roundTrip");
        int maxLive = 0;
        for (int i = 0; i < CALLS; i++) {
            Object token = new Object();
            ExportedFunction f = (i & 1) == 0 ? id : roundTrip;
            if (f.call(token)[0] != token) {
                throw new AssertionError("call " + i + " returned another object");
            }
            maxLive = Math.max(maxLive, liveHandles());
        }
        assertThat(maxLive).isZero();
        assertThat(HandleTable.current().capacity()).isEqualTo(HandleTable.INITIAL_CAPACITY);
    }

    @Test
    void hostFunctionsReturningFreshReferencesLeaveNothingBehind() {
        Instance instance = instance();
        ExportedFunction freshIsNull = instance.function("freshIsNull");
        ExportedFunction fresh = instance.function("fresh");
        for (int i = 0; i < CALLS / 4; i++) {
            assertThat(freshIsNull.callRaw()[0]).isZero();
            assertThat(fresh.call()[0]).isNotNull();
        }
        assertThat(liveHandles()).isZero();
        assertThat(HandleTable.current().capacity()).isEqualTo(HandleTable.INITIAL_CAPACITY);
    }

    @Test
    void rawCallsKeepOnlyTheLastCallsResults() {
        Instance instance = instance();
        ExportedFunction id = instance.function("id");
        for (int i = 0; i < CALLS / 4; i++) {
            Object token = new Object();
            long result = id.callRaw(instance.handle(token))[0];
            if (instance.reference(result) != token) {
                throw new AssertionError("raw call " + i + " returned another object");
            }
            assertThat(liveHandles()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void tablesKeepTheObjectsAcrossCallsAndNullStaysNull() {
        Instance instance = instance();
        Object token = new Object();
        assertThat(instance.function("roundTrip").call(token)[0]).isSameAs(token);
        assertThat(instance.function("kept").call()[0]).isSameAs(token);
        assertThat(instance.function("kept").call()[0]).isSameAs(token);
        assertThat(instance.table("t").get(0)).as("the table holds the object, not a handle").isSameAs(token);
        assertThat(instance.function("id").call((Object) null)[0]).isNull();
        assertThat(instance.function("roundTrip").call((Object) null)[0]).isNull();
        assertThat(instance.function("kept").call()[0]).isNull();
        assertThat(instance.function("id").callRaw(0)).containsExactly(0L);
        Object function = instance.function("fref").call()[0];
        assertThat(function).isNotNull().isSameAs(instance.function("fref").call()[0]);
        assertThat(liveHandles()).isZero();
    }

    @Test
    void aCallThatTrapsStillReleasesItsHandlesAndKeepsWhatItStored() {
        Instance instance = instance();
        Object token = new Object();
        assertThatThrownBy(() -> instance.function("storeThenTrap").call(token)).isInstanceOf(Trap.class);
        assertThat(liveHandles()).isZero();
        assertThat(instance.function("kept").call()[0]).isSameAs(token);
    }

    @Test
    void theStartFunctionsReferencesAreReleasedToo() {
        Module module = Module.parseText("""
                (module
                  (import "env" "fresh" (func $fresh (result externref)))
                  (table $t (export "t") 1 externref)
                  (func $init (table.set $t (i32.const 0) (call $fresh)))
                  (start $init))
                """);
        Object made = new Object();
        Instance instance = module.instantiate(Imports.builder()
                .function("env", "fresh", MAKES_EXTERNREF, (caller, args) -> new long[] {caller.handle(made)})
                .build());
        assertThat(liveHandles()).isZero();
        assertThat(instance.table("t").get(0)).isSameAs(made);
    }

    @Test
    void aRawResultIsValidForTheNextCallOnlyThenRefused() {
        Instance instance = instance();
        Object token = new Object();
        long first = instance.function("id").callRaw(instance.handle(token))[0];
        long second = instance.function("id").callRaw(first)[0];
        assertThat(instance.reference(second)).isSameAs(token);
        assertThatThrownBy(() -> instance.reference(first)).isInstanceOf(WasmException.class)
                .hasMessageContaining("unknown reference handle");
        assertThatThrownBy(() -> instance.function("id").callRaw(first)).isInstanceOf(WasmException.class)
                .hasMessageContaining("not a reference handle live on this thread");
    }

    @Test
    void aHandleAHostKeptFromAnEarlierCallTrapsInsteadOfNamingAnotherObject() {
        AtomicLong kept = new AtomicLong();
        Instance instance = REFERENCES.instantiate(Imports.builder()
                .instance("shared", SHARED)
                .function("env", "fresh", MAKES_EXTERNREF, (caller, args) -> {
                    if (kept.get() == 0) {
                        kept.set(caller.handle("first"));
                    }
                    return new long[] {kept.get()};
                })
                .build());
        assertThat(instance.function("fresh").call()).containsExactly("first");
        assertThatThrownBy(() -> instance.function("fresh").call()).isInstanceOf(Trap.class)
                .hasMessageContaining("unknown reference handle " + kept.get());
    }

    @Test
    void aHostCallingBackIntoWasmKeepsItsCallersHandles() {
        FunctionType reenter = FunctionType.of(List.of(ValueType.EXTERNREF), List.of(ValueType.EXTERNREF));
        Module module = Module.parseText("""
                (module
                  (import "env" "reenter" (func $reenter (param externref) (result externref)))
                  (func (export "id") (param externref) (result externref) local.get 0)
                  (func (export "outer") (param externref) (result externref) local.get 0 call $reenter))
                """);
        List<Object> seenInside = new ArrayList<>();
        Instance instance = module.instantiate(Imports.builder()
                .function("env", "reenter", reenter, (caller, args) -> {
                    Object inner = new Object();
                    seenInside.add(caller.function("id").call(inner)[0] == inner);
                    // The nested call has returned; the outer call's handle must still be live.
                    seenInside.add(caller.reference(args[0]));
                    return new long[] {args[0]};
                })
                .build());
        Object token = new Object();
        assertThat(instance.function("outer").call(token)[0]).isSameAs(token);
        assertThat(seenInside).containsExactly(true, token);
        assertThat(liveHandles()).isZero();
    }

    @Test
    void instancesSharingAStoreRunReferencesOnManyThreadsAtOnce() throws Exception {
        int threads = 8;
        int callsPerThread = 25_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Long>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // Each thread its own instance; all of them import from SHARED, so they share its store.
                Instance instance = instance();
                work.add(() -> {
                    long ok = 0;
                    for (int i = 0; i < callsPerThread; i++) {
                        Object token = new Object();
                        Object back = instance.function((i & 1) == 0 ? "id" : "roundTrip").call(token)[0];
                        long raw = instance.function("id").callRaw(instance.handle(token))[0];
                        if (back == token && instance.reference(raw) == token) {
                            ok++;
                        }
                    }
                    return liveHandles() <= 1 ? ok : -1;
                });
            }
            long total = 0;
            for (Future<Long> result : pool.invokeAll(work)) {
                total += result.get();
            }
            assertThat(total).isEqualTo((long) threads * callsPerThread);
        } finally {
            pool.shutdown();
        }
    }
}
