package io.wasmspring.engine.wasi;

import io.wasmspring.engine.Imports;

/** Shortcut: {@code Wasi.addTo(Imports.builder(), config)} registers WASI preview1 for one program. */
public final class Wasi {

    private Wasi() {
    }

    /** Creates the program's {@link WasiPreview1}, registers it into {@code imports} and returns it. */
    public static WasiPreview1 addTo(Imports.Builder imports, WasiConfig config) {
        WasiPreview1 wasi = new WasiPreview1(config);
        wasi.addTo(imports);
        return wasi;
    }
}
