package io.wasmspring.demo;

import io.wasmspring.boot.HostFunction;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The host functions the {@code hello} module imports: it prints through them, and they log
 * what it sends. While {@link #capture} runs a call, the lines are also collected so that an
 * endpoint can answer with them.
 */
@Component
public class Console {

    private static final Logger log = LoggerFactory.getLogger(Console.class);

    /** Lines logged on this thread during {@link #capture}; host functions run on the caller's thread. */
    private final ThreadLocal<List<String>> captured = new ThreadLocal<>();

    /** Imported as {@code env.hostLogUint32 (param i32)}. */
    @HostFunction
    public void hostLogUint32(int value) {
        print("🤖: " + Integer.toUnsignedString(value));
    }

    /** Imported as {@code env.hostLogString (param i32 i32)}: the text's offset and byte length in the module's memory. */
    @HostFunction
    public void hostLogString(String text) {
        print("👽: " + text);
    }

    /** Runs {@code call} and returns the lines the module logged through this console meanwhile. */
    public List<String> capture(Runnable call) {
        List<String> previous = captured.get();
        List<String> lines = new ArrayList<>();
        captured.set(lines);
        try {
            call.run();
            return lines;
        } finally {
            if (previous == null) {
                captured.remove();
            } else {
                captured.set(previous);
            }
        }
    }

    private void print(String line) {
        log.info(line);
        List<String> lines = captured.get();
        if (lines != null) {
            lines.add(line);
        }
    }
}
