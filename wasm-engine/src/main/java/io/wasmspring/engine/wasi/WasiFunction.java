package io.wasmspring.engine.wasi;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.HostFunction;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.Lock;

/**
 * One function of {@code wasi_snapshot_preview1}: its name, its wasm signature and its handler.
 * {@link #invoke} turns every way a handler can stop early into the errno the guest sees:
 * an {@link ErrnoException}, a host {@link IOException}, or a pointer outside memory ({@code fault}).
 */
public final class WasiFunction {

    private static final Memory NO_MEMORY = new Memory(new MemoryType(new Limits(0, 0)));
    /** Set the system property {@code io.wasmspring.wasi.trace} to log every call and its errno to stderr. */
    private static final boolean TRACE = Boolean.getBoolean("io.wasmspring.wasi.trace");

    private final String name;
    private final FunctionType type;
    private final WasiHandler handler;
    private final NamespaceLock.Access access;

    WasiFunction(String name, FunctionType type, WasiHandler handler) {
        this.name = name;
        this.type = type;
        this.handler = handler;
        this.access = NamespaceLock.Access.of(name);
    }

    public String name() {
        return name;
    }

    public FunctionType type() {
        return type;
    }

    /** Runs the function against {@code memory} (the caller's memory 0; {@code null} when it has none). */
    public long[] invoke(Memory memory, long[] args) {
        int errno;
        try {
            errno = callLocked(memory == null ? NO_MEMORY : memory, args);
        } catch (ErrnoException e) {
            errno = e.errno;
        } catch (IOException e) {
            errno = HostErrors.errno(e);
        } catch (UncheckedIOException e) {
            errno = HostErrors.errno(e.getCause());
        } catch (Trap outOfBounds) {
            errno = Errno.FAULT; // only the memory accessors throw traps here: a bad guest pointer
        } catch (SecurityException | UnsupportedOperationException e) {
            errno = Errno.NOTSUP; // the JVM or its security policy cannot do this on this host
        } catch (WasmException e) {
            throw e; // proc_exit's exit, or a trap of the engine: not the guest's errno
        } catch (RuntimeException e) {
            // a host failure we did not foresee must not take the JVM's side of the call down
            if (TRACE) {
                e.printStackTrace();
            }
            errno = Errno.IO;
        }
        if (TRACE) {
            System.err.println("[wasi] " + name + java.util.Arrays.toString(args) + " -> " + Errno.name(errno));
        }
        return type.results().isEmpty() ? new long[0] : new long[] {errno};
    }

    /** Runs the handler under the {@link NamespaceLock} it needs: a path is checked and used with no change in between. */
    private int callLocked(Memory memory, long[] args) throws IOException {
        Lock lock = access.lockFor(args);
        if (lock == null) {
            return handler.call(memory, args);
        }
        lock.lock();
        try {
            return handler.call(memory, args);
        } finally {
            lock.unlock();
        }
    }

    /** The engine-facing form: fetches the caller's memory on each call. */
    public HostFunction asHostFunction() {
        return (Instance caller, long[] args) -> invoke(caller == null ? null : caller.memory(), args);
    }

    /** Builds a signature from a compact spec: {@code 'i'} for i32, {@code 'I'} for i64. */
    static FunctionType signature(String params, boolean returnsErrno) {
        ValueType[] p = new ValueType[params.length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = params.charAt(i) == 'I' ? ValueType.I64 : ValueType.I32;
        }
        return returnsErrno ? FunctionType.of(p, ValueType.I32) : FunctionType.of(p);
    }
}
