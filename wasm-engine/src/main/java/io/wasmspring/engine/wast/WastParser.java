package io.wasmspring.engine.wast;

import io.wasmspring.engine.ValueType;
import io.wasmspring.engine.text.Cursor;
import io.wasmspring.engine.text.NumberLiterals;
import io.wasmspring.engine.text.SExpr;
import io.wasmspring.engine.text.Token;
import io.wasmspring.engine.text.V128Literal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code .wast} script (the spec test suite's format) into {@link Command}s. Modules are
 * not parsed here: a text module keeps its source so that its errors belong to the command that
 * holds it. Malformed scripts raise {@link io.wasmspring.engine.MalformedModuleException} with
 * {@code line:column}.
 */
public final class WastParser {

    private static final java.util.Set<String> MODULE_FIELDS = java.util.Set.of(
            "type", "import", "func", "table", "memory", "global", "export", "start", "elem", "data");

    private final String script;

    private WastParser(String script) {
        this.script = script;
    }

    /** All commands of {@code script}, in order. */
    public static List<Command> parse(String script) {
        try {
            return parseCommands(script);
        } catch (StackOverflowError e) {
            throw new io.wasmspring.engine.MalformedModuleException("nesting too deep for the parser's stack (at 1:1)");
        }
    }

    private static List<Command> parseCommands(String script) {
        WastParser p = new WastParser(script);
        List<Command> commands = new ArrayList<>();
        List<SExpr> top = SExpr.parseAll(script);
        for (int i = 0; i < top.size(); i++) {
            if (!(top.get(i) instanceof SExpr.ListExpr l)) {
                throw top.get(i).error("unexpected token: expected a command");
            }
            if (MODULE_FIELDS.contains(l.head())) {
                // an inline module: consecutive module fields written without (module ...)
                int last = i;
                while (last + 1 < top.size() && top.get(last + 1) instanceof SExpr.ListExpr n
                        && MODULE_FIELDS.contains(n.head())) {
                    last++;
                }
                SExpr.ListExpr end = (SExpr.ListExpr) top.get(last);
                String source = script.substring(l.open().start(), end.close().end());
                commands.add(new Command.Module(l.open().line(),
                        new ModuleDefinition(ModuleDefinition.Kind.TEXT, null, source, null, l.open().line())));
                i = last;
                continue;
            }
            commands.add(p.command(l));
        }
        return commands;
    }

    private Command command(SExpr.ListExpr l) {
        int line = l.open().line();
        String head = l.head();
        if (head == null) {
            throw l.error("unexpected token: expected a command");
        }
        Cursor c = l.body();
        Command command = switch (head) {
            case "module" -> new Command.Module(line, module(l));
            case "register" -> {
                String as = c.nextName();
                yield new Command.Register(line, as, c.optionalId());
            }
            case "invoke", "get" -> new Command.Perform(line, action(l));
            case "assert_return" -> {
                Action action = action(c.nextList());
                List<Expected> expected = new ArrayList<>();
                while (!c.atEnd()) {
                    expected.add(expected(c.nextList()));
                }
                yield new Command.AssertReturn(line, action, expected);
            }
            case "assert_trap" -> {
                SExpr.ListExpr target = c.nextList();
                String message = c.nextName();
                yield target.is("module")
                        ? new Command.AssertUninstantiable(line, module(target), message)
                        : new Command.AssertTrap(line, action(target), message);
            }
            case "assert_exhaustion" -> new Command.AssertExhaustion(line, action(c.nextList()), c.nextName());
            case "assert_malformed" -> new Command.AssertMalformed(line, module(c.nextList("module")), c.nextName());
            case "assert_invalid" -> new Command.AssertInvalid(line, module(c.nextList("module")), c.nextName());
            case "assert_unlinkable" -> new Command.AssertUnlinkable(line, module(c.nextList("module")), c.nextName());
            case "assert_uninstantiable" ->
                    new Command.AssertUninstantiable(line, module(c.nextList("module")), c.nextName());
            default -> throw l.error("unknown command " + head);
        };
        if (!head.equals("module") && !head.equals("invoke") && !head.equals("get")) {
            c.expectEnd();
        }
        return command;
    }

    /** {@code (module $id? binary "..."*)}, {@code (module $id? quote "..."*)} or a text module. */
    private ModuleDefinition module(SExpr.ListExpr l) {
        if (!l.is("module")) {
            throw l.error("unexpected token: expected (module ...)");
        }
        Cursor c = l.body();
        String name = c.optionalId();
        int line = l.open().line();
        if (c.peekKeyword("binary")) {
            c.next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (!c.atEnd()) {
                bytes.writeBytes(c.nextString().bytes());
            }
            return new ModuleDefinition(ModuleDefinition.Kind.BINARY, name, null, bytes.toByteArray(), line);
        }
        if (c.peekKeyword("quote")) {
            c.next();
            StringBuilder text = new StringBuilder();
            // the text is the strings' concatenation, as the script format defines it
            while (!c.atEnd()) {
                text.append(new String(c.nextString().bytes(), StandardCharsets.UTF_8));
            }
            return new ModuleDefinition(ModuleDefinition.Kind.QUOTE, name, text.toString(), null, line);
        }
        String source = script.substring(l.open().start(), l.close().end());
        return new ModuleDefinition(ModuleDefinition.Kind.TEXT, name, source, null, line);
    }

    /** {@code (invoke $id? "name" const*)} or {@code (get $id? "name")}. */
    private static Action action(SExpr.ListExpr l) {
        Cursor c = l.body();
        if (l.is("invoke")) {
            String module = c.optionalId();
            String function = c.nextName();
            List<Value> args = new ArrayList<>();
            while (!c.atEnd()) {
                args.add(value(c.nextList()));
            }
            return new Action.Invoke(module, function, args);
        }
        if (l.is("get")) {
            String module = c.optionalId();
            String global = c.nextName();
            c.expectEnd();
            return new Action.Get(module, global);
        }
        throw l.error("unexpected token: expected (invoke ...) or (get ...)");
    }

    /** A constant argument or exact result. */
    private static Value value(SExpr.ListExpr l) {
        String head = l.head();
        if (head == null) {
            throw l.error("unexpected token: expected a constant");
        }
        Cursor c = l.body();
        Value v = switch (head) {
            case "i32.const" -> new Value.Number(ValueType.I32, NumberLiterals.parseInteger(c.nextAtom(), 32));
            case "i64.const" -> new Value.Number(ValueType.I64, NumberLiterals.parseInteger(c.nextAtom(), 64));
            case "f32.const" -> new Value.Number(ValueType.F32, NumberLiterals.parseF32(c.nextAtom()) & 0xFFFF_FFFFL);
            case "f64.const" -> new Value.Number(ValueType.F64, NumberLiterals.parseF64(c.nextAtom()));
            case "ref.null" -> new Value.RefNull(refNullType(c.nextAtom()));
            case "ref.extern" -> new Value.RefExtern(NumberLiterals.parseU32(c.nextAtom()));
            case "v128.const" -> v128(c);
            default -> throw l.error("unexpected token " + head + ": expected a constant");
        };
        c.expectEnd();
        return v;
    }

    private static ValueType refNullType(Token t) {
        if (t.isKeyword("func")) {
            return ValueType.FUNCREF;
        }
        if (t.isKeyword("extern")) {
            return ValueType.EXTERNREF;
        }
        throw t.error("unexpected token " + t.text() + ", expected func or extern");
    }

    /** What one result of {@code assert_return} must be. */
    private static Expected expected(SExpr.ListExpr l) {
        String head = l.head();
        if (head == null) {
            throw l.error("unexpected token: expected a result");
        }
        Cursor c = l.body();
        switch (head) {
            case "f32.const", "f64.const" -> {
                Token t = c.peekToken();
                if (t != null && (t.isKeyword("nan:canonical") || t.isKeyword("nan:arithmetic"))) {
                    c.next();
                    c.expectEnd();
                    return new Expected.Nan(head.startsWith("f32") ? ValueType.F32 : ValueType.F64,
                            t.text().endsWith("canonical"));
                }
                return new Expected.Exact(value(l));
            }
            case "ref.func" -> {
                if (c.atEnd()) {
                    return new Expected.AnyRefFunc();
                }
                throw l.error("unexpected token: ref.func with an index");
            }
            case "ref.extern" -> {
                return c.atEnd() ? new Expected.AnyRefExtern() : new Expected.Exact(value(l));
            }
            case "either" -> {
                List<Expected> alternatives = new ArrayList<>();
                while (!c.atEnd()) {
                    alternatives.add(expected(c.nextList()));
                }
                return new Expected.Either(alternatives);
            }
            case "v128.const" -> {
                return v128Expected(l);
            }
            default -> {
                return new Expected.Exact(value(l));
            }
        }
    }

    /** {@code (v128.const shape lane*)} as an exact value. */
    private static Value v128(Cursor c) {
        long[] halves = V128Literal.parse(c);
        return new Value.V128(halves[0], halves[1]);
    }

    /** A v128 result: exact, or lane by lane when a float lane is a NaN pattern. */
    private static Expected v128Expected(SExpr.ListExpr l) {
        Cursor c = l.body();
        Token shape = c.nextAtom();
        int lanes = V128Literal.laneCount(shape);
        boolean isFloat = shape.text().startsWith("f");
        List<Expected> perLane = new ArrayList<>();
        boolean hasNanPattern = false;
        for (int i = 0; i < lanes; i++) {
            if (c.atEnd()) {
                throw l.error("wrong number of lane literals");
            }
            Token t = c.nextAtom();
            ValueType laneType = shape.text().startsWith("f32") ? ValueType.F32
                    : shape.text().startsWith("f64") ? ValueType.F64
                    : shape.text().equals("i64x2") ? ValueType.I64 : ValueType.I32;
            if (isFloat && (t.isKeyword("nan:canonical") || t.isKeyword("nan:arithmetic"))) {
                hasNanPattern = true;
                perLane.add(new Expected.Nan(laneType, t.text().endsWith("canonical")));
            } else {
                perLane.add(new Expected.Exact(new Value.Number(laneType, V128Literal.lane(shape, t))));
            }
        }
        if (!c.atEnd()) {
            throw l.error("wrong number of lane literals");
        }
        if (hasNanPattern) {
            return new Expected.V128Lanes(shape.text(), perLane);
        }
        return new Expected.Exact(v128(l.body()));
    }
}
