package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.wasmspring.boot.WasmCallObserver;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.micrometer.HostFunctionCallCounter;
import io.wasmspring.boot.micrometer.ObservationWasmCallObserver;
import io.wasmspring.boot.micrometer.WasmModuleMeters;
import io.wasmspring.engine.Trap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WasmObservabilityAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class, WasmObservationAutoConfiguration.class,
                    WasmMetricsAutoConfiguration.class))
            .withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat");

    @Test
    void observesEachExportCallWithModuleFunctionAndOutcome() {
        runner.withUserConfiguration(ObservationConfiguration.class).run(context -> {
            context.getBean("counter", WasmModule.class).callInt("bump");
            List<Observation.Context> stopped = context.getBean(RecordingHandler.class).stopped;
            assertThat(stopped).hasSize(1);
            Observation.Context observed = stopped.get(0);
            assertThat(observed.getName()).isEqualTo("wasm.call");
            assertThat(observed.getLowCardinalityKeyValue("module").getValue()).isEqualTo("counter");
            assertThat(observed.getLowCardinalityKeyValue("function").getValue()).isEqualTo("bump");
            assertThat(observed.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
        });
    }

    @Test
    void trappingCallIsObservedAsATrapWithTheError() {
        runner.withUserConfiguration(ObservationConfiguration.class).run(context -> {
            assertThatThrownBy(() -> context.getBean("counter", WasmModule.class).call("crash")).isInstanceOf(Trap.class);
            Observation.Context observed = context.getBean(RecordingHandler.class).stopped.get(0);
            assertThat(observed.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("trap");
            assertThat(observed.getError()).isInstanceOf(Trap.class);
        });
    }

    @Test
    void unknownExportNamesAreTaggedUnknown() {
        runner.withUserConfiguration(ObservationConfiguration.class).run(context -> {
            WasmModule counter = context.getBean("counter", WasmModule.class);
            assertThatThrownBy(() -> counter.call("user-input-1"));
            assertThatThrownBy(() -> counter.call("user-input-2"));
            List<Observation.Context> stopped = context.getBean(RecordingHandler.class).stopped;
            assertThat(stopped).hasSize(2).allSatisfy(observed -> {
                assertThat(observed.getLowCardinalityKeyValue("function").getValue()).isEqualTo("unknown");
                assertThat(observed.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("error");
            });
        });
    }

    @Test
    void badArgumentsAreObservedAsAnError() {
        runner.withUserConfiguration(ObservationConfiguration.class).run(context -> {
            assertThatThrownBy(() -> context.getBean("counter", WasmModule.class).call("div", "x", 1));
            Observation.Context observed = context.getBean(RecordingHandler.class).stopped.get(0);
            assertThat(observed.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("error");
        });
    }

    @Test
    void noObserverWithoutAnObservationRegistryBean() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ObservationWasmCallObserver.class));
    }

    @Test
    void noObserverWithoutMicrometerObservationOnTheClasspath() {
        runner.withUserConfiguration(ObservationConfiguration.class)
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(ObservationWasmCallObserver.class));
    }

    @Test
    void userDefinedObserverWins() {
        runner.withUserConfiguration(ObservationConfiguration.class, OwnObserverConfiguration.class).run(context -> {
            assertThat(context).getBean(ObservationWasmCallObserver.class).isSameAs(OwnObserverConfiguration.OBSERVER);
        });
    }

    @Test
    void countsHostFunctionCalls() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class, WasmMetricsAutoConfiguration.class))
                .withPropertyValues("wasm.modules.logger.location=classpath:wasm/log.wat")
                .withUserConfiguration(MeterRegistryConfiguration.class,
                        HostFunctionAutoConfigurationTests.ConsoleConfiguration.class)
                .run(context -> {
                    WasmModule logger = context.getBean("logger", WasmModule.class);
                    logger.call("run", 1);
                    logger.call("run", 2);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("wasm.host.calls").tag("module", "logger").tag("function", "env.hostLogUint32")
                            .counter().count()).isEqualTo(2.0);
                    assertThat(registry.get("wasm.host.calls").tag("function", "env.hostLogString").counter().count())
                            .isEqualTo(2.0);
                });
    }

    @Test
    void gaugesPoolSizeActiveIdleAndMemoryPages() {
        runner.withUserConfiguration(MeterRegistryConfiguration.class).run(context -> {
            context.getBean("counter", WasmModule.class).callInt("grow", 2);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("wasm.pool.size").tag("module", "counter").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("wasm.pool.active").tag("module", "counter").gauge().value()).isZero();
            assertThat(registry.get("wasm.pool.idle").tag("module", "counter").gauge().value()).isEqualTo(1.0);
            assertThat(registry.get("wasm.memory.pages").tag("module", "counter").gauge().value()).isEqualTo(3.0);
        });
    }

    @Test
    void noMetersWithoutAMeterRegistryBean() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(WasmModuleMeters.class);
            assertThat(context).doesNotHaveBean(HostFunctionCallCounter.class);
        });
    }

    @Test
    void noMetersWithoutMicrometerOnTheClasspath() {
        runner.withUserConfiguration(MeterRegistryConfiguration.class)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(WasmModuleMeters.class);
                    assertThat(context).doesNotHaveBean(HostFunctionCallCounter.class);
                });
    }

    @Test
    void userDefinedMetersWin() {
        runner.withUserConfiguration(MeterRegistryConfiguration.class, OwnMetersConfiguration.class).run(context -> {
            assertThat(context).getBean(WasmModuleMeters.class).isSameAs(context.getBean("myMeters"));
            assertThat(context).getBean(HostFunctionCallCounter.class).isSameAs(context.getBean("myCounter"));
        });
    }

    static class RecordingHandler implements ObservationHandler<Observation.Context> {
        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ObservationConfiguration {
        @Bean
        RecordingHandler recordingHandler() {
            return new RecordingHandler();
        }

        @Bean
        ObservationRegistry observationRegistry(RecordingHandler handler) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(handler);
            return registry;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnObserverConfiguration {
        static final ObservationWasmCallObserver OBSERVER = new ObservationWasmCallObserver(ObservationRegistry.NOOP);

        @Bean
        ObservationWasmCallObserver myObserver() {
            return OBSERVER;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MeterRegistryConfiguration {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMetersConfiguration {
        @Bean
        WasmModuleMeters myMeters(MeterRegistry registry) {
            return new WasmModuleMeters(registry, new org.springframework.beans.factory.support.StaticListableBeanFactory()
                    .getBeanProvider(WasmModule.class));
        }

        @Bean
        HostFunctionCallCounter myCounter(MeterRegistry registry) {
            return new HostFunctionCallCounter(registry);
        }
    }

    /** Keeps the import of {@link WasmCallObserver} meaningful: every observer bean is applied. */
    @Test
    void everyObserverBeanIsApplied() {
        runner.withUserConfiguration(ObservationConfiguration.class, MeterRegistryConfiguration.class).run(context -> {
            assertThat(context.getBeansOfType(WasmCallObserver.class)).hasSize(2);
            context.getBean("counter", WasmModule.class).callInt("bump");
            assertThat(context.getBean(RecordingHandler.class).stopped).hasSize(1);
        });
    }
}
