package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class HostErrorsTest {

    @Test
    void typedExceptionsMapToTheirErrno() {
        assertThat(HostErrors.errno(new NoSuchFileException("f"))).isEqualTo(Errno.NOENT);
        assertThat(HostErrors.errno(new FileAlreadyExistsException("f"))).isEqualTo(Errno.EXIST);
        assertThat(HostErrors.errno(new DirectoryNotEmptyException("d"))).isEqualTo(Errno.NOTEMPTY);
        assertThat(HostErrors.errno(new NotDirectoryException("d"))).isEqualTo(Errno.NOTDIR);
        assertThat(HostErrors.errno(new AccessDeniedException("f"))).isEqualTo(Errno.ACCES);
    }

    @Test
    void posixReasonsMapToTheirErrno() {
        assertThat(HostErrors.errno(new FileSystemException("a", "b", "Is a directory"))).isEqualTo(Errno.ISDIR);
        assertThat(HostErrors.errno(new FileSystemException("a", "b", "Invalid argument"))).isEqualTo(Errno.INVAL);
        assertThat(HostErrors.errno(new FileSystemException("a", null, "Too many levels of symbolic links"))).isEqualTo(Errno.LOOP);
        assertThat(HostErrors.errno(new FileSystemException("a", null, "Read-only file system"))).isEqualTo(Errno.ROFS);
    }

    @Test
    void anythingElseIsIo() {
        assertThat(HostErrors.errno(new IOException("disk on fire"))).isEqualTo(Errno.IO);
    }

    @Test
    void handlerFailuresBecomeErrnosButExitsPropagate() {
        WasiFunction failing = new WasiFunction("x", WasiFunction.signature("i", true), (m, a) -> {
            throw new NoSuchFileException("f");
        });
        assertThat(failing.invoke(null, new long[] {0})).containsExactly(Errno.NOENT);
        WasiFunction buggy = new WasiFunction("y", WasiFunction.signature("", true), (m, a) -> {
            throw new IllegalStateException("bug");
        });
        assertThat(buggy.invoke(null, new long[0])).containsExactly(Errno.IO);
        WasiFunction noMemory = new WasiFunction("z", WasiFunction.signature("i", true), (m, a) -> {
            m.writeInt(a[0], 1);
            return Errno.SUCCESS;
        });
        assertThat(noMemory.invoke(null, new long[] {0})).containsExactly(Errno.FAULT);
    }

    @Test
    void errnoNamesFollowTheWitx() {
        assertThat(Errno.name(Errno.SUCCESS)).isEqualTo("success");
        assertThat(Errno.name(Errno.TOOBIG)).isEqualTo("2big");
        assertThat(Errno.name(Errno.NOTCAPABLE)).isEqualTo("notcapable");
        assertThat(Errno.name(Errno.PERM)).isEqualTo("perm");
        assertThat(Errno.name(500)).isEqualTo("500");
    }
}
