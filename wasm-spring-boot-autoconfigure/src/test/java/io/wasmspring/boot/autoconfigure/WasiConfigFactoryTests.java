package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.wasi.WasiConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasiConfigFactoryTests {

    @Test
    void preopenWithoutGuestPathIsNamedAfterTheDirectoryNotTheHostPath(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        WasmProperties.Wasi wasi = new WasmProperties.Wasi();
        WasmProperties.Preopen preopen = new WasmProperties.Preopen();
        preopen.setHostPath(data.toString());
        wasi.getPreopens().add(preopen);
        WasiConfig config = new WasiConfigFactory("files", wasi).get();
        assertThat(config.preopens()).singleElement().satisfies(p -> {
            assertThat(p.guestPath()).isEqualTo("data");
            assertThat(p.hostPath()).isEqualTo(data);
        });
    }

    @Test
    void configuredGuestPathIsKept(@TempDir Path dir) {
        WasmProperties.Wasi wasi = new WasmProperties.Wasi();
        WasmProperties.Preopen preopen = new WasmProperties.Preopen();
        preopen.setHostPath(dir.toString());
        preopen.setGuestPath("/sandbox");
        wasi.getPreopens().add(preopen);
        assertThat(new WasiConfigFactory("files", wasi).get().preopens().get(0).guestPath()).isEqualTo("/sandbox");
    }
}
