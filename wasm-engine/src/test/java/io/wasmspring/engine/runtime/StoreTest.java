package io.wasmspring.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Trap;

import org.junit.jupiter.api.Test;

class StoreTest {

    @Test
    void nullIsHandleZero() {
        Store store = new Store();
        assertThat(store.handle(null)).isEqualTo(Store.NULL);
        assertThat(store.ref(Store.NULL)).isNull();
    }

    @Test
    void sameObjectGetsTheSameHandleAndRoundTrips() {
        Store store = new Store();
        Object a = new Object();
        Object b = new Object();
        long ha = store.handle(a);
        long hb = store.handle(b);
        assertThat(ha).isNotEqualTo(hb).isNotZero();
        assertThat(store.handle(a)).isEqualTo(ha);
        assertThat(store.ref(ha)).isSameAs(a);
        assertThat(store.ref(hb)).isSameAs(b);
    }

    @Test
    void equalButDistinctObjectsGetDistinctHandles() {
        Store store = new Store();
        String x = new String("x");
        String y = new String("x");
        assertThat(store.handle(x)).isNotEqualTo(store.handle(y));
    }

    @Test
    void anUnknownHandleTrapsWithAClearMessage() {
        Store store = new Store();
        long known = store.handle(new Object());
        assertThat(store.contains(known)).isTrue();
        assertThat(store.contains(Store.NULL)).isTrue();
        assertThat(store.contains(known + 1)).isFalse();
        assertThat(store.contains(-1)).isFalse();
        assertThatThrownBy(() -> store.ref(known + 1)).isInstanceOf(Trap.class)
                .hasMessageContaining("unknown reference handle " + (known + 1));
        assertThatThrownBy(() -> store.ref(-5)).isInstanceOf(Trap.class);
    }
}
