package io.wasmspring.boot;

import io.wasmspring.engine.CallTimeoutException;
import io.wasmspring.engine.ExecutionLimits;
import io.wasmspring.engine.ExportType;
import io.wasmspring.engine.FunctionType;
import io.wasmspring.engine.ImportType;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.wasi.WasiCommand;
import io.wasmspring.engine.wasi.WasiExitException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * A configured WebAssembly module, ready to call from any thread. Each call borrows an instance
 * according to the module's {@link InstancePolicy}, runs, and gives the instance back; an
 * instance on which guest code failed (a trap, a timeout or other limit, an exception out of a
 * host function) is discarded, never reused; a caller mistake caught before guest code runs
 * (unknown export, wrong number of arguments, an argument bigger than the memory can hold) keeps
 * it. A host function that calls back into the module runs on the instance that called it.
 *
 * <pre>{@code
 * int sum = calculator.callInt("add", 20, 22);                   // 42
 * String greeting = greeter.callString("greet", "Spring");       // the string goes through the guest's allocator
 * int total = counter.withInstance(i -> { i.call("inc"); i.call("inc"); return i.callInt("get"); });
 * }</pre>
 */
public final class WasmModule implements AutoCloseable {

    private final String name;
    private final Module module;
    private final Supplier<InstanceImports> imports;
    private final InstancePolicy policy;
    /** What to close when each live instance is done with (only instances that hold such state). */
    private final Map<Instance, AutoCloseable> resources = new ConcurrentHashMap<>();
    private final InstanceProvider instances;
    private final GuestAllocator allocator;
    private final WasmLimits limits;
    /** The same limits as the engine enforces them on every instance. */
    private final ExecutionLimits executionLimits;
    private final Supplier<WasmCallObserver> observer;
    private final Set<String> functionExports;
    private final boolean freeResults;
    /** The instance each thread is running a call of this module on, for re-entrant calls. */
    private final ThreadLocal<Lease> current = new ThreadLocal<>();
    private volatile int memoryPages = -1;
    private volatile RuntimeException instantiationFailure;

    private WasmModule(Builder b) {
        this.name = b.name;
        this.module = b.module;
        this.imports = b.imports;
        this.policy = b.policy;
        this.limits = b.limits;
        this.executionLimits = b.limits.toExecutionLimits();
        this.observer = b.observer;
        this.functionExports = Set.copyOf(functionNames());
        this.allocator = new GuestAllocator(b.name, b.allocate, b.deallocate);
        this.freeResults = b.freeResults;
        if (freeResults && allocator.deallocateExport(module.exports()) == null) {
            throw new WasmSetupException(name, "wasm.modules." + name + ".allocator.free-results is set, but module '"
                    + name + "' exports no function to free results with (looked for "
                    + (b.allocate == null || b.allocate.isEmpty() ? "\"free\" beside \"malloc\", \"dealloc\" beside \"alloc\""
                            : "\"" + b.deallocate + "\"") + ")",
                    "Set wasm.modules." + name + ".allocator.deallocate to the module's free function, or remove"
                            + " allocator.free-results.");
        }
        Supplier<Instance> factory = this::instantiate;
        this.instances = switch (b.policy) {
            case POOLED -> new InstancePool(b.name, factory, b.poolMaxSize, b.poolMaxWait);
            case PER_CALL -> new PerCallInstances(factory);
            case SHARED -> new SharedInstance(factory);
        };
    }

    /** Starts describing a module called {@code name} (the bean name) around an engine module. */
    public static Builder builder(String name, Module module) {
        return new Builder(name, module);
    }

    /** The configured name (also the bean name). */
    public String name() {
        return name;
    }

    /** The engine's module: decoded, validated, shared by all instances. */
    public Module module() {
        return module;
    }

    public List<ExportType> exports() {
        return module.exports();
    }

    public List<ImportType> imports() {
        return module.imports();
    }

    public WasmLimits limits() {
        return limits;
    }

    /** The instances now alive, busy and idle. */
    public PoolStats poolStats() {
        return instances.stats();
    }

    /** Memory size in pages after the latest call (-1 before the first, 0 for a module without memory). */
    public int memoryPages() {
        return memoryPages;
    }

    /** Whether the module exports a function called {@code export}. */
    public boolean exportsFunction(String export) {
        return functionExports.contains(export);
    }

