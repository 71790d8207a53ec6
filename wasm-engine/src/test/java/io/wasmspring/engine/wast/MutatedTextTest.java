package io.wasmspring.engine.wast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.wasmspring.engine.InvalidModuleException;
import io.wasmspring.engine.MalformedModuleException;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.text.WatParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Robustness of the text path: the spec suite's text modules are mutated at random (fixed seed)
 * the way a hand-edited file goes wrong — characters deleted, duplicated or replaced, parentheses
 * dropped or added, tokens swapped, the text cut short — and each mutant goes through
 * {@link WatParser} and {@link Module#decode}. Only {@link MalformedModuleException} and
 * {@link InvalidModuleException} may come out, each input within a time bound.
 */
class MutatedTextTest {

    private static final long SEED = 0x7E47_2026L;
    private static final int MODULES_PER_SCRIPT = 8;
    private static final int MUTANTS_PER_MODULE = 40;
    /** Characters a mutation inserts: syntax, digits, letters of keywords, and a few oddities. */
    private static final String ALPHABET = "() \n\t$\"\\;.=_-+0123456789abcdefinxptrlsumgo:@\u00e9\u0000";

    @Test
    void mutatedTextFailsOnlyWithModuleExceptions() throws IOException {
        List<String> seeds = textModules(SpecSuiteTest.suiteRoot().resolve("core-2.0"));
        assertThat(seeds).as("text modules found in the suite").hasSizeGreaterThan(200);
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        int[] outcomes = new int[3]; // accepted, malformed, invalid
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (String seed : seeds) {
                for (int i = 0; i < MUTANTS_PER_MODULE; i++) {
                    String mutant = mutate(seed, random);
                    try {
                        Module.decode(WatParser.parseModule(mutant));
                        outcomes[0]++;
                    } catch (MalformedModuleException e) {
                        outcomes[1]++;
                    } catch (InvalidModuleException e) {
                        outcomes[2]++;
                    } catch (RuntimeException | StackOverflowError e) {
                        if (problems.size() < 10) {
                            problems.add(e + "\n  for: " + abbreviate(mutant));
                        }
                    }
                }
            }
        });
        System.out.printf("mutated text: %d accepted, %d malformed, %d invalid%n", outcomes[0], outcomes[1], outcomes[2]);
        assertThat(problems).as("exceptions other than malformed/invalid").isEmpty();
        // The mutations must actually exercise both outcomes, or the test proves nothing.
        assertThat(outcomes[1]).isPositive();
        assertThat(outcomes[0] + outcomes[2]).isPositive();
    }

    /** The first few text modules of every script of the suite. */
    private static List<String> textModules(Path dir) throws IOException {
        List<String> modules = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".wast")).sorted().toList()) {
                int taken = 0;
                for (Command command : WastParser.parse(Files.readString(file))) {
                    if (command instanceof Command.Module m && m.module().kind() == ModuleDefinition.Kind.TEXT
                            && taken++ < MODULES_PER_SCRIPT) {
                        modules.add(m.module().text());
                    }
                }
            }
        }
        return modules;
    }

    private static String mutate(String text, Random random) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 1; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(6)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> sb.insert(at, random.nextBoolean() ? '(' : ')');
                case 4 -> {
                    int from = random.nextInt(sb.length());
                    int length = Math.min(sb.length() - from, 1 + random.nextInt(12));
                    sb.insert(at, sb.substring(from, from + length));
                }
                default -> sb.setLength(at);
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
