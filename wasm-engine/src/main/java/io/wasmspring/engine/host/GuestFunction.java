package io.wasmspring.engine.host;

import io.wasmspring.engine.ExportedFunction;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.WasmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An exported function with its string and byte conventions declared once, so that each call
 * is one line:
 *
 * <pre>{@code
 * GuestFunction<String> greet = GuestFunction.of(instance, "greet").stringArgs().returnsPackedString();
 * String greeting = greet.call("Bob");   // "Hello, Bob!"
 * }</pre>
 *
 * A call copies every {@code String} argument (UTF-8) and {@code byte[]} argument into a block
 * allocated through the guest's allocator and passes it as {@code (pointer, length)} (or, after
 * {@link Builder#cStringArgs()}, a string as one pointer to NUL-terminated UTF-8); other
 * arguments go as {@link ExportedFunction#call} takes them. It then decodes the result as
 * declared, frees the result block (unless {@link Builder#keepResult()}) and frees the
 * argument blocks, also when the call fails. A pointer result of 0 decodes as {@code null}.
 *
 * @param <R> what a call returns
 */
public final class GuestFunction<R> {

    /** Turns the raw results into the declared Java result, freeing what the guest handed over. */
    @FunctionalInterface
    private interface ResultDecoder<R> {
        R decode(Object[] results, GuestFunction<R> function);
    }

    private final ExportedFunction function;
    private final GuestMemory guest;
    private final boolean cStrings;
    private final boolean freeResult;
    private final ResultDecoder<R> decoder;

    private GuestFunction(Builder builder, ResultDecoder<R> decoder) {
        this.function = builder.function;
        this.guest = builder.guest;
        this.cStrings = builder.cStrings;
        this.freeResult = builder.freeResult;
        this.decoder = decoder;
    }

    /** Starts declaring how to call the export {@code name} of {@code instance}. */
    public static Builder of(Instance instance, String name) {
        if (instance == null) {
            throw new WasmException("GuestFunction.of: no instance given");
        }
        return new Builder(instance.function(name));
    }

    /** Starts declaring how to call {@code function}. */
    public static Builder of(ExportedFunction function) {
        if (function == null) {
            throw new WasmException("GuestFunction.of: no function given");
        }
        return new Builder(function);
    }

    /** The export this calls. */
    public ExportedFunction function() {
        return function;
    }

    /**
     * Calls the export: strings and byte arrays are copied into the guest, the result decoded.
     *
     * @throws io.wasmspring.engine.Trap when the code traps (argument blocks are freed first)
     * @throws WasmException             when the arguments do not fit the export's parameters
     */
    public R call(Object... args) {
        Object[] actual = args != null ? args : new Object[] {null};
        List<GuestBuffer> blocks = new ArrayList<>();
        Throwable failure = null;
        try {
            List<Object> values = new ArrayList<>(actual.length + 2);
            for (Object arg : actual) {
                if (arg instanceof String s) {
                    GuestBuffer block = cStrings ? memory().writeCString(s) : memory().writeString(s);
                    blocks.add(block);
                    values.add(block.pointer());
                    if (!cStrings) {
                        values.add(block.length());
                    }
                } else if (arg instanceof byte[] bytes) {
                    GuestBuffer block = memory().writeBytes(bytes);
                    blocks.add(block);
                    values.add(block.pointer());
                    values.add(block.length());
                } else {
                    values.add(arg);
                }
            }
            int expected = function.type().params().size();
            if (values.size() != expected) {
                throw new WasmException("function \"" + function.name() + "\" " + function.type() + " takes " + expected
                        + " wasm argument(s), but the " + actual.length + " given make " + values.size()
                        + " (each " + (cStrings ? "byte[] is a (pointer, length) pair and each String a pointer"
                                : "String or byte[] is a (pointer, length) pair") + ")");
            }
            return decoder.decode(function.call(values.toArray()), this);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            freeAll(blocks, failure);
        }
    }

    private GuestMemory memory() {
        if (guest == null) {
            throw new WasmException("function \"" + function.name() + "\" was given a string or byte array, but its instance has no memory");
        }
        return guest;
    }

    /** Frees the argument blocks; a failure to free is added to the call's own failure rather than hiding it. */
    private static void freeAll(List<GuestBuffer> blocks, Throwable failure) {
        RuntimeException freeFailure = null;
        for (GuestBuffer block : blocks) {
            try {
                block.close();
            } catch (RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (freeFailure == null) {
                    freeFailure = e;
                } else {
                    freeFailure.addSuppressed(e);
                }
            }
        }
        if (freeFailure != null) {
            throw freeFailure;
        }
    }

    // ---- result decoding ----

    private String pointerString(int pointer, int length) {
        if (pointer == 0) {
            return null;
        }
        String value = guest.readString(pointer, length);
        release(pointer, length);
        return value;
    }

    private byte[] pointerBytes(int pointer, int length) {
        if (pointer == 0) {
            return null;
        }
        byte[] value = guest.readBytes(pointer, length);
        release(pointer, length);
        return value;
    }

    private String cString(int pointer) {
        if (pointer == 0) {
            return null;
        }
        String value = guest.readCString(pointer);
        release(pointer, value.getBytes(StandardCharsets.UTF_8).length + 1);
        return value;
    }

    private void release(int pointer, int size) {
        if (freeResult) {
            guest.free(pointer, size);
        }
    }

    @Override
    public String toString() {
        return "GuestFunction " + function;
    }

    /**
     * Declares how a {@link GuestFunction} passes strings and bytes and decodes its result; each
     * {@code returns...} method checks the export's result types and finishes the declaration.
     */
    public static final class Builder {

        private static final List<ValueType> I32 = List.of(ValueType.I32);
        private static final List<ValueType> I64 = List.of(ValueType.I64);
        private static final List<ValueType> I32_PAIR = List.of(ValueType.I32, ValueType.I32);

        private final ExportedFunction function;
        private GuestMemory guest;
        private GuestAllocator allocator;
        private boolean cStrings;
        private boolean stringsDeclared;
        private boolean freeResult = true;

        private Builder(ExportedFunction function) {
            this.function = function;
        }

        /** Allocate through {@code allocator} instead of the allocator the instance exports. */
        public Builder allocator(GuestAllocator allocator) {
            this.allocator = allocator;
            return this;
        }

        /** Allocate through the exports {@code allocate} and {@code free} ({@link GuestAllocator#of(Instance, String, String)}). */
        public Builder allocator(String allocate, String free) {
            this.allocator = GuestAllocator.of(function.instance(), allocate, free);
            return this;
        }

        /** Strings (UTF-8) and byte arrays go in as {@code (pointer, length)} pairs; the default, declared. */
        public Builder stringArgs() {
            this.cStrings = false;
            this.stringsDeclared = true;
            return this;
        }

        /** Strings go in as one pointer to NUL-terminated UTF-8; byte arrays stay {@code (pointer, length)}. */
        public Builder cStringArgs() {
            this.cStrings = true;
            this.stringsDeclared = true;
            return this;
        }

        /** Do not free a pointer result: it points at memory the guest keeps (a static string, say). */
        public Builder keepResult() {
            this.freeResult = false;
            return this;
        }

        /** The result is an i64 {@code pointer << 32 | length} to UTF-8. */
        public GuestFunction<String> returnsPackedString() {
            return pointerResult(I64, "returnsPackedString()", (r, f) -> {
                long packed = (Long) r[0];
                return f.pointerString(GuestMemory.packedPointer(packed), GuestMemory.packedLength(packed));
            });
        }

        /** The result is an i64 {@code pointer << 32 | length} to bytes. */
        public GuestFunction<byte[]> returnsPackedBytes() {
            return pointerResult(I64, "returnsPackedBytes()", (r, f) -> {
                long packed = (Long) r[0];
                return f.pointerBytes(GuestMemory.packedPointer(packed), GuestMemory.packedLength(packed));
            });
        }

        /** The results are two i32s, {@code (pointer, length)} of UTF-8. */
        public GuestFunction<String> returnsPointerLengthString() {
            return pointerResult(I32_PAIR, "returnsPointerLengthString()", (r, f) -> f.pointerString((Integer) r[0], (Integer) r[1]));
        }

        /** The results are two i32s, {@code (pointer, length)} of bytes. */
        public GuestFunction<byte[]> returnsPointerLengthBytes() {
            return pointerResult(I32_PAIR, "returnsPointerLengthBytes()", (r, f) -> f.pointerBytes((Integer) r[0], (Integer) r[1]));
        }

        /** The result is an i32 pointer to NUL-terminated UTF-8. */
        public GuestFunction<String> returnsCString() {
            return pointerResult(I32, "returnsCString()", (r, f) -> f.cString((Integer) r[0]));
        }

        public GuestFunction<Integer> returnsInt() {
            return plain(I32, "returnsInt()", (r, f) -> (Integer) r[0]);
        }

        public GuestFunction<Long> returnsLong() {
            return plain(I64, "returnsLong()", (r, f) -> (Long) r[0]);
        }

        public GuestFunction<Float> returnsFloat() {
            return plain(List.of(ValueType.F32), "returnsFloat()", (r, f) -> (Float) r[0]);
        }

        public GuestFunction<Double> returnsDouble() {
            return plain(List.of(ValueType.F64), "returnsDouble()", (r, f) -> (Double) r[0]);
        }

        /** No result. */
        public GuestFunction<Void> returnsVoid() {
            return plain(List.of(), "returnsVoid()", (r, f) -> null);
        }

        /** The results as {@link ExportedFunction#call} gives them, whatever their types. */
        public GuestFunction<Object[]> returnsValues() {
            return finish(null, "returnsValues()", (r, f) -> r, false);
        }

        private <R> GuestFunction<R> pointerResult(List<ValueType> results, String method, ResultDecoder<R> decoder) {
            return finish(results, method, decoder, true);
        }

        private <R> GuestFunction<R> plain(List<ValueType> results, String method, ResultDecoder<R> decoder) {
            return finish(results, method, decoder, false);
        }

        private <R> GuestFunction<R> finish(List<ValueType> results, String method, ResultDecoder<R> decoder, boolean pointerResult) {
            FunctionType type = function.type();
            if (results != null && !type.results().equals(results)) {
                throw new WasmException("function \"" + function.name() + "\" has type " + type + ", but " + method
                        + " needs (result " + String.join(" ", results.stream().map(ValueType::toString).toList()) + ")");
            }
            Instance instance = function.instance();
            if (instance.memory() != null) {
                guest = GuestMemory.of(instance, allocator);
            } else if (pointerResult || stringsDeclared) {
                throw new WasmException("function \"" + function.name() + "\" passes strings or bytes, but its instance has no memory");
            }
            // Fail now, not on the first call, when the declaration needs an allocator the module lacks.
            if (stringsDeclared || (pointerResult && freeResult)) {
                guest.allocator();
            }
            return new GuestFunction<>(this, decoder);
        }
    }
}
