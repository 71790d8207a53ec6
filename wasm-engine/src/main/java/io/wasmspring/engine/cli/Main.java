package io.wasmspring.engine.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The engine's command line: {@code wast}, {@code inspect} and {@code run}. Exit status 0 on
 * success (for a WASI {@code run}, the program's own exit code), 1 when a script had failures, 2 for a usage error, 124 when a limit of {@code run}
 * ({@code --timeout}, {@code --fuel}, {@code --max-memory-pages}) stopped the call, 134 when wasm code trapped.
 */
public final class Main {

    /** Exit status for a command line that cannot be carried out. */
    static final int USAGE_EXIT_STATUS = 2;

    private static final List<CliCommand> COMMANDS = List.of(new WastCommand(), new InspectCommand(), new RunCommand());

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command line {@code args}; returns the exit status instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usageError("no command given", err);
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(usage());
            return 0;
        }
        CliCommand command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            return usageError("unknown command: " + args[0], err);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help")) {
            out.println("usage: wasm-engine " + command.name() + " " + command.synopsis());
            out.println("  " + command.description());
            return 0;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            return usageError(e.getMessage(), err);
        }
    }

    private static int usageError(String message, PrintStream err) {
        err.println("error: " + message);
        err.println("usage: wasm-engine wast|inspect|run ...   (wasm-engine --help for details)");
        return USAGE_EXIT_STATUS;
    }

    static String usage() {
        StringBuilder text = new StringBuilder("usage: wasm-engine COMMAND [ARGS...]\n\ncommands:\n");
        for (CliCommand c : COMMANDS) {
            text.append(String.format("  %-8s %s%n           %s%n", c.name(), c.synopsis(), c.description()));
        }
        text.append("\nexit status: 0 ok, 1 a script failed, 2 usage error, 124 a limit stopped the call, 134 trap;\n"
                + "  run without --invoke exits with the WASI program's own exit code (proc_exit, or 0)\n");
        return text.toString();
    }
}
