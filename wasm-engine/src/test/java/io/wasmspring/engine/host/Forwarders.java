package io.wasmspring.engine.host;

import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.ValueType;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Test modules that import one host function and export {@code call}, which forwards its
 * arguments to the import and returns its results, so tests reach host functions the way wasm
 * code does. Each has an exported one-page {@code memory} holding {@code "hello"} at 16 and
 * {@code "héllo 👋"} (UTF-8) at 32.
 */
final class Forwarders {

    static final int HELLO = 16;
    static final int UNICODE = 32;
    static final String UNICODE_TEXT = "héllo 👋";

    private Forwarders() {
    }

    /** An instance whose {@code call} forwards to {@code module.function}. */
    static Instance forwardTo(HostModule host, String function) {
        HostFunctionDefinition definition = host.function(function);
        return Module.parseText(wat(host.name(), function, definition.type()))
                .instantiate(Imports.builder().module(host).build());
    }

    static String wat(String module, String name, FunctionType type) {
        String signature = params(type) + results(type);
        String forwards = IntStream.range(0, type.params().size()).mapToObj(i -> "local.get " + i)
                .collect(Collectors.joining(" "));
        return "(module\n"
                + "  (import \"" + module + "\" \"" + name + "\" (func $f " + signature + "))\n"
                + "  (memory (export \"memory\") 1)\n"
                + "  (data (i32.const " + HELLO + ") \"hello\")\n"
                + "  (data (i32.const " + UNICODE + ") \"h\\c3\\a9llo \\f0\\9f\\91\\8b\")\n"
                + "  (func (export \"call\") " + signature + " " + forwards + " call $f))";
    }

    private static String params(FunctionType type) {
        return type.params().isEmpty() ? "" : "(param " + join(type.params()) + ")";
    }

    private static String results(FunctionType type) {
        return type.results().isEmpty() ? "" : " (result " + join(type.results()) + ")";
    }

    private static String join(java.util.List<ValueType> types) {
        return types.stream().map(ValueType::toString).collect(Collectors.joining(" "));
    }
}
