package io.wasmspring.engine.binary;

import static io.wasmspring.engine.binary.Wasm.body;
import static io.wasmspring.engine.binary.Wasm.bytes;
import static io.wasmspring.engine.binary.Wasm.concat;
import static io.wasmspring.engine.binary.Wasm.module;
import static io.wasmspring.engine.binary.Wasm.name;
import static io.wasmspring.engine.binary.Wasm.section;
import static io.wasmspring.engine.binary.Wasm.u32;
import static io.wasmspring.engine.binary.Wasm.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.structure.ModuleStructure;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Robustness: valid modules (the spec suite's binary modules, its text modules when the text
 * parser can encode them, the WASI suite's toolchain binaries, and one built here that uses every
 * section) are mutated at random with
 * a fixed seed, and every mutant is decoded and, when the validator is present, validated. The
 * only acceptable failures are {@link MalformedModuleException} and {@link InvalidModuleException};
 * each input must finish within a time bound.
 */
class MutatedModulesTest {

    private static final long SEED = 0x5EED_2026L;
    private static final int MUTANTS_PER_SEED = 150;
    private static final int MAX_SEEDS = 1500;
    private static final long BYTES_PER_SEED = 4_000_000;
    /** Text modules taken from each script, so that every script contributes its instructions. */
    private static final int TEXT_SEEDS_PER_SCRIPT = 10;
    /** Stop starting new batches after this long (seeding included) so the test stays under about 20 seconds. */
    private static final long BUDGET_NANOS = 15_000_000_000L;
    private static final Duration PER_INPUT = Duration.ofSeconds(2);
    private static final int MAX_REPORTED = 15;

    @Test
    void mutantsFailOnlyWithModuleExceptions() {
        Consumer<ModuleStructure> validator = validator();
        long seedingStart = System.nanoTime();
        long deadline = seedingStart + BUDGET_NANOS;
        List<byte[]> seeds = seeds();
        long seedingMillis = (System.nanoTime() - seedingStart) / 1_000_000;
        assertThat(seeds).as("seed modules").isNotEmpty();

        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        int[] counts = new int[2]; // inputs run, inputs accepted
        for (int s = 0; s < seeds.size() && System.nanoTime() < deadline; s++) {
            byte[] seed = seeds.get(s);
            List<Integer> lengthSites = lengthSites(seed);
            // Big toolchain binaries get fewer mutants: each costs as much as many small ones.
            byte[][] mutants = new byte[(int) Math.max(10, Math.min(MUTANTS_PER_SEED, BYTES_PER_SEED / seed.length))][];
            for (int k = 0; k < mutants.length; k++) {
                mutants[k] = mutate(seed, lengthSites, random);
            }
            int seedIndex = s;
            // One preemptive bound per batch keeps thread start-up out of the per-input cost; each
            // input's own time is measured inside and held to PER_INPUT as well.
            try {
                assertTimeoutPreemptively(PER_INPUT.multipliedBy(4), () -> {
                    for (int k = 0; k < mutants.length; k++) {
                        long start = System.nanoTime();
                        String outcome = check(mutants[k], validator);
                        long nanos = System.nanoTime() - start;
                        counts[0]++;
                        if (outcome == null) {
                            counts[1]++;
                        } else if (!outcome.isEmpty()) {
                            report(problems, seedIndex, k, outcome, mutants[k]);
                        }
                        if (nanos > PER_INPUT.toNanos()) {
                            report(problems, seedIndex, k, "took " + nanos / 1_000_000 + " ms", mutants[k]);
                        }
                    }
                });
            } catch (AssertionError timeout) {
                report(problems, seedIndex, -1, "batch timed out: " + timeout.getMessage(), seed);
            }
        }
        System.out.println("MutatedModulesTest: " + counts[0] + " mutated inputs from " + seeds.size() + " seeds (built in "
                + seedingMillis + " ms), " + counts[1] + " decoded" + (validator == null ? "" : " and validated")
                + " without error; validator " + (validator == null ? "absent" : "present"));
        assertThat(counts[0]).isGreaterThan(1000);
        assertThat(problems).as("unexpected exceptions or timeouts").isEmpty();
    }

    private static synchronized void report(List<String> problems, int seed, int mutant, String what, byte[] input) {
        if (problems.size() < MAX_REPORTED) {
            String hex = HexFormat.of().formatHex(input, 0, Math.min(input.length, 400));
            problems.add("seed " + seed + " mutant " + mutant + ": " + what + "\n  input: " + hex);
        }
    }

    /**
     * Decodes and validates: {@code null} when accepted, {@code ""} for an expected module
     * exception, else a description of what went wrong.
     */
    private static String check(byte[] mutant, Consumer<ModuleStructure> validator) {
        try {
            ModuleStructure module = BinaryDecoder.decode(mutant);
            if (validator != null) {
                validator.accept(module);
            }
            return null;
        } catch (MalformedModuleException | InvalidModuleException expected) {
            return "";
        } catch (Throwable t) {
            StackTraceElement[] trace = t.getStackTrace();
            return t + " at " + Arrays.toString(Arrays.copyOf(trace, Math.min(4, trace.length)));
        }
    }

