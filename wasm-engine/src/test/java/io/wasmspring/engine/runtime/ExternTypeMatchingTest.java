package io.wasmspring.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Global;
import io.wasmspring.engine.GlobalType;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Table;
import io.wasmspring.engine.TableType;
import io.wasmspring.engine.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternTypeMatchingTest {

    private static MemoryType memory(long min, long max) {
        return new MemoryType(new Limits(min, max));
    }

    @Test
    void limitsAllowLargerMinimumAndSmallerMaximum() {
        assertThat(ExternTypeMatching.limitsMatch(new Limits(2, 3), new Limits(1, 4))).isTrue();
        assertThat(ExternTypeMatching.limitsMatch(new Limits(1, Limits.UNBOUNDED), Limits.of(1))).isTrue();
        assertThat(ExternTypeMatching.limitsMatch(new Limits(1, 5), Limits.of(0))).isTrue();
    }

    @Test
    void limitsRejectSmallerMinimumMissingOrLargerMaximum() {
        assertThat(ExternTypeMatching.limitsMatch(new Limits(0, 3), new Limits(1, 3))).isFalse();
        assertThat(ExternTypeMatching.limitsMatch(Limits.of(1), new Limits(1, 3))).isFalse();
        assertThat(ExternTypeMatching.limitsMatch(new Limits(1, 4), new Limits(1, 3))).isFalse();
    }

    @Test
    void memoryMatchUsesItsCurrentSize() {
        Memory m = new Memory(memory(1, 3));
        assertThat(ExternTypeMatching.matches(ExternTypeMatching.typeOf(m), memory(2, 3))).isFalse();
        m.grow(1);
        assertThat(ExternTypeMatching.matches(ExternTypeMatching.typeOf(m), memory(2, 3))).isTrue();
    }

    @Test
    void tablesNeedEqualElementTypes() {
        Table t = new Table(new TableType(ValueType.FUNCREF, Limits.of(1)));
        assertThat(ExternTypeMatching.matches(ExternTypeMatching.typeOf(t), new TableType(ValueType.FUNCREF, Limits.of(1)))).isTrue();
        assertThat(ExternTypeMatching.matches(ExternTypeMatching.typeOf(t), new TableType(ValueType.EXTERNREF, Limits.of(1)))).isFalse();
        assertThat(ExternTypeMatching.mismatchReason(t.type(), new TableType(ValueType.EXTERNREF, Limits.of(1))))
                .isEqualTo("element type differs");
    }

    @Test
    void globalsNeedEqualMutabilityAndValueType() {
        Global g = Global.ofBits(new GlobalType(ValueType.I32, true), 0);
        assertThat(ExternTypeMatching.matches(g.type(), new GlobalType(ValueType.I32, true))).isTrue();
        assertThat(ExternTypeMatching.matches(g.type(), new GlobalType(ValueType.I32, false))).isFalse();
        assertThat(ExternTypeMatching.matches(g.type(), new GlobalType(ValueType.I64, true))).isFalse();
        assertThat(ExternTypeMatching.mismatchReason(g.type(), new GlobalType(ValueType.I32, false))).isEqualTo("mutability differs");
    }

    @Test
    void functionsNeedEqualTypes() {
        FunctionType unary = FunctionType.of(List.of(ValueType.I32), List.of());
        FunctionInstance f = new HostFunctionInstance("m", "f", unary, (c, a) -> null);
        assertThat(ExternTypeMatching.matches(ExternTypeMatching.typeOf(f), FunctionType.of(List.of(ValueType.I32), List.of()))).isTrue();
        assertThat(ExternTypeMatching.matches(ExternTypeMatching.typeOf(f), FunctionType.of(List.of(ValueType.I64), List.of()))).isFalse();
    }

    @Test
    void differentKindsNeverMatch() {
        assertThat(ExternTypeMatching.matches(memory(1, 1), new TableType(ValueType.FUNCREF, new Limits(1, 1)))).isFalse();
        assertThat(ExternTypeMatching.mismatchReason(memory(1, 1), new TableType(ValueType.FUNCREF, new Limits(1, 1))))
                .contains("memory").contains("table");
        assertThat(ExternTypeMatching.typeOf("not an extern")).isNull();
        assertThat(ExternTypeMatching.matches(null, memory(1, 1))).isFalse();
    }

    @Test
    void mismatchReasonExplainsLimits() {
        assertThat(ExternTypeMatching.mismatchReason(memory(0, 1), memory(1, 1))).contains("minimum size 0");
        assertThat(ExternTypeMatching.mismatchReason(memory(1, Limits.UNBOUNDED), memory(1, 2))).contains("no maximum");
        assertThat(ExternTypeMatching.mismatchReason(memory(1, 3), memory(1, 2))).contains("maximum size 3");
    }
}
