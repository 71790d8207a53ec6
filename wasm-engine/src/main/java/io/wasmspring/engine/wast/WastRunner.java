package io.wasmspring.engine.wast;

import io.wasmspring.engine.Imports;
import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.LinkException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code .wast} script against the engine and reports, command by command, whether the
 * engine did what the script expects. A runner holds the state of one script at a time (the
 * current and named module instances, the registered ones and the {@code spectest} module);
 * every {@link #run} starts afresh. A command that fails, however it fails, fails alone: the
 * script goes on with the next one.
 */
public final class WastRunner {

    private static final int MAX_REASON_LENGTH = 300;

    private final PrintStream verbose;

    // State of the script being run.
    private final Map<String, ModuleSlot> named = new HashMap<>();
    private final Map<String, Instance> registered = new LinkedHashMap<>();
    private ModuleSlot current;
    private SpecTestModule spectest;
    private Imports imports;

    /** A quiet runner: the {@code spectest} print functions print nothing. */
    public WastRunner() {
        this(null);
    }

    /** @param verbose where {@code spectest}'s print functions print, or {@code null} for nowhere */
    public WastRunner(PrintStream verbose) {
        this.verbose = verbose;
    }

    /** Reads and runs the script in {@code file} (UTF-8). */
    public ScriptResult run(Path file) throws IOException {
        return run(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses and runs a script; a script that cannot be parsed is one failed command. */
    public ScriptResult run(String script) {
        List<Command> commands;
        try {
            commands = WastParser.parse(script);
        } catch (RuntimeException | StackOverflowError e) {
            return new ScriptResult(List.of(CommandResult.fail(0, "script", "could not be parsed: " + describe(e))));
        }
        return run(commands);
    }

    /** Runs parsed commands in order. */
    public ScriptResult run(List<Command> commands) {
        reset();
        List<CommandResult> results = new ArrayList<>(commands.size());
        for (Command command : commands) {
            results.add(runSafely(command));
        }
        return new ScriptResult(results);
    }

    private void reset() {
        named.clear();
        registered.clear();
        current = null;
        spectest = new SpecTestModule(verbose);
        imports = null;
    }

    private CommandResult runSafely(Command command) {
        String kind = kind(command);
        try {
            String failure = execute(command);
            return failure == null ? CommandResult.pass(command.line(), kind) : CommandResult.fail(command.line(), kind, failure);
        } catch (ScriptException e) {
            return CommandResult.fail(command.line(), kind, e.getMessage());
        } catch (Throwable e) {
            // An engine bug (or a broken test) must not stop the rest of the script.
            return CommandResult.fail(command.line(), kind, "unexpected " + describe(e));
        }
    }

    /** Runs one command; returns null when it did what the script expects, else why not. */
    private String execute(Command command) {
        if (command instanceof Command.Module m) {
            return defineModule(m);
        } else if (command instanceof Command.Register r) {
            registered.put(r.as(), instance(r.moduleName()));
            imports = null;
            return null;
        } else if (command instanceof Command.Perform p) {
            try {
                perform(p.action());
                return null;
            } catch (Trap t) {
                return "trapped: " + oneLine(t.getMessage());
            }
        } else if (command instanceof Command.AssertReturn a) {
            return assertReturn(a);
        } else if (command instanceof Command.AssertTrap a) {
            return assertTrap(a.action(), a.message());
        } else if (command instanceof Command.AssertExhaustion a) {
            return assertTrap(a.action(), a.message());
        } else if (command instanceof Command.AssertUninstantiable a) {
            return assertUninstantiable(a);
        } else if (command instanceof Command.AssertMalformed a) {
            return assertNotCompiled(a.module(), MalformedModuleException.class, "malformed", a.message());
        } else if (command instanceof Command.AssertInvalid a) {
            return assertNotCompiled(a.module(), InvalidModuleException.class, "invalid", a.message());
        } else if (command instanceof Command.AssertUnlinkable a) {
            return assertUnlinkable(a);
        }
        throw new IllegalStateException("unknown command " + command);
    }

    private String defineModule(Command.Module command) {
        ModuleDefinition definition = command.module();
        ModuleSlot slot;
        String failure = null;
        try {
            Module module = ScriptModules.compile(definition);
            slot = new ModuleSlot(definition, module.instantiate(imports()), null);
        } catch (RuntimeException | StackOverflowError e) {
            failure = "failed: " + describe(e);
            slot = new ModuleSlot(definition, null, failure);
        }
        current = slot;
        if (definition.name() != null) {
            named.put(definition.name(), slot);
        }
        return failure;
    }

    private String assertReturn(Command.AssertReturn command) {
        List<RuntimeValue> actual;
        try {
            actual = perform(command.action());
        } catch (Trap t) {
            return "expected " + ValueText.expected(command.expected()) + " got trap \"" + oneLine(t.getMessage()) + "\"";
        }
        if (ResultMatcher.matches(command.expected(), actual)) {
            return null;
        }
        return "expected " + ValueText.expected(command.expected()) + " got " + ValueText.of(actual);
    }

    private String assertTrap(Action action, String expectedMessage) {
        List<RuntimeValue> actual;
        try {
            actual = perform(action);
        } catch (Trap t) {
            return trapMatches(t, expectedMessage) ? null
                    : "expected trap \"" + expectedMessage + "\" got trap \"" + oneLine(t.getMessage()) + "\"";
        }
        return "expected trap \"" + expectedMessage + "\" got " + ValueText.of(actual);
    }

    private String assertUninstantiable(Command.AssertUninstantiable command) {
        Module module = compileForAssertion(command.module(), "trap \"" + command.message() + "\"");
        try {
            module.instantiate(imports());
        } catch (Trap t) {
            return trapMatches(t, command.message()) ? null
                    : "expected trap \"" + command.message() + "\" got trap \"" + oneLine(t.getMessage()) + "\"";
        } catch (RuntimeException e) {
            return "expected trap \"" + command.message() + "\" got " + describe(e);
        }
        return "expected trap \"" + command.message() + "\" but the module instantiated";
    }

    private String assertUnlinkable(Command.AssertUnlinkable command) {
        Module module = compileForAssertion(command.module(), "link error \"" + command.message() + "\"");
        try {
            module.instantiate(imports());
        } catch (LinkException e) {
            return null;
        } catch (RuntimeException e) {
            return "expected link error \"" + command.message() + "\" got " + describe(e);
        }
        return "expected link error \"" + command.message() + "\" but the module instantiated";
    }

    /** assert_malformed and assert_invalid: compiling must fail with {@code expectedType}; the wording may differ. */
    private String assertNotCompiled(ModuleDefinition definition, Class<? extends RuntimeException> expectedType,
                                     String what, String message) {
        try {
            ScriptModules.compile(definition);
        } catch (RuntimeException e) {
            return expectedType.isInstance(e) ? null
                    : "expected " + what + " \"" + message + "\" got " + describe(e);
        }
        return "expected " + what + " \"" + message + "\" but the module compiled";
    }

    private Module compileForAssertion(ModuleDefinition definition, String expectation) {
        try {
            return ScriptModules.compile(definition);
        } catch (RuntimeException e) {
            throw new ScriptException("expected " + expectation + " but the module did not compile: " + describe(e));
        }
    }

    private List<RuntimeValue> perform(Action action) {
        return ActionExecutor.perform(action, instance(action.moduleName()));
    }

    /** The instance a command names ({@code null}: the current one); a clear failure when there is none. */
    private Instance instance(String name) {
        ModuleSlot slot = name == null ? current : named.get(name);
        if (slot == null) {
            throw new ScriptException(name == null ? "no module has been defined yet" : "no module named " + name);
        }
        if (slot.instance() == null) {
            throw new ScriptException("module " + (name == null ? "" : name + " ") + "at line " + slot.definition().line()
                    + " is not available: it " + slot.failure());
        }
        return slot.instance();
    }

    private Imports imports() {
        if (imports == null) {
            Imports.Builder builder = Imports.builder();
            spectest.addTo(builder);
            registered.forEach(builder::instance);
            imports = builder.build();
        }
        return imports;
    }

    private static boolean trapMatches(Trap trap, String expected) {
        // The spec's wording is the start of ours; we may add detail such as the offending address.
        return trap.getMessage() != null && trap.getMessage().contains(expected);
    }

    private static String kind(Command command) {
        if (command instanceof Command.Module) {
            return "module";
        } else if (command instanceof Command.Register) {
            return "register";
        } else if (command instanceof Command.Perform p) {
            return p.action() instanceof Action.Get ? "get" : "invoke";
        } else if (command instanceof Command.AssertReturn) {
            return "assert_return";
        } else if (command instanceof Command.AssertTrap) {
            return "assert_trap";
        } else if (command instanceof Command.AssertExhaustion) {
            return "assert_exhaustion";
        } else if (command instanceof Command.AssertUninstantiable) {
            return "assert_uninstantiable";
        } else if (command instanceof Command.AssertMalformed) {
            return "assert_malformed";
        } else if (command instanceof Command.AssertInvalid) {
            return "assert_invalid";
        } else {
            return "assert_unlinkable";
        }
    }

    /** The exception's class and message on one line, cut short. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + oneLine(e.getMessage());
        return e.getClass().getSimpleName() + message;
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replace('\n', ' ').replace('\r', ' ');
        return line.length() > MAX_REASON_LENGTH ? line.substring(0, MAX_REASON_LENGTH) + "..." : line;
    }

    /** A module command's outcome: its instance, or why there is none. */
    private record ModuleSlot(ModuleDefinition definition, Instance instance, String failure) {
    }

    /** A command failed for a reason that is already worded for the report. */
    private static final class ScriptException extends RuntimeException {
        ScriptException(String message) {
            super(message, null, false, false);
        }
    }
}
