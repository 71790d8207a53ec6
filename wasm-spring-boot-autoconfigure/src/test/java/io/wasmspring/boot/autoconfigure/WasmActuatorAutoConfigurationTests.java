package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.actuate.WasmEndpoint;
import io.wasmspring.boot.actuate.WasmModuleHealthIndicator;
import io.wasmspring.engine.Imports;
import io.wasmspring.engine.Module;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WasmActuatorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class,
                    WasmHealthContributorAutoConfiguration.class, WasmEndpointAutoConfiguration.class))
            .withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat",
                    "wasm.modules.logger.location=classpath:wasm/log.wat")
            .withUserConfiguration(HostFunctionAutoConfigurationTests.ConsoleConfiguration.class);

    @Test
    void healthContributorHasAnIndicatorPerModule() {
        runner.run(context -> {
            CompositeHealthContributor wasm = context.getBean("wasmHealthContributor", CompositeHealthContributor.class);
            assertThat(wasm.stream().map(c -> c.name())).containsExactly("calc", "logger");
            HealthIndicator calc = (HealthIndicator) wasm.getContributor("calc");
            assertThat(calc.health().getStatus()).isEqualTo(Status.UP);
            assertThat(calc.health().getDetails()).containsEntry("policy", "POOLED").containsEntry("instances", 1);
        });
    }

    @Test
    void healthIsDownWhileInstancesCannotBeCreated() {
        AtomicBoolean broken = new AtomicBoolean();
        WasmModule module = WasmModule.builder("flaky", Module.parseText("(module (func (export \"f\")))"))
                .policy(io.wasmspring.boot.InstancePolicy.PER_CALL).imports(() -> {
                    if (broken.get()) {
                        throw new IllegalStateException("imports unavailable");
                    }
                    return Imports.empty();
                }).build();
        module.call("f");
        assertThat(new WasmModuleHealthIndicator(module).health().getStatus()).isEqualTo(Status.UP);
        broken.set(true);
        try {
            module.call("f");
        } catch (IllegalStateException expected) {
            // the health indicator reports it
        }
        assertThat(new WasmModuleHealthIndicator(module).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(new WasmModuleHealthIndicator(module).health().getDetails().get("error").toString())
                .contains("imports unavailable");
    }

    @Test
    void noHealthContributorWithoutSpringBootHealth() {
        runner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
                .run(context -> assertThat(context).doesNotHaveBean("wasmHealthContributor"));
    }

    @Test
    void noHealthContributorWhenDisabled() {
        runner.withPropertyValues("management.health.wasm.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("wasmHealthContributor"));
    }

    @Test
    void userDefinedHealthContributorWins() {
        runner.withUserConfiguration(OwnHealthConfiguration.class).run(context -> {
            assertThat(context.getBean("wasmHealthContributor")).isSameAs(OwnHealthConfiguration.INDICATOR);
        });
    }

    @Test
    void endpointIsAvailableWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=wasm")
                .run(context -> assertThat(context).hasSingleBean(WasmEndpoint.class));
    }

    @Test
    void endpointIsAbsentWhenNotExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(WasmEndpoint.class));
    }

    @Test
    void endpointIsAbsentWithoutActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=wasm")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).doesNotHaveBean(WasmEndpoint.class));
    }

    @Test
    void endpointListsExportsImportsMemoryLimitsAndPool() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=wasm", "wasm.limits.max-memory-pages=4")
                .run(context -> {
                    context.getBean("logger", WasmModule.class).call("run", 1);
                    WasmEndpoint.ModulesDescriptor all = context.getBean(WasmEndpoint.class).modules();
                    assertThat(all.modules()).containsOnlyKeys("calc", "logger");
                    WasmEndpoint.ModuleDescriptor logger = all.modules().get("logger");
                    assertThat(logger.imports()).extracting(WasmEndpoint.ExternDescriptor::name)
                            .containsExactly("hostLogUint32", "hostLogString");
                    assertThat(logger.imports().get(0).module()).isEqualTo("env");
                    assertThat(logger.imports().get(0).type()).isEqualTo("(func (param i32))");
                    assertThat(logger.exports()).extracting(WasmEndpoint.ExternDescriptor::kind)
                            .containsExactly("memory", "func");
                    assertThat(logger.memory().pages()).isEqualTo(1);
                    assertThat(logger.limits().maxMemoryPages()).isEqualTo(4);
                    assertThat(logger.pool().size()).isEqualTo(1);
                });
    }

    @Test
    void endpointSelectsOneModuleByName() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=wasm").run(context -> {
            WasmEndpoint endpoint = context.getBean(WasmEndpoint.class);
            assertThat(endpoint.module("calc").exports()).extracting(WasmEndpoint.ExternDescriptor::name).contains("add");
            assertThat(endpoint.module("nope")).isNull();
        });
    }

    @Test
    void userDefinedEndpointWins() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=wasm")
                .withUserConfiguration(OwnEndpointConfiguration.class)
                .run(context -> assertThat(context).getBean(WasmEndpoint.class).isSameAs(context.getBean("myEndpoint")));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHealthConfiguration {
        static final HealthIndicator INDICATOR = () -> org.springframework.boot.health.contributor.Health.up().build();

        @Bean
        HealthIndicator wasmHealthContributor() {
            return INDICATOR;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEndpointConfiguration {
        @Bean
        WasmEndpoint myEndpoint(io.wasmspring.boot.WasmModules modules) {
            return new WasmEndpoint(modules);
        }
    }
}
