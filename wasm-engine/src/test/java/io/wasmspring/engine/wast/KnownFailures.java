package io.wasmspring.engine.wast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spec-suite files known to fail, read from {@code known-failures.txt} on the test class
 * path: one {@code core-2.0/NAME.wast  reason...} per line, {@code #} starts a comment.
 */
final class KnownFailures {

    static final String RESOURCE = "/known-failures.txt";

    private final Map<String, String> reasons;

    private KnownFailures(Map<String, String> reasons) {
        this.reasons = Collections.unmodifiableMap(reasons);
    }

    static KnownFailures load() {
        try (InputStream in = KnownFailures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new KnownFailures(new LinkedHashMap<>());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnownFailures parse(BufferedReader reader) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": an entry needs a reason: " + entry);
            }
            if (reasons.put(parts[0], parts[1]) != null) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": " + parts[0] + " is listed twice");
            }
        }
        return new KnownFailures(reasons);
    }

    /** The reason {@code file} (e.g. {@code core-2.0/simd_address.wast}) is expected to fail, or {@code null}. */
    String reason(String file) {
        return reasons.get(file);
    }

    /** Every listed file with its reason. */
    Map<String, String> entries() {
        return reasons;
    }
}
