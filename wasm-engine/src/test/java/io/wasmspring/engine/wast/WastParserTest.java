package io.wasmspring.engine.wast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class WastParserTest {

    @Test
    void textModulesKeepTheirSourceAndLine() {
        List<Command> commands = WastParser.parse(";; header\n(module $m\n  (func (export \"f\")))\n(register \"lib\" $m)");
        assertThat(commands).hasSize(2);
        Command.Module module = (Command.Module) commands.get(0);
        assertThat(module.line()).isEqualTo(2);
        assertThat(module.module().kind()).isEqualTo(ModuleDefinition.Kind.TEXT);
        assertThat(module.module().name()).isEqualTo("$m");
        assertThat(module.module().text()).isEqualTo("(module $m\n  (func (export \"f\")))");
        assertThat(commands.get(1)).isEqualTo(new Command.Register(4, "lib", "$m"));
    }

    @Test
    void binaryAndQuotedModules() {
        List<Command> commands = WastParser.parse("(module binary \"\\00asm\" \"\\01\\00\\00\\00\")\n"
                + "(assert_malformed (module quote \"(func\" \")\") \"unexpected token\")");
        ModuleDefinition binary = ((Command.Module) commands.get(0)).module();
        assertThat(binary.kind()).isEqualTo(ModuleDefinition.Kind.BINARY);
        assertThat(binary.bytes()).containsExactly(0, 'a', 's', 'm', 1, 0, 0, 0);
        Command.AssertMalformed malformed = (Command.AssertMalformed) commands.get(1);
        assertThat(malformed.module().kind()).isEqualTo(ModuleDefinition.Kind.QUOTE);
        assertThat(malformed.module().text()).isEqualTo("(func)");
        assertThat(malformed.message()).isEqualTo("unexpected token");
        assertThat(malformed.line()).isEqualTo(2);
    }

    @Test
    void assertReturnWithNumbersAndNanPatterns() {
        Command.AssertReturn c = (Command.AssertReturn) WastParser.parse(
                "(assert_return (invoke $m \"f\" (i32.const -1) (f32.const -0) (i64.const 0xffff_ffff_ffff_ffff))"
                        + " (f64.const nan:canonical) (f32.const nan:arithmetic) (f64.const 1.5))").get(0);
        Action.Invoke invoke = (Action.Invoke) c.action();
        assertThat(invoke.moduleName()).isEqualTo("$m");
        assertThat(invoke.function()).isEqualTo("f");
        assertThat(invoke.args()).containsExactly(
                new Value.Number(ValueType.I32, 0xFFFF_FFFFL),
                new Value.Number(ValueType.F32, 0x8000_0000L),
                new Value.Number(ValueType.I64, -1L));
        assertThat(c.expected()).containsExactly(
                new Expected.Nan(ValueType.F64, true),
                new Expected.Nan(ValueType.F32, false),
                new Expected.Exact(new Value.Number(ValueType.F64, Double.doubleToRawLongBits(1.5))));
    }

    @Test
    void referencesAndEither() {
        Command.AssertReturn c = (Command.AssertReturn) WastParser.parse(
                "(assert_return (invoke \"r\" (ref.null extern) (ref.extern 7)) (ref.null func) (ref.func) (ref.extern)"
                        + " (ref.extern 7) (either (i32.const 1) (i32.const 2)))").get(0);
        assertThat(((Action.Invoke) c.action()).args())
                .containsExactly(new Value.RefNull(ValueType.EXTERNREF), new Value.RefExtern(7));
        assertThat(c.expected()).containsExactly(
                new Expected.Exact(new Value.RefNull(ValueType.FUNCREF)),
                new Expected.AnyRefFunc(),
                new Expected.AnyRefExtern(),
                new Expected.Exact(new Value.RefExtern(7)),
                new Expected.Either(List.of(
                        new Expected.Exact(new Value.Number(ValueType.I32, 1)),
                        new Expected.Exact(new Value.Number(ValueType.I32, 2)))));
    }

    @Test
    void v128ConstantsAndLanePatterns() {
        Command.AssertReturn c = (Command.AssertReturn) WastParser.parse(
                "(assert_return (invoke \"v\" (v128.const i32x4 1 2 3 -1)) (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 255)"
                        + " (v128.const f32x4 nan:canonical 1.0 0 -0))").get(0);
        assertThat(((Action.Invoke) c.action()).args())
                .containsExactly(new Value.V128(0x0000_0002_0000_0001L, 0xFFFF_FFFF_0000_0003L));
        assertThat(c.expected().get(0)).isEqualTo(new Expected.Exact(new Value.V128(0x0706_0504_0302_0100L, 0xFF0E_0D0C_0B0A_0908L)));
        Expected.V128Lanes lanes = (Expected.V128Lanes) c.expected().get(1);
        assertThat(lanes.shape()).isEqualTo("f32x4");
        assertThat(lanes.lanes()).containsExactly(
                new Expected.Nan(ValueType.F32, true),
                new Expected.Exact(new Value.Number(ValueType.F32, 0x3F80_0000L)),
                new Expected.Exact(new Value.Number(ValueType.F32, 0)),
                new Expected.Exact(new Value.Number(ValueType.F32, 0x8000_0000L)));
    }

    @Test
    void everyAssertionKind() {
        List<Command> commands = WastParser.parse(String.join("\n",
                "(assert_trap (invoke \"t\") \"unreachable\")",
                "(assert_trap (module (start 0)) \"out of bounds\")",
                "(assert_exhaustion (invoke \"e\") \"call stack exhausted\")",
                "(assert_invalid (module (func (result i32))) \"type mismatch\")",
                "(assert_unlinkable (module (import \"a\" \"b\" (func))) \"unknown import\")",
                "(assert_uninstantiable (module) \"x\")",
                "(invoke \"go\")",
                "(get \"g\")",
                "(func)"));
        assertThat(commands.get(0)).isEqualTo(new Command.AssertTrap(1, new Action.Invoke(null, "t", List.of()), "unreachable"));
        assertThat(commands.get(1)).isInstanceOf(Command.AssertUninstantiable.class);
        assertThat(commands.get(2)).isEqualTo(new Command.AssertExhaustion(3, new Action.Invoke(null, "e", List.of()), "call stack exhausted"));
        assertThat(((Command.AssertInvalid) commands.get(3)).module().text()).isEqualTo("(module (func (result i32)))");
        assertThat(((Command.AssertUnlinkable) commands.get(4)).message()).isEqualTo("unknown import");
        assertThat(((Command.AssertUninstantiable) commands.get(5)).line()).isEqualTo(6);
        assertThat(commands.get(6)).isEqualTo(new Command.Perform(7, new Action.Invoke(null, "go", List.of())));
        assertThat(commands.get(7)).isEqualTo(new Command.Perform(8, new Action.Get(null, "g")));
        assertThat(((Command.Module) commands.get(8)).module().text()).isEqualTo("(func)");
    }

    @Test
    void malformedScriptsReportTheirPosition() {
        assertThatThrownBy(() -> WastParser.parse("(module)\n  (assert_return (invoke \"f\" (i32.const 1x)))"))
                .isInstanceOf(MalformedModuleException.class).hasMessageContaining("2:41");
        assertThatThrownBy(() -> WastParser.parse("(frobnicate)")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> WastParser.parse("(assert_return (invoke \"f\")")).hasMessageContaining("1:1");
        assertThatThrownBy(() -> WastParser.parse("(assert_return (invoke \"v\") (v128.const i32x4 1 2 3))"))
                .hasMessageContaining("wrong number of lane literals");
    }
}
