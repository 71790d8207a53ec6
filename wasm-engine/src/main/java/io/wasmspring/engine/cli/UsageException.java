package io.wasmspring.engine.cli;

/** The command line asks for something that cannot be done: printed as one line, exit status 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message, null, false, false);
    }
}
