package io.wasmspring.engine.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the command line, such as {@code wast} or {@code run}. */
interface CliCommand {

    /** The word that selects this command. */
    String name();

    /** Its arguments, for the usage text, e.g. {@code FILE...}. */
    String synopsis();

    /** One line saying what it does. */
    String description();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @return the process exit status
     * @throws UsageException when the arguments or input files make the command impossible
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
