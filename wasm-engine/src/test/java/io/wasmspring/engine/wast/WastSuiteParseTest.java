package io.wasmspring.engine.wast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.binary.BinaryDecoder;
import io.wasmspring.engine.text.WatParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every script of the spec suite's {@code core-2.0} with {@link WastParser}, and every text
 * module in it with {@link WatParser}: modules of {@code assert_malformed} must be rejected, all
 * others must encode, and their encoding must decode.
 */
class WastSuiteParseTest {

    private static Path suite() {
        Path dir = Path.of(System.getProperty("wasm.testsuite.dir", "/work/shared/wasm-testsuite"), "core-2.0");
        assumeTrue(Files.isDirectory(dir), "spec test suite not found at " + dir);
        return dir;
    }

    @TestFactory
    Stream<DynamicTest> everyScriptAndTextModule() throws IOException {
        Path dir = suite();
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        }
        assertThat(scripts).isNotEmpty();
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> check(script)));
    }

    private static void check(Path script) throws IOException {
        List<Command> commands = WastParser.parse(Files.readString(script));
        assertThat(commands).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (Command command : commands) {
            ModuleDefinition module = moduleOf(command);
            if (module == null || module.kind() == ModuleDefinition.Kind.BINARY) {
                continue;
            }
            String where = script.getFileName() + ":" + command.line();
            if (command instanceof Command.AssertMalformed malformed) {
                try {
                    WatParser.parseModule(module.text());
                    failures.add(where + " accepted, expected \"" + malformed.message() + "\"");
                } catch (MalformedModuleException expected) {
                    // rejected as it must be
                }
                continue;
            }
            try {
                BinaryDecoder.decode(WatParser.parseModule(module.text()));
            } catch (MalformedModuleException e) {
                failures.add(where + " " + e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static ModuleDefinition moduleOf(Command command) {
        if (command instanceof Command.Module m) {
            return m.module();
        } else if (command instanceof Command.AssertMalformed m) {
            return m.module();
        } else if (command instanceof Command.AssertInvalid m) {
            return m.module();
        } else if (command instanceof Command.AssertUnlinkable m) {
            return m.module();
        } else if (command instanceof Command.AssertUninstantiable m) {
            return m.module();
        }
        return null;
    }
}
