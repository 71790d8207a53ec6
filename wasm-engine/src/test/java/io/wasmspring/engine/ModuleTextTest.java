package io.wasmspring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.text.WatParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public API end to end, on modules written in the text format. */
class ModuleTextTest {

    private static final String ADD = """
            (module
              (func (export "add") (param i32 i32) (result i32)
                local.get 0
                local.get 1
                i32.add))
            """;

    private static final FunctionType I32_TO_VOID = FunctionType.of(List.of(ValueType.I32), List.of());

    @Test
    void addOfTwentyAndTwentyTwoIsFortyTwo() {
        Instance instance = Module.parseText(ADD).instantiate();
        assertThat(instance.function("add").call(20, 22)).containsExactly(42);
        assertThat(instance.function("add").callRaw(20, 22)).containsExactly(42L);
    }

    @Test
    void oneModuleManyIndependentInstances() throws Exception {
        Module module = Module.parseText("""
                (module
                  (global $n (mut i32) (i32.const 0))
                  (func (export "next") (result i32)
                    (global.set $n (i32.add (global.get $n) (i32.const 1)))
                    (global.get $n)))
                """);
        Instance first = module.instantiate();
        Instance second = module.instantiate();
        first.function("next").call();
        first.function("next").call();
        assertThat(first.function("next").call()).containsExactly(3);
        assertThat(second.function("next").call()).containsExactly(1);

        List<Thread> threads = new ArrayList<>();
        List<Object> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                Instance own = module.instantiate();
                for (int i = 0; i < 999; i++) {
                    own.function("next").call();
                }
                results.add(own.function("next").call()[0]);
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).containsExactly(1000, 1000, 1000, 1000);
    }

    @Test
    void hostFunctionReceivesArgumentsAndTheCallersMemory() {
        List<String> printed = new ArrayList<>();
        FunctionType print = FunctionType.of(List.of(ValueType.I32, ValueType.I32), List.of());
        Imports imports = Imports.builder()
                .function("env", "print", print, (caller, args) -> {
                    byte[] bytes = caller.memory().readBytes((int) args[0], (int) args[1]);
                    printed.add(new String(bytes, StandardCharsets.UTF_8));
                    return null;
                })
                .build();
        Instance instance = Module.parseText("""
                (module
                  (import "env" "print" (func $print (param i32 i32)))
                  (memory 1)
                  (data (i32.const 16) "Hello, wasm")
                  (func (export "hello") (call $print (i32.const 16) (i32.const 11))))
                """).instantiate(imports);
        instance.function("hello").call();
        assertThat(printed).containsExactly("Hello, wasm");
    }

    @Test
    void hostFunctionResultFlowsBackIntoWasm() {
        FunctionType twice = FunctionType.of(List.of(ValueType.I64), List.of(ValueType.I64));
        Imports imports = Imports.builder().function("env", "twice", twice, (caller, args) -> new long[] {args[0] * 2}).build();
        Instance instance = Module.parseText("""
                (module
                  (import "env" "twice" (func $twice (param i64) (result i64)))
                  (func (export "quadruple") (param i64) (result i64)
                    (call $twice (call $twice (local.get 0)))))
                """).instantiate(imports);
        assertThat(instance.function("quadruple").call(5L)).containsExactly(20L);
    }

    @Test
    void functionsMemoryAndGlobalsOfAnotherInstanceAreImportable() {
        Instance library = Module.parseText("""
                (module
                  (memory (export "memory") 1)
                  (global (export "base") i32 (i32.const 100))
                  (func (export "square") (param i32) (result i32)
                    (i32.mul (local.get 0) (local.get 0))))
                """).instantiate();
        Instance user = Module.parseText("""
                (module
                  (import "lib" "square" (func $square (param i32) (result i32)))
                  (import "lib" "memory" (memory 1))
                  (import "lib" "base" (global $base i32))
                  (func (export "store_square") (param i32)
                    (i32.store (global.get $base) (call $square (local.get 0)))))
                """).instantiate(Imports.builder().instance("lib", library).build());
        user.function("store_square").call(12);
        assertThat(library.memory("memory").readInt(100)).isEqualTo(144);
        assertThat(user.memory()).isSameAs(library.memory());
    }

    @Test
    void startFunctionRunsAtInstantiation() {
        Instance instance = Module.parseText("""
                (module
                  (global $ready (export "ready") (mut i32) (i32.const 0))
                  (func $init (global.set $ready (i32.const 1)))
                  (start $init))
                """).instantiate();
        assertThat(instance.global("ready").getInt()).isEqualTo(1);
    }

    @Test
    void trappingStartFunctionFailsInstantiation() {
        Module module = Module.parseText("(module (func $boom unreachable) (start $boom))");
        assertThatThrownBy(module::instantiate).isInstanceOf(Trap.class).hasMessageContaining(Trap.UNREACHABLE);
    }

    @Test
    void elementSegmentsFillTablesForCallIndirect() {
        Instance instance = Module.parseText("""
                (module
                  (type $op (func (param i32 i32) (result i32)))
                  (table 2 funcref)
                  (elem (i32.const 0) $add $sub)
                  (func $add (type $op) (i32.add (local.get 0) (local.get 1)))
                  (func $sub (type $op) (i32.sub (local.get 0) (local.get 1)))
                  (func (export "apply") (param i32 i32 i32) (result i32)
                    (call_indirect (type $op) (local.get 1) (local.get 2) (local.get 0))))
                """).instantiate();
        assertThat(instance.function("apply").call(0, 7, 5)).containsExactly(12);
        assertThat(instance.function("apply").call(1, 7, 5)).containsExactly(2);
    }

    @Test
    void dataSegmentsAreInMemoryBeforeAnyCall() {
        Instance instance = Module.parseText("""
                (module (memory (export "memory") 1) (data (i32.const 3) "\\01\\02\\03\\04"))
                """).instantiate();
        assertThat(instance.memory().readInt(3)).isEqualTo(0x04030201);
    }

    @Test
    void outOfBoundsDataSegmentTrapsAfterEarlierSegmentsWereWritten() {
        Memory shared = new Memory(new MemoryType(Limits.of(1)));
        Module module = Module.parseText("""
                (module
                  (import "env" "memory" (memory 1))
                  (data (i32.const 0) "first")
                  (data (i32.const 65535) "too long"))
                """);
        assertThatThrownBy(() -> module.instantiate(Imports.builder().memory("env", "memory", shared).build()))
                .isInstanceOf(Trap.class)
                .hasMessageStartingWith(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThat(new String(shared.readBytes(0, 5), StandardCharsets.UTF_8)).isEqualTo("first");
    }

    @Test
    void outOfBoundsElementSegmentTraps() {
        Module module = Module.parseText("(module (table 1 funcref) (func $f) (elem (i32.const 1) $f))");
        assertThatThrownBy(module::instantiate).isInstanceOf(Trap.class).hasMessageStartingWith(Trap.OUT_OF_BOUNDS_TABLE);
    }

    @Test
    void linkErrorsNameTheImportAndItsType() {
        Module module = Module.parseText("(module (import \"env\" \"log\" (func (param i32))))");
        assertThatThrownBy(module::instantiate)
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("unknown import \"env\".\"log\"")
                .hasMessageContaining("(func (param i32))");
        Imports wrong = Imports.builder()
                .function("env", "log", FunctionType.of(List.of(ValueType.I64), List.of()), (c, a) -> null)
                .build();
        assertThatThrownBy(() -> module.instantiate(wrong))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("incompatible import type")
                .hasMessageContaining("expected (func (param i32)), got (func (param i64))");
        assertThat(module.instantiate(Imports.builder().function("env", "log", I32_TO_VOID, (c, a) -> null).build()))
                .isNotNull();
    }

    @Test
    void importsAndExportsAreDescribed() {
        Module module = Module.parseText("""
                (module
                  (import "env" "log" (func (param i32)))
                  (import "env" "table" (table 1 10 funcref))
                  (memory (export "memory") 1 2)
                  (global (export "g") (mut f64) (f64.const 0))
                  (func (export "f") (result i64) (i64.const 1)))
                """);
        assertThat(module.imports()).containsExactly(
                new ImportType("env", "log", I32_TO_VOID),
                new ImportType("env", "table", new TableType(ValueType.FUNCREF, new Limits(1, 10))));
        assertThat(module.exports()).containsExactly(
                new ExportType("memory", new MemoryType(new Limits(1, 2))),
                new ExportType("g", new GlobalType(ValueType.F64, true)),
                new ExportType("f", FunctionType.of(List.of(), List.of(ValueType.I64))));
    }

    @Test
    void readSniffsBinaryAndText(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("add.wat");
        Files.writeString(text, ADD);
        Path binary = dir.resolve("add.wasm");
        Files.write(binary, WatParser.parseModule(ADD));
        assertThat(Module.read(text).instantiate().function("add").call(1, 2)).containsExactly(3);
        assertThat(Module.read(binary).instantiate().function("add").call(3, 4)).containsExactly(7);
        assertThatThrownBy(() -> Module.read(dir.resolve("missing.wasm")))
                .isInstanceOf(WasmException.class)
                .hasMessageContaining("cannot read module file");
    }

    @Test
    void malformedBinaryAndTextAreReportedAsSuch() {
        assertThatThrownBy(() -> Module.decode(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}))
                .isInstanceOf(MalformedModuleException.class);
        assertThatThrownBy(() -> Module.decode(null)).isInstanceOf(MalformedModuleException.class);
        assertThatThrownBy(() -> Module.parseText("(module (func (export \"f\") (i32.const"))
                .isInstanceOf(MalformedModuleException.class);
    }

    @Test
    void invalidModuleIsReportedAsSuch() {
        assertThatThrownBy(() -> Module.parseText("(module (func (result i32) (i64.const 1)))"))
                .isInstanceOf(InvalidModuleException.class);
    }

    @Test
    void trapsInCallsComeBackAsTraps() {
        Instance instance = Module.parseText("""
                (module (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
                """).instantiate();
        assertThatThrownBy(() -> instance.function("div").call(1, 0))
                .isInstanceOf(Trap.class)
                .hasMessageContaining(Trap.INTEGER_DIVIDE_BY_ZERO);
        assertThat(instance.function("div").call(9, 3)).containsExactly(3);
    }

    @Test
    void referencesRoundTripThroughCall() {
        Instance instance = Module.parseText("""
                (module
                  (table $t 1 externref)
                  (func (export "keep") (param externref) (table.set $t (i32.const 0) (local.get 0)))
                  (func (export "get") (result externref) (table.get $t (i32.const 0)))
                  (func $f)
                  (elem declare func $f)
                  (func (export "fref") (result funcref) (ref.func $f)))
                """).instantiate();
        Object token = new Object();
        instance.function("keep").call(token);
        assertThat(instance.function("get").call()[0]).isSameAs(token);
        assertThat(instance.function("fref").call()[0]).isNotNull();
    }

    @Test
    void referencesCrossInstancesThatShareAStore() {
        Instance a = Module.parseText("""
                (module (func (export "id") (param externref) (result externref) (local.get 0)))
                """).instantiate();
        Module callerModule = Module.parseText("""
                (module
                  (import "a" "id" (func $id (param externref) (result externref)))
                  (func (export "via") (param externref) (result externref) (call $id (local.get 0))))
                """);
        Object token = new Object();
        Instance direct = callerModule.instantiate(Imports.builder().function("a", "id", a.function("id")).build());
        assertThat(direct.function("via").call(token)[0]).isSameAs(token);
        Instance registered = callerModule.instantiate(Imports.builder().instance("a", a).build());
        assertThat(registered.function("via").call(token)[0]).isSameAs(token);
    }

    @Test
    void hostFunctionsTranslateReferenceHandlesThroughTheCaller() {
        FunctionType wrap = FunctionType.of(List.of(ValueType.I32), List.of(ValueType.EXTERNREF));
        Imports imports = Imports.builder()
                .function("env", "box", wrap, (caller, args) -> new long[] {caller.handle("boxed " + (int) args[0])})
                .build();
        Instance instance = Module.parseText("""
                (module
                  (import "env" "box" (func $box (param i32) (result externref)))
                  (func (export "make") (param i32) (result externref) (call $box (local.get 0))))
                """).instantiate(imports);
        assertThat(instance.function("make").call(7)).containsExactly("boxed 7");
    }
}
