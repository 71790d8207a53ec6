package io.wasmspring.engine.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * What a WASI program sees of the world: its arguments and environment, its standard streams,
 * the host directories it may use (and nothing else), its clocks and its source of randomness.
 * Immutable; build one with {@link #builder()}.
 */
public final class WasiConfig {

    /** Default of {@link #maxOpenDescriptors()}. */
    public static final int DEFAULT_MAX_OPEN_DESCRIPTORS = 1024;

    /**
     * A host directory the program may use, under the name {@code guestPath}; a {@code null}
     * guest path becomes {@link #defaultGuestPath the directory's own name}, so that the guest
     * never learns where on the host its files live.
     */
    public record Preopen(Path hostPath, String guestPath, boolean readOnly) {
        public Preopen {
            Objects.requireNonNull(hostPath, "hostPath");
            if (guestPath == null) {
                guestPath = defaultGuestPath(hostPath);
            }
        }
    }

    /** The directory's last name ({@code /srv/data} is {@code data}), or {@code /} for a root or {@code .}. */
    public static String defaultGuestPath(Path hostPath) {
        Path name = hostPath.normalize().getFileName();
        return name == null || name.toString().isEmpty() ? "/" : name.toString();
    }

    private final List<String> args;
    private final Map<String, String> env;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final List<Preopen> preopens;
    private final WasiClock clock;
    private final Random random;
    private final int maxOpenDescriptors;

    private WasiConfig(Builder b) {
        this.args = List.copyOf(b.args);
        this.env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.preopens = List.copyOf(b.preopens);
        this.clock = b.clock;
        this.random = b.random;
        this.maxOpenDescriptors = b.maxOpenDescriptors;
        if (maxOpenDescriptors < 3 + preopens.size()) {
            throw new IllegalArgumentException("maxOpenDescriptors " + maxOpenDescriptors + " leaves no room for the 3"
                    + " standard streams and " + preopens.size() + " preopened directories");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The program's arguments, {@code argv[0]} (the program name) included. */
    public List<String> args() {
        return args;
    }

    public Map<String, String> env() {
        return env;
    }

    public InputStream stdin() {
        return stdin;
    }

    public OutputStream stdout() {
        return stdout;
    }

    public OutputStream stderr() {
        return stderr;
    }

    public List<Preopen> preopens() {
        return preopens;
    }

    public WasiClock clock() {
        return clock;
    }

    public Random random() {
        return random;
    }

    /** How many descriptors (standard streams and preopens included) may be open at once; more give {@code mfile}. */
    public int maxOpenDescriptors() {
        return maxOpenDescriptors;
    }

    /** Collects a {@link WasiConfig}. By default: no args, no env, empty stdin, discarded output, no directories. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private final List<Preopen> preopens = new ArrayList<>();
        private WasiClock clock = WasiClock.system();
        private Random random = new SecureRandom();
        private int maxOpenDescriptors = DEFAULT_MAX_OPEN_DESCRIPTORS;

        private Builder() {
        }

        /** Appends arguments; the first one is {@code argv[0]}, by convention the program name. */
        public Builder args(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        public Builder args(List<String> values) {
            args.addAll(values);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Builder env(Map<String, String> values) {
            values.forEach(this::env);
            return this;
        }

        /** Passes the JVM's own environment through. */
        public Builder inheritEnv() {
            return env(System.getenv());
        }

        public Builder stdin(InputStream in) {
            this.stdin = Objects.requireNonNull(in);
            return this;
        }

        public Builder stdout(OutputStream out) {
            this.stdout = Objects.requireNonNull(out);
            return this;
        }

        public Builder stderr(OutputStream err) {
            this.stderr = Objects.requireNonNull(err);
            return this;
        }

        /** Connects the program's streams to {@link System#in}, {@link System#out} and {@link System#err}. */
        public Builder inheritStdio() {
            return stdin(System.in).stdout(System.out).stderr(System.err);
        }

        /** Lets the program read and write {@code hostPath}, which it sees under the directory's own name. */
        public Builder preopen(Path hostPath) {
            return preopen(hostPath, null, false);
        }

        /** Lets the program read and write {@code hostPath}, which it sees as {@code guestPath} (null: its name). */
        public Builder preopen(Path hostPath, String guestPath) {
            return preopen(hostPath, guestPath, false);
        }

        /** Same, read-only when {@code readOnly}: nothing under it can be created, changed or removed. */
        public Builder preopen(Path hostPath, String guestPath, boolean readOnly) {
            preopens.add(new Preopen(hostPath, guestPath, readOnly));
            return this;
        }

        public Builder clock(WasiClock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder random(Random value) {
            this.random = Objects.requireNonNull(value);
            return this;
        }

        /** Caps the descriptors open at once (default {@value WasiConfig#DEFAULT_MAX_OPEN_DESCRIPTORS}); more give {@code mfile}. */
        public Builder maxOpenDescriptors(int value) {
            this.maxOpenDescriptors = value;
            return this;
        }

        public WasiConfig build() {
            return new WasiConfig(this);
        }
    }
}
