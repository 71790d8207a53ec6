package io.wasmspring.engine.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A standard stream (stdin, stdout, stderr) backed by a Java stream; a character device to the guest. */
final class StreamDescriptor extends Descriptor {

    final InputStream in;
    final OutputStream out;

    private StreamDescriptor(InputStream in, OutputStream out, long rights) {
        super(rights, 0);
        this.in = in;
        this.out = out;
    }

    static StreamDescriptor input(InputStream in) {
        return new StreamDescriptor(in, null, Rights.STREAM & ~Rights.FD_WRITE);
    }

    static StreamDescriptor output(OutputStream out) {
        return new StreamDescriptor(null, out, Rights.STREAM & ~Rights.FD_READ);
    }

    @Override
    int filetype() {
        return Flags.FILETYPE_CHARACTER_DEVICE;
    }

    @Override
    void close() throws IOException {
        // the streams belong to the embedder: flush what the guest wrote, close nothing
        if (out != null) {
            out.flush();
        }
    }
}