    /** A handle on the exported function {@code export}; fails at once, naming the exports, when there is none. */
    public WasmFunction function(String export) {
        for (ExportType e : module.exports()) {
            if (e.name().equals(export) && e.type() instanceof FunctionType type) {
                return new WasmFunction(this, export, type);
            }
        }
        throw new WasmException("module '" + name + "' exports no function \"" + export + "\"; its functions are "
                + functionNames());
    }

    /** Calls {@code export}; returns its one result, {@code null} for none, an {@code Object[]} for several. */
    public Object call(String export, Object... args) {
        return call(export, Object.class, args);
    }

    /**
     * Calls {@code export} on a borrowed instance. Arguments: {@code Integer}, {@code Long},
     * {@code Float}, {@code Double}, {@code Boolean} for the matching wasm numbers; a
     * {@code String} (UTF-8) or {@code byte[]} is copied into guest memory through the module's
     * allocator and passed as {@code (offset, length)}. The result is converted to
     * {@code resultType}: a boxed or primitive number, {@code Boolean}, {@code String} or
     * {@code byte[]} (read from memory), {@code Object[]} for all results, {@code Object} for the raw one.
     *
     * @throws io.wasmspring.engine.Trap when the code traps (the instance is discarded)
     * @throws WasmCallTimeoutException when the call runs past {@code limits.call-timeout} (the instance is discarded)
     * @throws WasmLimitExceededException when a {@code String} or {@code byte[]} argument is bigger than the
     *         instance's memory may grow (the instance is kept), or the guest's allocator finds no room for it
     *         because the memory is at its limit (discarded)
     * @throws WasmPoolExhaustedException when no pooled instance became free within {@code pool.max-wait}
     */
    public <T> T call(String export, Class<T> resultType, Object... args) {
        return withInstance(instance -> instance.call(export, resultType, args));
    }

    public int callInt(String export, Object... args) {
        return call(export, Integer.class, args);
    }

    public long callLong(String export, Object... args) {
        return call(export, Long.class, args);
    }

    public double callDouble(String export, Object... args) {
        return call(export, Double.class, args);
    }

    public String callString(String export, Object... args) {
        return call(export, String.class, args);
    }

    /**
     * Runs {@code callback} with one instance lent to this thread, so that several calls share
     * memory and globals; returns what the callback returns. The instance is discarded, not
     * reused, when guest code failed on it during the block (a trap, a timeout, an exception
     * out of a host function, whatever its type, even if the callback caught it) or when the
     * callback failed in a way that may leave it inconsistent (a trap, a WASI exit, an
     * {@code Error}); a caller mistake caught before guest code runs keeps it.
     *
     * <p>Re-entrant calls: a call made on a thread that is already running a call of this
     * module (a host function calling back into the module that called it, or a block nested
     * in a block) runs on that same instance, without borrowing another, whatever the policy.
     * A nested call that fails guest code marks the instance, which is discarded when the
     * outermost call ends. A call back from the module's start function, before its instance
     * exists, fails at once with a {@link WasmException} saying so.
     */
    public <T> T withInstance(Function<WasmInstance, T> callback) {
        Lease outer = current.get();
        if (outer == Lease.STARTING) {
            throw new WasmException("module '" + name + "' was called from a host function during its own start"
                    + " function, before the instance exists; call its exports once instantiation is over");
        }
        if (outer != null) {
            return nested(outer, callback);
        }
        Instance instance = instances.borrow();
        Lease lease = new Lease(instance);
        current.set(lease);
        WasmInstance lent = new WasmInstance(this, instance);
        T result;
        try {
            result = callback.apply(lent);
            checkMemory(instance);
        } catch (RuntimeException | Error e) {
            current.remove();
            end(lease, lease.failed || lent.failedInGuest() || mayBeInconsistent(e));
            if (e instanceof CallTimeoutException timeout) {
                throw forSpring(timeout);
            }
            throw e;
        }
        current.remove();
        end(lease, lease.failed || lent.failedInGuest());
        return result;
    }

    /** A call nested in a call of this module on the same thread: same instance, and the outermost call decides its fate. */
    private <T> T nested(Lease lease, Function<WasmInstance, T> callback) {
        WasmInstance lent = new WasmInstance(this, lease.instance);
        try {
            T result = callback.apply(lent);
            lease.failed |= lent.failedInGuest();
            return result;
        } catch (RuntimeException | Error e) {
            lease.failed |= lent.failedInGuest() || mayBeInconsistent(e);
            if (e instanceof CallTimeoutException timeout) {
                throw forSpring(timeout);
            }
            throw e;
        }
    }

