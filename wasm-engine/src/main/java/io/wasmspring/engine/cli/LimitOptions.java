package io.wasmspring.engine.cli;

import io.wasmspring.engine.CallInterruptedException;
import io.wasmspring.engine.CallTimeoutException;
import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.FuelExhaustedException;
import io.wasmspring.engine.LinkException;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The limit options of {@code run}: {@code --timeout DURATION} ({@code 2s}, {@code 500ms},
 * {@code 1m}), {@code --fuel N}, {@code --max-memory-pages N} and {@code --max-call-depth N},
 * each also as {@code --option=value}. Turns them into {@link ExecutionLimits}, and a failure they
 * caused into one line that names the option to raise.
 */
final class LimitOptions {

    /** Exit status when a limit stopped the program, as {@code timeout(1)} uses. */
    static final int LIMIT_EXIT_STATUS = 124;

    static final String SYNOPSIS = "[--timeout DURATION] [--fuel N] [--max-memory-pages N] [--max-call-depth N]";

    private final ExecutionLimits limits;
    private final List<String> remaining;
    private final String timeoutText;

    private LimitOptions(ExecutionLimits limits, List<String> remaining, String timeoutText) {
        this.limits = limits;
        this.remaining = remaining;
        this.timeoutText = timeoutText;
    }

    /**
     * Takes the limit options out of the options before MODULE in {@code args}; the other arguments
     * stay in order in {@link #remaining()}. Every option of {@code run} takes a value, so the first
     * argument that is neither an option nor an option's value is MODULE: it and everything after it
     * (the program's own arguments, which may look like options) are left alone.
     */
    static LimitOptions take(List<String> args) throws UsageException {
        ExecutionLimits.Builder builder = ExecutionLimits.builder();
        List<String> rest = new ArrayList<>();
        String timeoutText = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                rest.addAll(args.subList(i, args.size()));
                break;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!isLimitOption(name)) {
                rest.add(arg);
                if (value == null && i + 1 < args.size()) {
                    rest.add(args.get(++i));
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                value = args.get(++i);
            }
            try {
                switch (name) {
                    case "--timeout" -> {
                        builder.callTimeout(parseDuration(value));
                        timeoutText = value;
                    }
                    case "--fuel" -> builder.fuel(parseCount(name, value));
                    case "--max-memory-pages" -> builder.maxMemoryPages((int) Math.min(Integer.MAX_VALUE, parseCount(name, value)));
                    default -> builder.maxCallDepth((int) Math.min(Integer.MAX_VALUE, parseCount(name, value)));
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(name + " " + value + ": " + e.getMessage());
            }
        }
        return new LimitOptions(builder.build(), rest, timeoutText);
    }

    private static boolean isLimitOption(String name) {
        return name.equals("--timeout") || name.equals("--fuel") || name.equals("--max-memory-pages")
                || name.equals("--max-call-depth");
    }

    ExecutionLimits limits() {
        return limits;
    }

    /** The arguments that are not limit options. */
    List<String> remaining() {
        return remaining;
    }

    /**
     * One line naming the option behind {@code failure} and how to raise it, or {@code null} when
     * no limit caused it.
     */
    String describe(WasmException failure) {
        if (failure instanceof CallTimeoutException) {
            return "timeout: the call ran longer than --timeout " + timeoutText + " (raise --timeout to allow more)";
        }
        if (failure instanceof FuelExhaustedException) {
            return "fuel exhausted: the call executed more than --fuel " + limits.fuel()
                    + " instructions (raise --fuel to allow more)";
        }
        if (failure instanceof CallInterruptedException) {
            return "interrupted: " + failure.getMessage();
        }
        if (failure instanceof Trap trap && trap.getMessage() != null
                && trap.getMessage().startsWith(Trap.CALL_STACK_EXHAUSTED)) {
            return "trap: " + Trap.CALL_STACK_EXHAUSTED + ": more than --max-call-depth " + limits.maxCallDepth()
                    + " nested calls (raise --max-call-depth for deeper recursion)";
        }
        if (failure instanceof LinkException && failure.getMessage() != null
                && failure.getMessage().contains("maxMemoryPages")) {
            String message = ModuleFiles.firstLine(failure.getMessage());
            int cut = message.indexOf(" (raise");
            return "memory limit: " + (cut > 0 ? message.substring(0, cut) : message).replace("the maxMemoryPages limit of",
                    "--max-memory-pages") + " (raise --max-memory-pages)";
        }
        return null;
    }

    /** {@code 2s}, {@code 500ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 100us}, {@code 10ns} or ISO-8601 {@code PT2S}. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            try {
                return Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration (use e.g. 2s or 500ms)");
            }
        }
        int unitStart = 0;
        while (unitStart < t.length() && (Character.isDigit(t.charAt(unitStart)) || t.charAt(unitStart) == '.')) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("not a duration (use e.g. 2s or 500ms)");
        }
        double amount;
        try {
            amount = Double.parseDouble(t.substring(0, unitStart));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration (use e.g. 2s or 500ms)");
        }
        long nanosPerUnit = switch (t.substring(unitStart)) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s", "" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw new IllegalArgumentException("unknown unit \"" + t.substring(unitStart)
                    + "\" (use ns, us, ms, s, m or h)");
        };
        double nanos = amount * nanosPerUnit;
        if (nanos < 1 || nanos > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("must be between 1ns and " + Long.MAX_VALUE / 2 / 3_600_000_000_000L + "h");
        }
        return Duration.ofNanos((long) nanos);
    }

    private static long parseCount(String name, String text) {
        long n;
        try {
            n = Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
        if (n < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return n;
    }
}
