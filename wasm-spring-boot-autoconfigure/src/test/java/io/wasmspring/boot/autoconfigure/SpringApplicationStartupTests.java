package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.actuate.WasmEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The starter as an application sees it: found through the auto-configuration imports, failures analyzed. */
@ExtendWith(OutputCaptureExtension.class)
class SpringApplicationStartupTests {

    @Test
    void everyAutoConfigurationIsListedInTheImportsFile() {
        List<String> candidates = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates();
        assertThat(candidates).contains(WasmAutoConfiguration.class.getName(),
                WasmObservationAutoConfiguration.class.getName(), WasmMetricsAutoConfiguration.class.getName(),
                WasmHealthContributorAutoConfiguration.class.getName(), WasmEndpointAutoConfiguration.class.getName());
    }

    @Test
    void applicationGetsItsModuleBeansFromTheAutoConfiguration() {
        try (ConfigurableApplicationContext context = application()
                .run("--wasm.modules.calc.location=classpath:wasm/add.wat")) {
            assertThat(context.getBean("calc", WasmModule.class).callInt("add", 20, 22)).isEqualTo(42);
        }
    }

    @Test
    void withActuatorAndMicrometerCallsAreTimedAndModulesReported() {
        try (ConfigurableApplicationContext context = application().run("--wasm.modules.calc.location=classpath:wasm/add.wat",
                "--management.endpoints.web.exposure.include=wasm")) {
            context.getBean("calc", WasmModule.class).callInt("add", 1, 2);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("wasm.call").tag("module", "calc").tag("function", "add").tag("outcome", "success")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get("wasm.pool.size").tag("module", "calc").gauge().value()).isEqualTo(1.0);
            assertThat(context.getBean(WasmEndpoint.class).modules().modules()).containsOnlyKeys("calc");
            assertThat(context.getBean("wasmHealthContributor")).isInstanceOf(CompositeHealthContributor.class);
        }
    }

    @Test
    void missingImportIsReportedWithTheActionToTake(CapturedOutput output) {
        assertThatThrownBy(() -> application().run("--wasm.modules.logger.location=classpath:wasm/log.wat"))
                .hasMessageContaining("env.hostLogUint32");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("module 'logger' imports env.hostLogUint32 (func (param i32)), env.hostLogString (func (param i32 i32)),"
                        + " but nothing provides them")
                .contains("@HostFunction(module = \"env\", name = \"hostLogUint32\") void hostLogUint32(int a0)");
    }

    private static SpringApplication application() {
        SpringApplication application = new SpringApplication(App.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
