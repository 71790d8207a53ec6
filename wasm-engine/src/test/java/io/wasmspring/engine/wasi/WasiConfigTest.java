package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasiConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreEmptyAndQuiet() {
        WasiConfig c = WasiConfig.builder().build();
        assertThat(c.args()).isEmpty();
        assertThat(c.env()).isEmpty();
        assertThat(c.preopens()).isEmpty();
        assertThat(c.clock()).isSameAs(WasiClock.system());
    }

    @Test
    void collectsArgsEnvAndPreopensInOrder() {
        WasiConfig c = WasiConfig.builder().args("a", "b").args(java.util.List.of("c"))
                .env(Map.of("K", "V")).preopen(dir, "/data", true).build();
        assertThat(c.args()).containsExactly("a", "b", "c");
        assertThat(c.env()).containsEntry("K", "V");
        assertThat(c.preopens()).containsExactly(new WasiConfig.Preopen(dir, "/data", true));
        assertThatThrownBy(() -> c.args().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPreopenThatIsNotADirectoryIsRejected() {
        WasiConfig c = WasiConfig.builder().preopen(dir.resolve("missing"), "/x").build();
        assertThatThrownBy(() -> new WasiPreview1(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }
}
