package io.wasmspring.boot.autoconfigure;

import io.wasmspring.boot.InstancePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Configuration of the WebAssembly modules of the application: {@code wasm.modules.<name>.*}
 * per module, and {@code wasm.limits.*} as the defaults of every module's limits.
 */
@ConfigurationProperties("wasm")
public class WasmProperties {

    /** The modules, by name; each becomes a WasmModule bean of that name. */
    private Map<String, Module> modules = new LinkedHashMap<>();

    /** Limits that apply to every module that does not set its own. */
    private Limits limits = new Limits();

    public Map<String, Module> getModules() {
        return modules;
    }

    public void setModules(Map<String, Module> modules) {
        this.modules = modules;
    }

    public Limits getLimits() {
        return limits;
    }

    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    /** One module. */
    public static class Module {

        /** Where the module is: a binary (.wasm) or text (.wat) file, e.g. classpath:wasm/add.wat or file:/opt/app/add.wasm. */
        private Resource location;

        /** Fully qualified name of a Java interface to implement with the module's exports; registered as a bean. */
        private String interfaceType;

        /** How callers get an instance: POOLED, PER_CALL or SHARED. */
        private InstancePolicy policy = InstancePolicy.POOLED;

        /** Pool of instances, for the POOLED policy. */
        private Pool pool = new Pool();

        /** Limits of this module's instances; unset values come from wasm.limits. */
        private Limits limits = new Limits();

        /** WASI preview1 for this module. */
        private Wasi wasi = new Wasi();

        /** Exports used to allocate guest memory when a String or byte[] is passed in. */
        private Allocator allocator = new Allocator();

        public Resource getLocation() {
            return location;
        }

        public void setLocation(Resource location) {
            this.location = location;
        }

        /** Fully qualified name of a Java interface to implement with the module's exports; registered as a bean. */
        public String getInterface() {
            return interfaceType;
        }

        public void setInterface(String interfaceType) {
            this.interfaceType = interfaceType;
        }

        public InstancePolicy getPolicy() {
            return policy;
        }

        public void setPolicy(InstancePolicy policy) {
            this.policy = policy;
        }

        public Pool getPool() {
            return pool;
        }

        public void setPool(Pool pool) {
            this.pool = pool;
        }

        public Limits getLimits() {
            return limits;
        }

        public void setLimits(Limits limits) {
            this.limits = limits;
        }

        public Wasi getWasi() {
            return wasi;
        }

        public void setWasi(Wasi wasi) {
            this.wasi = wasi;
        }

        public Allocator getAllocator() {
            return allocator;
        }

        public void setAllocator(Allocator allocator) {
            this.allocator = allocator;
        }
    }

    /** The pool of a POOLED module. */
    public static class Pool {

        /** The most instances alive at once; callers beyond it wait. */
        private int maxSize = 8;

        /** How long a caller waits for a free instance before failing; negative waits forever. */
        private Duration maxWait = Duration.ofSeconds(10);

        public int getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(int maxSize) {
            this.maxSize = maxSize;
        }

        public Duration getMaxWait() {
            return maxWait;
        }

        public void setMaxWait(Duration maxWait) {
            this.maxWait = maxWait;
        }
    }

    /**
     * Limits of instances, enforced by the engine on every call: memory.grow past max memory
     * pages fails (returns -1); a call past its timeout or fuel stops with the engine's
     * CallTimeoutException or FuelExhaustedException; calls nested past max call depth trap.
     * An instance whose call stopped is discarded.
     */
    public static class Limits {

        /** The most 64 KiB pages an instance's memory may have (memory.grow past it fails); unset means the module's own maximum. */
        private Integer maxMemoryPages;

        /** The longest one call may run before it stops with a timeout; unset means no deadline. */
        private Duration callTimeout;

        /** The instruction budget of one call (counted at loop iterations and calls); unset means unlimited. */
        private Long fuel;

        /** The deepest nesting of wasm calls before the call traps; unset means the engine's default. */
        private Integer maxCallDepth;

        public Integer getMaxMemoryPages() {
            return maxMemoryPages;
        }

        public void setMaxMemoryPages(Integer maxMemoryPages) {
            this.maxMemoryPages = maxMemoryPages;
        }

        public Duration getCallTimeout() {
            return callTimeout;
        }

        public void setCallTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        public Long getFuel() {
            return fuel;
        }

