package io.wasmspring.engine.cli;

import io.wasmspring.engine.Module;
import io.wasmspring.engine.WasmException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the module a command line names, turning every way that can fail into a usage error. */
final class ModuleFiles {

    private ModuleFiles() {
    }

    /** The readable regular file at {@code name}. */
    static Path existing(String name) throws UsageException {
        Path path;
        try {
            path = Path.of(name);
        } catch (RuntimeException e) {
            throw new UsageException("not a file name: " + name);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageException("no such file: " + name);
        }
        return path;
    }

    /** A binary ({@code .wasm}) or text ({@code .wat}) module, decoded and validated. */
    static Module read(String name) throws UsageException {
        Path path = existing(name);
        try {
            return Module.read(path);
        } catch (WasmException e) {
            throw new UsageException("cannot load " + name + ": " + firstLine(e.getMessage()));
        } catch (Exception e) {
            // Module.read may report I/O problems in its own way; either way the file is unusable.
            throw new UsageException("cannot read " + name + ": " + firstLine(String.valueOf(e.getMessage())));
        } catch (StackOverflowError e) {
            throw new UsageException("cannot load " + name + ": module nests too deeply");
        }
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