    /** The outermost call on a lent instance is over: give it back, or drop it. */
    private void end(Lease lease, boolean discard) {
        if (discard) {
            instances.discard(lease.instance);
            closeResources(lease.instance);
        } else {
            release(lease.instance);
        }
    }

    /** The instance lent to this thread by its outermost call of this module. */
    private static final class Lease {
        /** Marks a thread that is instantiating the module (running its start function). */
        static final Lease STARTING = new Lease(null);

        final Instance instance;
        /** Guest code failed on it in a nested call: discard it when the outermost call ends. */
        boolean failed;

        Lease(Instance instance) {
            this.instance = instance;
        }
    }

    private void release(Instance instance) {
        instances.release(instance);
        if (policy == InstancePolicy.PER_CALL) {
            closeResources(instance);
        }
    }

    /** Closes the per-instance state (WASI descriptors, streams) of an instance that will not run again. */
    private void closeResources(Instance instance) {
        AutoCloseable state = resources.remove(instance);
        if (state != null) {
            try {
                state.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(WasmModule.class).warn("module '{}': closing an instance's state failed", name, e);
            }
        }
    }

    /**
     * Closes the state of every instance still alive (the pool's idle ones, the shared one), for
     * application shutdown; Spring calls it when the context closes.
     */
    @Override
    public void close() {
        for (Instance instance : List.copyOf(resources.keySet())) {
            closeResources(instance);
        }
    }

    /** The engine's timeout restated with the Spring property to raise (the engine's message names its own API). */
    private CallTimeoutException forSpring(CallTimeoutException timeout) {
        return timeout instanceof WasmCallTimeoutException ? timeout : new WasmCallTimeoutException(name, timeout);
    }

    /**
     * Whether a failed call may have left the instance half-way through guest code: a trap
     * (including the engine's execution limits), a WASI exit, or an {@link Error}. A caller
     * mistake caught before the guest runs (unknown export, wrong arguments, unconvertible
     * result) leaves it as it was, so it is kept rather than re-instantiated.
     */
    static boolean mayBeInconsistent(Throwable failure) {
        return failure instanceof Error || failure instanceof Trap || failure instanceof WasiExitException;
    }

    /**
     * Runs the module as a WASI command ({@code _start}) on a fresh instance; returns its exit
     * code. Host functions calling back into the module during the command run on that instance.
     */
    public int runCommand() {
        Instance instance = instantiate();
        Lease outer = current.get();
        current.set(new Lease(instance));
        try {
            return WasiCommand.start(instance);
        } catch (CallTimeoutException e) {
            throw forSpring(e);
        } finally {
            if (outer != null) {
                current.set(outer);
            } else {
                current.remove();
            }
            closeResources(instance);
        }
    }

    /**
     * An implementation of {@code api} whose methods call the exports of the same names.
     *
     * @throws IllegalArgumentException when {@code api} is not an interface or a method has no export
     */
    public <T> T bind(Class<T> api) {
        List<String> functions = functionNames();
        for (Method method : api.getMethods()) {
            if (!method.isDefault() && !Modifier.isStatic(method.getModifiers()) && !functions.contains(method.getName())) {
                throw new IllegalArgumentException(api.getName() + "." + method.getName() + " has no export \""
                        + method.getName() + "\" in module '" + name + "'; its functions are " + functions);
            }
        }
        return ExportsInvocationHandler.proxy(this, api);
    }

    /**
     * Creates one instance and puts it in the pool: links every import and runs the start
     * function now, so that a missing import or a trapping start fails at application start-up.
     */
    public void start() {
        withInstance(instance -> null);
    }

    /** A new instance, linked with this module's imports, whose calls obey the module's limits. */
    Instance instantiate() {
        try {
            checkInitialMemory();
            InstanceImports linked = imports.get();
            Instance instance;
            Lease outer = current.get();
            // The start function runs now: a host function calling back from it has no instance to run on yet.
            current.set(Lease.STARTING);
            try {
                instance = module.instantiate(linked.imports(), executionLimits);
            } catch (RuntimeException | Error e) {
                if (linked.resources() != null) {
                    try {
                        linked.resources().close();
                    } catch (Exception closing) {
                        e.addSuppressed(closing);
                    }
                }
                throw e;
            } finally {
                if (outer != null) {
                    current.set(outer);
                } else {
                    current.remove();
                }
            }
            if (linked.resources() != null) {
                resources.put(instance, linked.resources());
            }
            instantiationFailure = null;
            return instance;
        } catch (RuntimeException e) {
            instantiationFailure = e;
            throw e;
        }
    }