    // ---- seeds

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(everySection());
        Path dir = WastBinaryModules.core20();
        if (dir == null) {
            return seeds;
        }
        for (WastBinaryModules.BinaryModule m : WastBinaryModules.all(dir)) {
            if (!m.expectedMalformed() && decodes(m.bytes())) {
                seeds.add(m.bytes());
            }
        }
        seeds.addAll(toolchainBinaries());
        Method parse = watParser();
        if (parse != null) {
            for (Path file : WastBinaryModules.wastFiles(dir)) {
                int taken = 0;
                for (String text : WastBinaryModules.textModules(file)) {
                    if (seeds.size() >= MAX_SEEDS) {
                        return seeds;
                    }
                    if (taken == TEXT_SEEDS_PER_SCRIPT) {
                        break;
                    }
                    byte[] binary = encode(parse, text);
                    if (binary != null && binary.length > 8 && decodes(binary)) {
                        seeds.add(binary);
                        taken++;
                    }
                }
            }
        }
        return seeds;
    }

    /** The WASI test suite's prebuilt C, Rust and AssemblyScript binaries, when present. */
    private static List<byte[]> toolchainBinaries() {
        Path dir = Path.of(System.getProperty("wasi.testsuite.dir", "/work/shared/wasi-testsuite"));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<byte[]> binaries = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList()) {
                binaries.add(Files.readAllBytes(file));
            }
            return binaries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean decodes(byte[] binary) {
        try {
            BinaryDecoder.decode(binary);
            return true;
        } catch (MalformedModuleException e) {
            return false;
        }
    }

    /** A module using every section and the instruction immediates of each shape. */
    static byte[] everySection() {
        byte[] types = section(1, vec(2, bytes(0x60, 2, 0x7F, 0x7E, 1, 0x7F), bytes(0x60, 0, 0)));
        byte[] imports = section(2, vec(2,
                concat(name("env"), name("f"), bytes(0x00, 0)),
                concat(name("env"), name("g"), bytes(0x03, 0x7F, 0x00))));
        byte[] functions = section(3, vec(2, bytes(0), bytes(1)));
        byte[] tables = section(4, vec(1, bytes(0x70, 0x01, 2, 10)));
        byte[] memories = section(5, vec(1, bytes(0x01, 1, 2)));
        byte[] globals = section(6, vec(1, bytes(0x7F, 0x01, 0x23, 0, 0x0B)));
        byte[] exports = section(7, vec(2, concat(name("run"), bytes(0x00, 1)), concat(name("mem"), bytes(0x02, 0))));
        byte[] start = section(8, u32(2));
        byte[] elements = section(9, vec(3,
                bytes(0x00, 0x41, 0, 0x0B, 2, 1, 2),
                bytes(0x05, 0x70, 1, 0xD2, 1, 0x0B),
                bytes(0x03, 0x00, 1, 2)));
        byte[] dataCount = section(12, u32(2));
        byte[] code = section(10, vec(2,
                sized(bytes(1, 2, 0x7F,
                        0x20, 0, 0x04, 0x7F, 0x20, 2, 0x05, 0x41, 7, 0x0B,   // if/else with result
                        0x02, 0x40, 0x20, 0, 0x0E, 1, 0, 0, 0x0B,             // block + br_table
                        0x41, 0, 0x28, 2, 4, 0x6A,                            // i32.load
                        0x41, 0, 0x41, 0, 0x41, 1, 0xFC, 0x08, 0, 0x00,       // memory.init
                        0xFC, 0x09, 1,                                        // data.drop
                        0x1A, 0x0B)),
                body(0x41, 1, 0x42, 2, 0x10, 0, 0x1A, 0x3F, 0x00, 0x40, 0x00, 0x1A, 0x0B)));
        byte[] data = section(11, vec(2, bytes(0x00, 0x41, 8, 0x0B, 3, 'a', 'b', 'c'), bytes(0x01, 2, 'x', 'y')));
        byte[] names = section(0, name("name"),
                section(1, vec(2, concat(u32(1), name("run")), concat(u32(2), name("init")))),
                section(2, vec(1, concat(u32(1), vec(1, concat(u32(0), name("a")))))));
        return module(types, imports, functions, tables, memories, globals, exports, start, elements, dataCount, code, data, names);
    }

    private static byte[] sized(byte[] content) {
        return concat(u32(content.length), content);
    }

    // ---- optional collaborators, found reflectively so that this test compiles on its own

    @SuppressWarnings("unchecked")
    private static Consumer<ModuleStructure> validator() {
        try {
            Method validate = Class.forName("io.wasmspring.engine.validation.Validator")
                    .getMethod("validate", ModuleStructure.class);
            return module -> {
                try {
                    validate.invoke(null, module);
                } catch (InvocationTargetException e) {
                    throw sneaky(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static Method watParser() {
        try {
            return Class.forName("io.wasmspring.engine.text.WatParser").getMethod("parseModule", String.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static byte[] encode(Method parse, String text) {
        try {
            return (byte[]) parse.invoke(null, text);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    // ---- mutations

    /** Offsets of LEB128 section sizes and of the count that opens each non-custom section. */
    static List<Integer> lengthSites(byte[] module) {
        List<Integer> sites = new ArrayList<>();
        int p = 8;
        while (p < module.length) {
            int id = module[p] & 0xFF;
            int sizeAt = p + 1;
            sites.add(sizeAt);
            long size = 0;
            int q = sizeAt;
            int shift = 0;
            while (q < module.length && shift < 35) {
                int b = module[q++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (id != 0 && id != 8 && id != 12 && q < module.length) {
                sites.add(q);
            }
            p = (int) Math.min(module.length, q + size);
        }
        return sites;
    }

    static byte[] mutate(byte[] seed, List<Integer> lengthSites, Random random) {
        byte[] m = seed;
        int count = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        for (int i = 0; i < count; i++) {
            m = mutateOnce(m, m == seed ? lengthSites : List.of(), random);
        }
        return m;
    }

    private static byte[] mutateOnce(byte[] in, List<Integer> lengthSites, Random random) {
        int n = in.length;
        // Mutations inside the header only test the magic check: mostly hit the content.
        int from = n > 8 && random.nextInt(10) != 0 ? 8 : 0;
        int at = from + random.nextInt(Math.max(1, n - from));
        switch (random.nextInt(lengthSites.isEmpty() ? 7 : 8)) {
            case 0 -> { // flip one bit
                byte[] m = in.clone();
                if (n > 0) {
                    m[at] ^= (byte) (1 << random.nextInt(8));
                }
                return m;
            }
            case 1 -> { // replace a byte, often with an interesting one
                byte[] m = in.clone();
                if (n > 0) {
                    int[] interesting = {0x00, 0x01, 0x0B, 0x40, 0x7F, 0x80, 0xFF, 0xFC, 0xFD, 0x02, 0x04, 0x05};
                    m[at] = (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
                }
                return m;
            }
            case 2 -> { // truncate
                return Arrays.copyOf(in, random.nextInt(n + 1));
            }
            case 3 -> { // insert random bytes
                int len = 1 + random.nextInt(8);
                byte[] extra = new byte[len];
                random.nextBytes(extra);
                return splice(in, at, 0, extra);
            }
            case 4 -> { // delete a range
                int len = 1 + random.nextInt(Math.min(8, Math.max(1, n - at)));
                return splice(in, at, Math.min(len, n - at), new byte[0]);
            }
            case 5 -> { // duplicate a range
                int len = 1 + random.nextInt(16);
                int end = Math.min(n, at + len);
                return splice(in, at, 0, Arrays.copyOfRange(in, at, end));
            }
            case 6 -> { // overwrite with a huge LEB128 anywhere
                return splice(in, at, Math.min(5, n - at), hugeLeb(random));
            }
            default -> { // overwrite a real section size or vector count
                int site = lengthSites.get(random.nextInt(lengthSites.size()));
                int len = 1;
                while (site + len - 1 < n && (in[site + len - 1] & 0x80) != 0 && len < 5) {
                    len++;
                }
                return splice(in, site, Math.min(len, n - site), hugeLeb(random));
            }
        }
    }

    private static byte[] hugeLeb(Random random) {
        long[] values = {0xFFFF_FFFFL, 0x7FFF_FFFFL, 0x8000_0000L, 0x1000_0000L, 0xFFFFL, 100_000L, 0};
        long v = values[random.nextInt(values.length)];
        if (random.nextInt(4) == 0) {
            // A too-long or too-large encoding.
            return bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F);
        }
        return u32(v);
    }

    private static byte[] splice(byte[] in, int at, int removed, byte[] inserted) {
        int start = Math.min(at, in.length);
        int cut = Math.min(removed, in.length - start);
        byte[] out = new byte[in.length - cut + inserted.length];
        System.arraycopy(in, 0, out, 0, start);
        System.arraycopy(inserted, 0, out, start, inserted.length);
        System.arraycopy(in, start + cut, out, start + inserted.length, in.length - start - cut);
        return out;
    }

    @Test
    void builtModuleUsesEverySectionAndDecodes() {
        ModuleStructure m = BinaryDecoder.decode(everySection());
        assertThat(m.types).hasSize(2);
        assertThat(m.imports).hasSize(2);
        assertThat(m.codes).hasSize(2);
        assertThat(m.elements).hasSize(3);
        assertThat(m.datas).hasSize(2);
        assertThat(m.dataCount).isEqualTo(2);
        assertThat(m.startFunction).isEqualTo(2);
        assertThat(m.names.functionNames()).containsEntry(1, "run");
        assertThat(lengthSites(everySection())).hasSizeGreaterThan(12);
    }
}
