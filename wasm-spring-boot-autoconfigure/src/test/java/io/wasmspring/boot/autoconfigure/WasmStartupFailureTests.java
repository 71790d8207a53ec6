package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.boot.HostFunction;
import io.wasmspring.boot.HostFunctionSignatureException;
import io.wasmspring.boot.MissingImportException;
import io.wasmspring.boot.WasmModuleLoadException;
import io.wasmspring.boot.WasmSetupException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WasmStartupFailureTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class));

    @Test
    void missingLocation() {
        runner.withPropertyValues("wasm.modules.calc.policy=shared").run(context -> {
            assertThat(setupFailure(context)).isInstanceOf(WasmModuleLoadException.class)
                    .hasMessageContaining("'calc' has no location");
        });
    }

    @Test
    void missingFile() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/nope.wasm").run(context -> {
            assertThat(setupFailure(context)).isInstanceOf(WasmModuleLoadException.class)
                    .hasMessageContaining("does not exist").hasMessageContaining("nope.wasm");
        });
    }

    @Test
    void malformedModule() {
        runner.withPropertyValues("wasm.modules.bad.location=classpath:wasm/malformed.wat").run(context -> {
            assertThat(context).getFailure().rootCause().isInstanceOf(io.wasmspring.engine.MalformedModuleException.class);
            assertThat(setupFailure(context)).isInstanceOf(WasmModuleLoadException.class)
                    .hasMessageContaining("wasm module 'bad'").hasMessageContaining("is malformed").hasMessageContaining("2:3");
        });
    }

    @Test
    void invalidModule() {
        runner.withPropertyValues("wasm.modules.bad.location=classpath:wasm/invalid.wat").run(context -> {
            assertThat(context).getFailure().rootCause().isInstanceOf(io.wasmspring.engine.InvalidModuleException.class);
            assertThat(setupFailure(context)).isInstanceOf(WasmModuleLoadException.class)
                    .hasMessageContaining("wasm module 'bad'").hasMessageContaining("is invalid").hasMessageContaining("type mismatch");
        });
    }

    @Test
    void importNothingProvidesIsNamedWithItsSignatureAndTheHostFunctionsFound() {
        runner.withPropertyValues("wasm.modules.logger.location=classpath:wasm/log.wat")
                .withUserConfiguration(HalfConsoleConfiguration.class).run(context -> {
                    assertThat(context).getFailure().isInstanceOf(MissingImportException.class)
                            .hasMessageContaining("env.hostLogString (func (param i32 i32))")
                            .hasMessageContaining("nothing provides it")
                            .hasMessageContaining("env.hostLogUint32 (func (param i32)) <- halfConsole");
                    MissingImportException failure = (MissingImportException) context.getStartupFailure();
                    assertThat(failure.missingImport().name()).isEqualTo("hostLogString");
                    assertThat(failure.action()).contains("@HostFunction(module = \"env\", name = \"hostLogString\") void hostLogString(int a0, int a1)");
                });
    }

    @Test
    void everyMissingImportIsNamedAtOnce() {
        runner.withPropertyValues("wasm.modules.logger.location=classpath:wasm/log.wat").run(context -> {
            assertThat(context).getFailure().isInstanceOf(MissingImportException.class)
                    .hasMessageContaining("env.hostLogUint32 (func (param i32)), env.hostLogString (func (param i32 i32))")
                    .hasMessageContaining("nothing provides them").hasMessageContaining("@HostFunction methods found: none");
            MissingImportException failure = (MissingImportException) context.getStartupFailure();
            assertThat(failure.missingImports()).hasSize(2);
            assertThat(failure.action()).contains("void hostLogUint32(int a0)").contains("void hostLogString(int a0, int a1)");
        });
    }

    @Test
    void hostFunctionOfTheWrongWasmType() {
        runner.withPropertyValues("wasm.modules.logger.location=classpath:wasm/log.wat")
                .withUserConfiguration(WrongTypeConfiguration.class).run(context -> {
                    assertThat(context).getFailure().isInstanceOf(HostFunctionSignatureException.class)
                            .hasMessageContaining("imports env.hostLogUint32 with type (func (param i32))")
                            .hasMessageContaining("has type (func (param i64))");
                });
    }

    @Test
    void hostFunctionWithAJavaTypeThatHasNoWasmCounterpart() {
        runner.withPropertyValues("wasm.modules.logger.location=classpath:wasm/log.wat")
                .withUserConfiguration(UnmappableConfiguration.class).run(context -> {
                    assertThat(context).getFailure().isInstanceOf(HostFunctionSignatureException.class)
                            .hasMessageContaining("UnmappableConsole.hostLogUint32(Object)")
                            .hasMessageContaining("parameter 0 of type java.lang.Object")
                            .hasMessageContaining("no wasm counterpart");
                });
    }

    @Test
    void twoHostFunctionsForOneImport() {
        runner.withPropertyValues("wasm.modules.logger.location=classpath:wasm/log.wat")
                .withUserConfiguration(HalfConsoleConfiguration.class, DuplicateConfiguration.class).run(context -> {
                    assertThat(context).getFailure().isInstanceOf(WasmSetupException.class)
                            .hasMessageContaining("several @HostFunction methods provide the same import");
                });
    }

    @Test
    void wasiImportWithWasiDisabled() {
        runner.withPropertyValues("wasm.modules.hello.location=classpath:wasm/wasi-hello.wat",
                "wasm.modules.hello.wasi.enabled=false").run(context -> {
                    assertThat(context).getFailure().isInstanceOf(MissingImportException.class)
                            .hasMessageContaining("wasi_snapshot_preview1.fd_write");
                    assertThat(((WasmSetupException) context.getStartupFailure()).action())
                            .contains("wasm.modules.hello.wasi.enabled=true");
                });
    }

    @Test
    void startFunctionThatTraps() {
        runner.withPropertyValues("wasm.modules.doomed.location=classpath:wasm/start-trap.wat").run(context -> {
            assertThat(context).getFailure().isInstanceOf(WasmSetupException.class)
                    .hasMessageContaining("'doomed' cannot be instantiated").hasMessageContaining("unreachable");
        });
    }

    @Test
    void interfaceThatIsNotOnTheClasspath() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat",
                "wasm.modules.calc.interface=com.example.Missing").run(context -> {
                    assertThat(setupFailure(context)).hasMessageContaining("com.example.Missing")
                            .hasMessageContaining("not on the classpath");
                });
    }

    @Test
    void interfaceThatIsAClass() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat",
                "wasm.modules.calc.interface=java.lang.String").run(context -> {
                    assertThat(setupFailure(context)).hasMessageContaining("not an interface");
                });
    }

    @Test
    void failureAnalyzerReportsTheMessageAndTheAction() {
        WasmSetupException failure = new WasmSetupException("calc", "it broke", "fix it");
        FailureAnalysis analysis = new WasmSetupFailureAnalyzer().analyze(new IllegalStateException("wrapper", failure));
        assertThat(analysis.getDescription()).isEqualTo("it broke");
        assertThat(analysis.getAction()).isEqualTo("fix it");
    }

    @Test
    void failureAnalyzerIsRegistered() throws Exception {
        List<String> analyzers = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            analyzers.add(PropertiesLoaderUtils.loadProperties(new UrlResource(url))
                    .getProperty("org.springframework.boot.diagnostics.FailureAnalyzer", ""));
        }
        assertThat(analyzers).anyMatch(names -> names.contains(WasmSetupFailureAnalyzer.class.getName()));
    }

    /** The start-up failure's {@link WasmSetupException}, wherever it is in the cause chain. */
    @Test
    void moduleNameTakenByAnotherBeanFailsStartUp() {
        runner.withUserConfiguration(NameClashConfiguration.class)
                .withPropertyValues("wasm.modules.calculator.location=classpath:wasm/add.wat").run(context -> {
                    WasmSetupException failure = setupFailure(context);
                    assertThat(failure).hasMessageContaining("'calculator'").hasMessageContaining("already taken")
                            .hasMessageContaining(String.class.getName());
                    assertThat(failure.action()).contains("Rename the module");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class NameClashConfiguration {
        @Bean
        String calculator() {
            return "not a module";
        }
    }

    private static WasmSetupException setupFailure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            if (t instanceof WasmSetupException setup) {
                return setup;
            }
        }
        throw new AssertionError("no WasmSetupException in " + context.getStartupFailure());
    }

    public static class HalfConsole {
        @HostFunction
        public void hostLogUint32(int value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HalfConsoleConfiguration {
        @Bean
        HalfConsole halfConsole() {
            return new HalfConsole();
        }
    }

    public static class DuplicateConsole {
        @HostFunction(name = "hostLogUint32")
        public void another(int value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DuplicateConfiguration {
        @Bean
        DuplicateConsole duplicateConsole() {
            return new DuplicateConsole();
        }
    }

    public static class WrongTypeConsole {
        @HostFunction
        public void hostLogUint32(long value) {
        }

        @HostFunction
        public void hostLogString(String value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WrongTypeConfiguration {
        @Bean
        WrongTypeConsole wrongTypeConsole() {
            return new WrongTypeConsole();
        }
    }

    public static class UnmappableConsole {
        @HostFunction
        public void hostLogUint32(Object value) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnmappableConfiguration {
        @Bean
        UnmappableConsole unmappableConsole() {
            return new UnmappableConsole();
        }
    }
}
