package io.wasmspring.engine.cli;

import io.wasmspring.engine.wast.CommandResult;
import io.wasmspring.engine.wast.ScriptResult;
import io.wasmspring.engine.wast.WastRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wast FILE...}: runs spec-test scripts and prints a line per file, the failing commands
 * under it, and a total over every command of every file. Exit status 1 when anything failed.
 */
final class WastCommand implements CliCommand {

    @Override
    public String name() {
        return "wast";
    }

    @Override
    public String synopsis() {
        return "FILE...";
    }

    @Override
    public String description() {
        return "run .wast spec-test scripts and report every failing command";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("wast needs at least one .wast file");
        }
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            files.add(ModuleFiles.existing(arg));
        }
        int passed = 0;
        int failed = 0;
        WastRunner runner = new WastRunner();
        for (int i = 0; i < files.size(); i++) {
            ScriptResult result;
            try {
                result = runner.run(files.get(i));
            } catch (IOException e) {
                throw new UsageException("cannot read " + args.get(i) + ": " + e.getMessage());
            }
            passed += result.passed();
            failed += result.failed();
            report(args.get(i), result, out);
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static void report(String file, ScriptResult result, PrintStream out) {
        if (result.allPassed()) {
            out.println("PASS  " + file + " (" + result.total() + " commands)");
            return;
        }
        out.println("FAIL  " + file + " (" + result.failed() + " of " + result.total() + " failed)");
        for (CommandResult failure : result.failures()) {
            out.println("      " + failure);
        }
    }
}
