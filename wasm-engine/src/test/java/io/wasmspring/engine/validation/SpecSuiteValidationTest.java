package io.wasmspring.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.binary.BinaryDecoder;
import io.wasmspring.engine.structure.ModuleStructure;
import io.wasmspring.engine.text.WatParser;
import io.wasmspring.engine.wast.Command;
import io.wasmspring.engine.wast.ModuleDefinition;
import io.wasmspring.engine.wast.WastParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The validator against the official suite (read in place from {@code wasm.testsuite.dir}): in
 * every {@code core-2.0} script, each {@code assert_invalid} module must be rejected with a
 * message starting with the expected text, and each plain {@code (module ...)} (as well as each
 * module of {@code assert_unlinkable} and {@code assert_uninstantiable}) must validate.
 *
 * <p>In the SIMD ({@code simd_*}) scripts a text module that the text parser cannot encode yet is
 * counted and reported, not failed: what this test checks there is the validator, on every
 * module that reaches it.
 */
class SpecSuiteValidationTest {

    private static Path suite() {
        Path dir = Path.of(System.getProperty("wasm.testsuite.dir", "/work/shared/wasm-testsuite"), "core-2.0");
        Assumptions.assumeTrue(Files.isDirectory(dir), "spec suite not found at " + dir);
        return dir;
    }

    @TestFactory
    Stream<DynamicTest> everyNonSimdScript() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(suite())) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".wast"))
                    .filter(p -> !p.getFileName().toString().startsWith("simd_"))
                    .sorted()
                    .toList();
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> check(script, false)));
    }

    @TestFactory
    Stream<DynamicTest> everySimdScript() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(suite())) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".wast"))
                    .filter(p -> p.getFileName().toString().startsWith("simd_"))
                    .sorted()
                    .toList();
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> check(script, true)));
    }

    /** A text module the text parser could not encode (tolerated in the SIMD scripts only). */
    private static final class NotEncodable extends RuntimeException {
        NotEncodable(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static void check(Path script, boolean tolerateUnencodable) throws IOException {
        List<Command> commands = WastParser.parse(Files.readString(script, StandardCharsets.UTF_8));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int unencodable = 0;
        for (Command command : commands) {
            ModuleDefinition valid = validModule(command);
            ModuleDefinition module = valid != null ? valid
                    : command instanceof Command.AssertInvalid invalid ? invalid.module() : null;
            if (module == null) {
                continue;
            }
            String problem;
            try {
                problem = valid != null ? mustValidate(valid)
                        : mustBeInvalid(module, ((Command.AssertInvalid) command).message());
            } catch (NotEncodable e) {
                if (!tolerateUnencodable) {
                    throw e;
                }
                unencodable++;
                continue;
            }
            checked++;
            if (problem != null) {
                failures.add("line " + command.line() + ": " + problem);
            }
        }
        if (unencodable > 0) {
            System.out.println(script.getFileName() + ": " + unencodable + " text module(s) not encodable yet, "
                    + checked + " validated");
        }
        assertThat(failures).as("%s: %d modules checked", script.getFileName(), checked).isEmpty();
        Assumptions.assumeTrue(!tolerateUnencodable || checked > 0,
                () -> script.getFileName() + ": no module could be encoded to validate");
    }

    /** Modules that must pass validation: plain ones, and those that fail only at link or run time. */
    private static ModuleDefinition validModule(Command command) {
        if (command instanceof Command.Module module) {
            return module.module();
        }
        if (command instanceof Command.AssertUnlinkable unlinkable) {
            return unlinkable.module();
        }
        if (command instanceof Command.AssertUninstantiable uninstantiable) {
            return uninstantiable.module();
        }
        return null;
    }

    private static ModuleStructure decode(ModuleDefinition module) {
        byte[] bytes = switch (module.kind()) {
            case BINARY -> module.bytes();
            case TEXT, QUOTE -> encode(module.text());
        };
        return BinaryDecoder.decode(bytes);
    }

    private static byte[] encode(String text) {
        try {
            return WatParser.parseModule(text);
        } catch (RuntimeException e) {
            throw new NotEncodable(e);
        }
    }

    private static String mustValidate(ModuleDefinition module) {
        try {
            Validator.validate(decode(module));
            return null;
        } catch (NotEncodable e) {
            throw e;
        } catch (RuntimeException e) {
            return "valid module rejected: " + e;
        }
    }

    private static String mustBeInvalid(ModuleDefinition module, String expected) {
        ModuleStructure structure;
        try {
            structure = decode(module);
        } catch (NotEncodable e) {
            throw e;
        } catch (RuntimeException e) {
            return "assert_invalid \"" + expected + "\" failed before validation: " + e;
        }
        try {
            Validator.validate(structure);
            return "assert_invalid \"" + expected + "\" accepted";
        } catch (InvalidModuleException e) {
            return e.getMessage().startsWith(expected) ? null
                    : "assert_invalid \"" + expected + "\" rejected with another message: " + e.getMessage();
        } catch (RuntimeException e) {
            return "assert_invalid \"" + expected + "\" threw " + e;
        }
    }
}
