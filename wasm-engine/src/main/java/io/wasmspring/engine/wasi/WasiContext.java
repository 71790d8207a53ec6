package io.wasmspring.engine.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state one WASI program runs with: its configuration and its descriptor table, which starts
 * with stdin, stdout and stderr (0-2) and then the preopened directories (3, 4, ...).
 */
final class WasiContext {

    final WasiConfig config;
    final FdTable fds;

    WasiContext(WasiConfig config) {
        this.config = config;
        this.fds = new FdTable(config.maxOpenDescriptors());
        fds.add(StreamDescriptor.input(config.stdin()));
        fds.add(StreamDescriptor.output(config.stdout()));
        fds.add(StreamDescriptor.output(config.stderr()));
        for (WasiConfig.Preopen p : config.preopens()) {
            Path real;
            try {
                real = p.hostPath().toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("preopened directory " + p.hostPath() + " is not accessible: " + e.getMessage(), e);
            }
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException("preopened path " + p.hostPath() + " is not a directory");
            }
            long base = Rights.DIRECTORY;
            long inheriting = Rights.DIRECTORY | Rights.REGULAR_FILE;
            if (p.readOnly()) {
                base &= ~Rights.MUTATING;
                inheriting &= ~Rights.MUTATING;
            }
            fds.add(new DirectoryDescriptor(real, real, p.guestPath(), base, inheriting));
        }
    }
}
