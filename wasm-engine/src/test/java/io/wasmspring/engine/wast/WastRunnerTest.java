package io.wasmspring.engine.wast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WastRunnerTest {

    private static final String MODULE = """
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func $rec (export "rec") (call $rec))
              (func (export "nan") (result f32) (f32.const nan))
              (func (export "nan64") (result f64) (f64.add (f64.const nan) (f64.const 1)))
              (func (export "echo") (param externref) (result externref) (local.get 0))
              (func (export "null") (result funcref) (ref.null func))
              (func (export "self") (result funcref) (ref.func $rec))
              (global (export "seven") i32 (i32.const 7))
            )
            """;

    private static ScriptResult run(String script) {
        return new WastRunner().run(script);
    }

    @Test
    void scriptThatHoldsPassesEveryCommand() {
        ScriptResult result = run(MODULE + """
                (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
                (assert_return (invoke "add" (i32.const -1) (i32.const 0)) (i32.const 0xffffffff))
                (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
                (assert_exhaustion (invoke "rec") "call stack exhausted")
                (assert_return (invoke "nan") (f32.const nan:canonical))
                (assert_return (invoke "nan64") (f64.const nan:arithmetic))
                (assert_return (invoke "echo" (ref.extern 5)) (ref.extern 5))
                (assert_return (invoke "echo" (ref.null extern)) (ref.null extern))
                (assert_return (invoke "null") (ref.null func))
                (assert_return (invoke "self") (ref.func))
                (assert_return (get "seven") (i32.const 7))
                (invoke "add" (i32.const 0) (i32.const 0))
                """);
        assertThat(result.failures()).isEmpty();
        assertThat(result.total()).isEqualTo(13);
        assertThat(result.passed()).isEqualTo(13);
    }

    @Test
    void wrongResultIsReportedWithLineAndBothValues() {
        ScriptResult result = run(MODULE + "(assert_return (invoke \"add\" (i32.const 1) (i32.const 2)) (i32.const 4))\n");
        assertThat(result.failed()).isEqualTo(1);
        CommandResult failure = result.failures().get(0);
        assertThat(failure.line()).isEqualTo(12);
        assertThat(failure.kind()).isEqualTo("assert_return");
        assertThat(failure.toString()).isEqualTo("line 12: assert_return expected i32:4 got i32:3");
    }

    @Test
    void nanWithPayloadIsNotCanonical() {
        ScriptResult result = run("""
                (module (func (export "f") (result f32) (f32.const nan:0x200000)))
                (assert_return (invoke "f") (f32.const nan:canonical))
                (assert_return (invoke "f") (f32.const nan:arithmetic))
                (assert_return (invoke "f") (f32.const nan:0x200000))
                """);
        assertThat(result.failures()).extracting(CommandResult::line).containsExactly(2, 3);
    }

    @Test
    void trapsAreCheckedForOccurrenceAndWording() {
        ScriptResult result = run(MODULE + """
                (assert_trap (invoke "div" (i32.const 4) (i32.const 2)) "integer divide by zero")
                (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer overflow")
                (assert_return (invoke "div" (i32.const 1) (i32.const 0)) (i32.const 0))
                """);
        assertThat(result.failures()).extracting(CommandResult::reason).containsExactly(
                "expected trap \"integer divide by zero\" got i32:2",
                "expected trap \"integer overflow\" got trap \"integer divide by zero\"",
                "expected i32:0 got trap \"integer divide by zero\"");
    }

    @Test
    void malformedAndInvalidModulesAreRecognised() {
        ScriptResult result = run("""
                (assert_malformed (module quote "(func (i32.const 1 2 3" ) "unexpected end")
                (assert_malformed (module binary "\\00asm\\02\\00\\00\\00") "unknown binary version")
                (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
                (assert_invalid (module (func (result i32) (i32.const 0))) "type mismatch")
                (assert_malformed (module (func (result i32) (i64.const 0))) "type mismatch")
                """);
        assertThat(result.failures()).extracting(CommandResult::line).containsExactly(4, 5);
        assertThat(result.failures().get(0).reason()).contains("but the module compiled");
        assertThat(result.failures().get(1).reason()).contains("expected malformed").contains("InvalidModuleException");
    }

    @Test
    void spectestModuleAndRegisteredInstancesCanBeImported() {
        ScriptResult result = run("""
                (module $A
                  (import "spectest" "print_i32" (func $print (param i32)))
                  (import "spectest" "global_i32" (global $g i32))
                  (import "spectest" "memory" (memory 1))
                  (import "spectest" "table" (table 10 funcref))
                  (func (export "g") (result i32) (call $print (global.get $g)) (global.get $g)))
                (register "a" $A)
                (module $B
                  (import "a" "g" (func $g (result i32)))
                  (func (export "twice") (result i32) (i32.add (call $g) (call $g))))
                (assert_return (invoke $B "twice") (i32.const 1332))
                (assert_return (invoke $A "g") (i32.const 666))
                (assert_unlinkable (module (import "a" "missing" (func))) "unknown import")
                (assert_unlinkable (module (import "spectest" "print_i32" (func))) "incompatible import type")
                (assert_unlinkable (module (func (export "f"))) "unknown import")
                """);
        assertThat(result.failures()).extracting(CommandResult::line).containsExactly(15);
        assertThat(result.failures().get(0).reason()).isEqualTo("expected link error \"unknown import\" but the module instantiated");
        assertThat(result.total()).isEqualTo(8);
    }

    @Test
    void spectestPrintsWhenVerbose() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ScriptResult result = new WastRunner(new PrintStream(printed, true, StandardCharsets.UTF_8)).run("""
                (module (import "spectest" "print_i32" (func $p (param i32))) (func (export "f") (call $p (i32.const 42))))
                (invoke "f")
                """);
        assertThat(result.allPassed()).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("print_i32: i32:42");
    }

    @Test
    void trapDuringInstantiationIsUninstantiable() {
        ScriptResult result = run("""
                (assert_trap (module (func $start unreachable) (start $start)) "unreachable")
                (assert_trap (module (memory 1) (data (i32.const 70000) "x")) "out of bounds memory access")
                (assert_trap (module (func)) "unreachable")
                """);
        assertThat(result.failures()).extracting(CommandResult::line).containsExactly(3);
        assertThat(result.failures().get(0).reason()).contains("but the module instantiated");
    }

    @Test
    void aModuleThatFailsMakesTheCommandsUsingItFail() {
        ScriptResult result = run("""
                (module (func (export "f") (result i32) (i64.const 0)))
                (assert_return (invoke "f") (i32.const 0))
                (module $ok (func (export "f") (result i32) (i32.const 1)))
                (assert_return (invoke "f") (i32.const 1))
                """);
        assertThat(result.failures()).extracting(CommandResult::line).containsExactly(1, 2);
        assertThat(result.failures().get(0).reason()).startsWith("failed: InvalidModuleException");
        assertThat(result.failures().get(1).reason()).contains("module at line 1 is not available");
    }

    @Test
    void unexpectedErrorsFailOnlyTheirCommand() {
        ScriptResult result = run(MODULE + """
                (assert_return (invoke "nope") (i32.const 0))
                (assert_return (invoke "add" (i32.const 1)) (i32.const 1))
                (assert_return (invoke $nobody "add" (i32.const 1) (i32.const 1)) (i32.const 2))
                (assert_return (invoke "add" (i32.const 1) (i32.const 1)) (i32.const 2))
                """);
        assertThat(result.failures()).extracting(CommandResult::line).containsExactly(12, 13, 14);
        assertThat(result.failures().get(0).reason()).startsWith("unexpected ");
        assertThat(result.failures().get(1).reason()).contains("passes 1 argument");
        assertThat(result.failures().get(2).reason()).contains("no module named");
    }

    @Test
    void commandsBeforeAnyModuleFail() {
        ScriptResult result = run("(assert_return (invoke \"f\") (i32.const 0))");
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("no module has been defined"));
    }

    @Test
    void aScriptThatCannotBeParsedIsOneFailure() {
        ScriptResult result = run("(module (func)) (assert_return (invoke \"f\"");
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.failures().get(0).kind()).isEqualTo("script");
        assertThat(result.failures().get(0).reason()).startsWith("could not be parsed");
    }

    @Test
    void eachRunStartsAfresh() {
        WastRunner runner = new WastRunner();
        assertThat(runner.run(MODULE + "(register \"m\")").allPassed()).isTrue();
        ScriptResult second = runner.run("(module (import \"m\" \"add\" (func (param i32 i32) (result i32))))");
        assertThat(second.failed()).isEqualTo(1);
    }
}
