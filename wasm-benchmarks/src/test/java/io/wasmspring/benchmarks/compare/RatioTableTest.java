package io.wasmspring.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RatioTableTest {

    private final RatioTable table = new RatioTable("ours", List.of("ours", "peer", "node"), Set.of("callAdd"),
            List.of("fib", "nbody", "callAdd"));

    @Test
    void jmhScoresAreConvertedToNanoseconds() {
        assertThat(Measurements.toNanos(2.5, "ms/op")).isEqualTo(2.5e6);
        assertThat(Measurements.toNanos(3, "us/op")).isEqualTo(3e3);
        assertThat(Measurements.toNanos(7, "ns/op")).isEqualTo(7);
        assertThat(Measurements.toNanos(1, "s/op")).isEqualTo(1e9);
        assertThatThrownBy(() -> Measurements.toNanos(1, "ops/s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGeometricMeanIsOverRowsMeasuredByBoth() {
        Measurements m = new Measurements();
        m.put("a", "ours", 100);
        m.put("a", "peer", 200);
        m.put("b", "ours", 100);
        m.put("b", "peer", 800);
        m.put("c", "ours", 100);

        assertThat(table.geometricMeanRatio(List.of("a", "b", "c"), "peer", m).getAsDouble())
                .isCloseTo(4.0, within(1e-9));
        assertThat(table.geometricMeanRatio(List.of("c"), "peer", m)).isEmpty();
    }

    @Test
    void theTableShowsTimesRatiosAndGapsAndKeepsBoundaryRowsApart() {
        Measurements m = new Measurements();
        m.put("fib", "ours", 2e8);
        m.put("fib", "peer", 4e8);
        m.put("fib", "node", 1e7);
        m.put("callAdd", "ours", 50);

        String text = table.render(m);

        assertThat(text).contains("200.0 ms").contains("400.0 ms (2.00x)").contains("10.0 ms (0.05x)");
        assertThat(text).contains("geomean").contains("(2.00x)");
        assertThat(text.indexOf("boundary")).isGreaterThan(text.indexOf("fib"));
        assertThat(text.lines().filter(l -> l.startsWith("callAdd")).findFirst().orElseThrow())
                .contains("50.0 ns").contains(" - ");
    }

    @Test
    void aRunOfBoundaryCostsOnlyHasNoEmptyWorkloadSection() {
        Measurements m = new Measurements();
        m.put("callAdd", "ours", 50);
        m.put("callAdd", "node", 10);

        String text = table.render(m);

        assertThat(text).doesNotContain("workload").contains("boundary").contains("10.0 ns (0.20x)");
    }

    @Test
    void rowsFollowTheGivenOrderWhateverTheOrderMeasured() {
        Measurements m = new Measurements();
        m.put("extra", "ours", 1);
        m.put("nbody", "ours", 1);
        m.put("fib", "ours", 1);

        List<String> firstColumn = table.render(m).lines()
                .map(l -> l.split(" ")[0]).filter(w -> List.of("fib", "nbody", "extra").contains(w)).toList();

        assertThat(firstColumn).containsExactly("fib", "nbody", "extra");
    }

    @Test
    void ratiosAndTimesAreFormattedForReading() {
        assertThat(RatioTable.formatRatio(0.123)).isEqualTo("0.12x");
        assertThat(RatioTable.formatRatio(12.34)).isEqualTo("12.3x");
        assertThat(RatioTable.formatRatio(234.5)).isEqualTo("235x");
        assertThat(RatioTable.formatTime(1500)).isEqualTo("1.5 us");
        assertThat(RatioTable.formatTime(2.5e9)).isEqualTo("2.50 s");
    }

    @Test
    void nodeSpecStringsAreJsonQuoted() {
        assertThat(NodeReference.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
    }

    @Test
    void modesAreQuickOrFull() {
        assertThat(RunSettings.byName("quick").measurementIterations()).isLessThan(RunSettings.FULL.measurementIterations());
        assertThat(RunSettings.QUICK.warmupSeconds() * RunSettings.QUICK.warmupIterations()).isGreaterThan(RunSettings.QUICK.measurementSeconds() * RunSettings.QUICK.measurementIterations());
        assertThatThrownBy(() -> RunSettings.byName("slow")).isInstanceOf(IllegalArgumentException.class);
    }
}