    /** Why the latest attempt to create an instance failed, or {@code null} when it succeeded. */
    public RuntimeException instantiationFailure() {
        return instantiationFailure;
    }

    GuestAllocator allocator() {
        return allocator;
    }

    /** Whether the buffer a string or byte[] result was read from is freed once copied out. */
    boolean freesResults() {
        return freeResults;
    }

    WasmCallObserver observer() {
        return observer.get();
    }

    /** Records the memory size for the metrics; the engine keeps it within the limit ({@code memory.grow} fails past it). */
    private void checkMemory(Instance instance) {
        Memory memory = instance.memory();
        memoryPages = memory == null ? 0 : memory.pages();
    }

    /** A module whose own memory starts bigger than the limit cannot run at all: say which property to change. */
    private void checkInitialMemory() {
        if (limits.maxMemoryPages() <= 0) {
            return;
        }
        for (MemoryType memory : module.structure().memories) {
            if (memory.limits().min() > limits.maxMemoryPages()) {
                throw new WasmLimitExceededException("module '" + name + "' needs " + memory.limits().min()
                        + " memory pages to start, more than wasm.modules." + name + ".limits.max-memory-pages="
                        + limits.maxMemoryPages() + "; raise that limit (or wasm.limits.max-memory-pages)");
            }
        }
    }

    private List<String> functionNames() {
        return module.exports().stream().filter(e -> e.type() instanceof FunctionType).map(ExportType::name)
                .collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "WasmModule '" + name + "' " + poolStats();
    }

    /**
     * Describes a {@link WasmModule}; by default pooled (8 instances, 10 s wait), no imports, and
     * the allocator detected among the module's exports ({@code malloc}/{@code free}, else {@code alloc}/{@code dealloc}).
     */
    public static final class Builder {
        private final String name;
        private final Module module;
        private Supplier<InstanceImports> imports = () -> InstanceImports.of(Imports.empty());
        private InstancePolicy policy = InstancePolicy.POOLED;
        private int poolMaxSize = 8;
        private Duration poolMaxWait = Duration.ofSeconds(10);
        private String allocate;
        private String deallocate;
        private boolean freeResults;
        private WasmLimits limits = WasmLimits.NONE;
        private Supplier<WasmCallObserver> observer = () -> WasmCallObserver.NONE;

        private Builder(String name, Module module) {
            this.name = Objects.requireNonNull(name, "name");
            this.module = Objects.requireNonNull(module, "module");
        }

        /** Supplies the imports of each new instance (called once per instance, so WASI state is not shared). */
        public Builder imports(Supplier<Imports> value) {
            Objects.requireNonNull(value);
            this.imports = () -> InstanceImports.of(value.get());
            return this;
        }

        /** Same, with per-instance state that the module closes when the instance is done with. */
        public Builder instanceImports(Supplier<InstanceImports> value) {
            this.imports = Objects.requireNonNull(value);
            return this;
        }

        public Builder policy(InstancePolicy value) {
            this.policy = Objects.requireNonNull(value);
            return this;
        }

        /** For {@link InstancePolicy#POOLED}: the most instances at once, and how long a caller waits for one. */
        public Builder pool(int maxSize, Duration maxWait) {
            this.poolMaxSize = maxSize;
            this.poolMaxWait = maxWait;
            return this;
        }

        /** The exports that allocate and free guest memory for strings and byte arrays passed in ({@code null}: detect them). */
        public Builder allocator(String allocateExport, String deallocateExport) {
            this.allocate = allocateExport;
            this.deallocate = deallocateExport;
            return this;
        }

        /**
         * Whether to free the guest buffer a {@code String} or {@code byte[]} result was read from,
         * through the deallocate export, once it is copied out (default: no). Turn it on for
         * modules whose exports hand each result's buffer over to the caller (allocated per call),
         * leave it off for modules that keep and reuse their result buffer. The size given to a
         * {@code (ptr, size)} deallocator is the result's length (plus one for a NUL-terminated string).
         */
        public Builder freeResults(boolean value) {
            this.freeResults = value;
            return this;
        }

        public Builder limits(WasmLimits value) {
            this.limits = Objects.requireNonNull(value);
            return this;
        }

        /** Watches each call; a supplier so that observers can be looked up when the first call happens. */
        public Builder observer(Supplier<WasmCallObserver> value) {
            this.observer = Objects.requireNonNull(value);
            return this;
        }

        public WasmModule build() {
            return new WasmModule(this);
        }
    }
}
