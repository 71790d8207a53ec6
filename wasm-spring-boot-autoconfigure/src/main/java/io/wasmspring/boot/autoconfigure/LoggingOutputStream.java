package io.wasmspring.boot.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** A WASI program's output stream, logged one line at a time (a partial last line on flush/close). */
final class LoggingOutputStream extends OutputStream {

    private final Logger logger;
    private final boolean error;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LoggingOutputStream(Logger logger, boolean error) {
        this.logger = logger;
        this.error = error;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            emit();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (error) {
            logger.warn(text);
        } else {
            logger.info(text);
        }
    }
}