        public void setFuel(Long fuel) {
            this.fuel = fuel;
        }

        public Integer getMaxCallDepth() {
            return maxCallDepth;
        }

        public void setMaxCallDepth(Integer maxCallDepth) {
            this.maxCallDepth = maxCallDepth;
        }
    }

    /** Where a WASI program's output stream goes. */
    public enum Output {

        /** Line by line to the SLF4J logger {@code wasm.<module>} (stdout at INFO, stderr at WARN). */
        LOG,

        /** To the JVM's own System.out / System.err. */
        INHERIT,

        /** Nowhere. */
        DISCARD
    }

    /** WASI preview1 ({@code wasi_snapshot_preview1}) of one module. */
    public static class Wasi {

        /** Whether to provide WASI; unset means yes when the module imports wasi_snapshot_preview1. */
        private Boolean enabled;

        /** The program's arguments, argv[0] (the program name) first. */
        private List<String> args = new ArrayList<>();

        /** Environment variables of the program. */
        private Map<String, String> env = new LinkedHashMap<>();

        /** Whether the program also sees the JVM's environment variables. */
        private boolean inheritEnv;

        /** A resource the program reads as its standard input; unset means empty input. */
        private Resource stdin;

        /** Where the program's standard output goes. */
        private Output stdout = Output.LOG;

        /** Where the program's standard error goes. */
        private Output stderr = Output.LOG;

        /** Host directories the program may use, and nothing else. */
        private List<Preopen> preopens = new ArrayList<>();

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getArgs() {
            return args;
        }

        public void setArgs(List<String> args) {
            this.args = args;
        }

        public Map<String, String> getEnv() {
            return env;
        }

        public void setEnv(Map<String, String> env) {
            this.env = env;
        }

        public boolean isInheritEnv() {
            return inheritEnv;
        }

        public void setInheritEnv(boolean inheritEnv) {
            this.inheritEnv = inheritEnv;
        }

        public Resource getStdin() {
            return stdin;
        }

        public void setStdin(Resource stdin) {
            this.stdin = stdin;
        }

        public Output getStdout() {
            return stdout;
        }

        public void setStdout(Output stdout) {
            this.stdout = stdout;
        }

        public Output getStderr() {
            return stderr;
        }

        public void setStderr(Output stderr) {
            this.stderr = stderr;
        }

        public List<Preopen> getPreopens() {
            return preopens;
        }

        public void setPreopens(List<Preopen> preopens) {
            this.preopens = preopens;
        }
    }

    /** A host directory a WASI program may use. */
    public static class Preopen {

        /** The directory on the host. */
        private String hostPath;

        /** The name under which the program sees it; unset means the same as host-path. */
        private String guestPath;

        /** Whether the program may only read (nothing under it can be created, changed or removed). */
        private boolean readOnly;

        public String getHostPath() {
            return hostPath;
        }

        public void setHostPath(String hostPath) {
            this.hostPath = hostPath;
        }

        public String getGuestPath() {
            return guestPath;
        }

        public void setGuestPath(String guestPath) {
            this.guestPath = guestPath;
        }

        public boolean isReadOnly() {
            return readOnly;
        }

        public void setReadOnly(boolean readOnly) {
            this.readOnly = readOnly;
        }
    }

    /** The guest's allocator, for strings and byte arrays passed into exports. */
    public static class Allocator {

        /** Export that allocates: (i32 size) -> i32 offset; unset means malloc (with free), else alloc (with dealloc), whichever pair the module exports. */
        private String allocate;

        /** Export that frees: (i32 offset) or (i32 offset, i32 size); unset or not exported means the memory is not freed. */
        private String deallocate;

        /**
         * Whether to free, through the deallocate export, the buffer a String or byte[] result was read from once
         * it is copied out; for modules that allocate each result for the caller. Leave off for modules that keep
         * and reuse their result buffer.
         */
        private boolean freeResults;

        public String getAllocate() {
            return allocate;
        }

        public void setAllocate(String allocate) {
            this.allocate = allocate;
        }

        public String getDeallocate() {
            return deallocate;
        }

        public void setDeallocate(String deallocate) {
            this.deallocate = deallocate;
        }

        public boolean isFreeResults() {
            return freeResults;
        }

        public void setFreeResults(boolean freeResults) {
            this.freeResults = freeResults;
        }
    }
}
