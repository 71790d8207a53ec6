package io.wasmspring.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreTest {

    private final Store store = new Store();

    /** Handles are per thread: start every test from an empty table, whatever ran before on this thread. */
    @BeforeEach
    void releaseWhatEarlierTestsLeft() {
        store.beginCall();
        store.endCall();
        assertThat(store.liveHandles()).isZero();
    }

    @Test
    void nullIsHandleZero() {
        assertThat(store.handle(null)).isEqualTo(Store.NULL);
        assertThat(store.ref(Store.NULL)).isNull();
        assertThat(store.liveHandles()).isZero();
    }

    @Test
    void sameObjectGetsTheSameHandleAndRoundTrips() {
        Object a = new Object();
        Object b = new Object();
        long ha = store.handle(a);
        long hb = store.handle(b);
        assertThat(ha).isNotEqualTo(hb).isNotZero();
        assertThat(store.handle(a)).isEqualTo(ha);
        assertThat(store.ref(ha)).isSameAs(a);
        assertThat(store.ref(hb)).isSameAs(b);
        assertThat(store.liveHandles()).isEqualTo(2);
    }

    @Test
    void equalButDistinctObjectsGetDistinctHandles() {
        String x = new String("x");
        String y = new String("x");
        assertThat(store.handle(x)).isNotEqualTo(store.handle(y));
    }

    @Test
    void anUnknownHandleTrapsWithAClearMessage() {
        long known = store.handle(new Object());
        assertThat(store.contains(known)).isTrue();
        assertThat(store.contains(Store.NULL)).isTrue();
        assertThat(store.contains(known + 1)).isFalse();
        assertThat(store.contains(-1)).isFalse();
        assertThat(store.contains(999)).isFalse();
        assertThatThrownBy(() -> store.ref(known + 1)).isInstanceOf(Trap.class)
                .hasMessageContaining("unknown reference handle " + (known + 1));
        assertThatThrownBy(() -> store.ref(-5)).isInstanceOf(Trap.class);
    }

    @Test
    void theOutermostCallReleasesEveryHandleMadeWithinIt() {
        Object outer = new Object();
        Object inner = new Object();
        store.beginCall();
        long ho = store.handle(outer);
        store.beginCall(); // a host function calling back into wasm
        long hi = store.handle(inner);
        store.endCall();
        assertThat(store.ref(ho)).isSameAs(outer);
        assertThat(store.ref(hi)).isSameAs(inner);
        store.endCall();
        assertThat(store.liveHandles()).isZero();
        assertThat(store.contains(ho)).isFalse();
        assertThat(store.contains(hi)).isFalse();
    }

    @Test
    void aReleasedHandleNeverStandsForALaterObject() {
        store.beginCall();
        long old = store.handle(new Object());
        store.endCall();
        store.beginCall();
        Object later = new Object();
        long fresh = store.handle(later);
        // Same slot, new generation: the old handle is refused, not read as the later object.
        assertThat(fresh).isNotEqualTo(old);
        assertThat(fresh & 0xFFFF_FFFFL).isEqualTo(old & 0xFFFF_FFFFL);
        assertThatThrownBy(() -> store.ref(old)).isInstanceOf(Trap.class).hasMessageContaining("unknown reference handle");
        store.endCall();
    }

    @Test
    void aHandleMadeOutsideACallLastsUntilTheNextCallEnds() {
        Object argument = new Object();
        long handle = store.handle(argument);
        store.beginCall();
        assertThat(store.ref(handle)).isSameAs(argument);
        store.endCall();
        assertThat(store.contains(handle)).isFalse();
    }

    @Test
    void referenceResultsOfARawCallOutliveItWithNewHandles() {
        FunctionType type = FunctionType.of(List.of(), List.of(ValueType.I64, ValueType.EXTERNREF, ValueType.FUNCREF,
                ValueType.EXTERNREF, ValueType.EXTERNREF));
        Object result = new Object();
        Object function = new Object();
        store.beginCall();
        long dropped = store.handle(new Object());
        long resultHandle = store.handle(result);
        long[] results = {resultHandle, resultHandle, store.handle(function), 0, 12345};
        store.endCall(results, type);
        assertThat(results[0]).as("an i64 is not a handle").isEqualTo(resultHandle);
        assertThat(results[1]).isNotEqualTo(resultHandle);
        assertThat(store.ref(results[1])).isSameAs(result);
        assertThat(store.ref(results[2])).isSameAs(function);
        assertThat(results[3]).as("null stays null").isZero();
        assertThat(results[4]).as("an unknown handle stays unknown").isEqualTo(12345);
        assertThat(store.contains(dropped)).isFalse();
        assertThat(store.liveHandles()).isEqualTo(2);
        store.beginCall();
        store.endCall();
        assertThat(store.contains(results[1])).isFalse();
    }

    @Test
    void aFailedRawCallReleasesEverything() {
        store.beginCall();
        store.handle(new Object());
        store.endCall(null, FunctionType.of(List.of(), List.of(ValueType.EXTERNREF)));
        assertThat(store.liveHandles()).isZero();
    }

    @Test
    void aTableThatGrewInOneCallShrinksWhenItIsReleased() {
        store.beginCall();
        List<Object> objects = new ArrayList<>();
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Object o = new Object();
            objects.add(o);
            handles.add(store.handle(o));
        }
        assertThat(store.liveHandles()).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(store.ref(handles.get(i))).isSameAs(objects.get(i));
            assertThat(store.handle(objects.get(i))).isEqualTo(handles.get(i));
        }
        store.endCall();
        assertThat(store.liveHandles()).isZero();
        assertThat(store.handleCapacity()).isEqualTo(HandleTable.INITIAL_CAPACITY);
    }

    @Test
    void oneCallCannotHoldUnboundedlyManyReferences() {
        store.beginCall();
        try {
            for (int i = 0; i < HandleTable.MAX_LIVE_HANDLES; i++) {
                store.handle(new Object());
            }
            assertThatThrownBy(() -> store.handle(new Object())).isInstanceOf(Trap.class)
                    .hasMessageContaining("too many references in one call");
        } finally {
            store.endCall();
        }
        assertThat(store.handleCapacity()).isEqualTo(HandleTable.INITIAL_CAPACITY);
    }

    @Test
    void threadsNumberTheirReferencesApartAndNeverSeeEachOthers() throws Exception {
        int threads = 8;
        int callsPerThread = 20_000;
        AtomicLong foreignHandle = new AtomicLong();
        store.beginCall();
        foreignHandle.set(store.handle(new Object()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    int checked = 0;
                    for (int call = 0; call < callsPerThread; call++) {
                        store.beginCall();
                        try {
                            Object a = new Object();
                            Object b = "value " + call;
                            long ha = store.handle(a);
                            long hb = store.handle(b);
                            if (store.ref(ha) != a || store.ref(hb) != b || store.handle(a) != ha) {
                                throw new AssertionError("call " + call + " lost a reference");
                            }
                            // A handle made on another thread is unknown here, never another object.
                            if (store.contains(foreignHandle.get())) {
                                throw new AssertionError("saw another thread's handle");
                            }
                            checked++;
                        } finally {
                            store.endCall();
                        }
                    }
                    return checked + (store.liveHandles() == 0 ? 0 : -1_000_000);
                });
            }
            long total = 0;
            for (Future<Integer> result : pool.invokeAll(work)) {
                total += result.get();
            }
            assertThat(total).isEqualTo((long) threads * callsPerThread);
        } finally {
            pool.shutdown();
            store.endCall();
        }
    }
}
