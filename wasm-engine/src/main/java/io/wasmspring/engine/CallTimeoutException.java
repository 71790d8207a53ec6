package io.wasmspring.engine;

import java.time.Duration;

/** A call ran longer than its {@link ExecutionLimits#callTimeout()}. */
public class CallTimeoutException extends ExecutionLimitException {

    private final Duration timeout;

    public CallTimeoutException(Duration timeout) {
        super("call timed out: it ran longer than its callTimeout of " + format(timeout)
                + " (raise ExecutionLimits callTimeout to allow longer calls)");
        this.timeout = timeout;
    }

    /** The timeout that was exceeded. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public String limitName() {
        return "callTimeout";
    }

    /** {@code 2s}, {@code 500ms}, {@code 1m30s}: the way people write durations. */
    static String format(Duration d) {
        if (d.toMillis() < 1000 || d.toMillis() % 1000 != 0) {
            return d.toNanos() % 1_000_000 == 0 ? d.toMillis() + "ms" : d.toNanos() + "ns";
        }
        long seconds = d.getSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + "m"
                : seconds >= 60 ? seconds / 60 + "m" + seconds % 60 + "s" : seconds + "s";
    }
}
