package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.boot.HostFunction;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.engine.Instance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class HostFunctionAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
            .withPropertyValues("wasm.modules.logger.location=classpath:wasm/log.wat");

    @Test
    void hostFunctionMethodsBecomeTheModulesImports() {
        runner.withUserConfiguration(ConsoleConfiguration.class).run(context -> {
            context.getBean("logger", WasmModule.class).call("run", 7);
            Console console = context.getBean(Console.class);
            assertThat(console.lines).containsExactly("uint32 7", "string hello from wasm");
        });
    }

    @Test
    void unsignedNumbersArriveAsTheirBits() {
        runner.withUserConfiguration(ConsoleConfiguration.class).run(context -> {
            context.getBean("logger", WasmModule.class).call("run", -1);
            assertThat(context.getBean(Console.class).lines).first().isEqualTo("uint32 4294967295");
        });
    }

    @Test
    void hostFunctionsOfProxiedBeansAreCalledThroughTheProxy() {
        runner.withUserConfiguration(ConsoleConfiguration.class, ProxyingConfiguration.class).run(context -> {
            Console console = context.getBean(Console.class);
            assertThat(AopUtils.isAopProxy(console)).isTrue();
            context.getBean("logger", WasmModule.class).call("run", 3);
            assertThat(ProxyingConfiguration.intercepted).contains("hostLogUint32", "hostLogString");
            assertThat(console.lines()).containsExactly("uint32 3", "string hello from wasm");
        });
    }

    @Test
    void annotationNamesTheImportModuleAndFunction() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
                .withPropertyValues("wasm.modules.twice.location=classpath:wasm/custom-import.wat")
                .withUserConfiguration(DoublerConfiguration.class).run(context -> {
                    assertThat(context.getBean("twice", WasmModule.class).callLong("callTwice", 21L)).isEqualTo(42L);
                });
    }

    @Test
    void exceptionOfAHostFunctionFailsTheCallAsATrapNamingIt() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
                .withPropertyValues("wasm.modules.twice.location=classpath:wasm/custom-import.wat")
                .withUserConfiguration(DoublerConfiguration.class).run(context -> {
                    WasmModule twice = context.getBean("twice", WasmModule.class);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> twice.callLong("callTwice", -1L))
                            .isInstanceOf(io.wasmspring.engine.Trap.class).hasMessageContaining("console.twice")
                            .hasRootCauseMessage("negative");
                    assertThat(twice.callLong("callTwice", 4L)).isEqualTo(8L);
                });
    }

    @Test
    void callingInstanceIsInjected() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
                .withPropertyValues("wasm.modules.logger.location=classpath:wasm/log.wat")
                .withUserConfiguration(InstanceAwareConfiguration.class).run(context -> {
                    context.getBean("logger", WasmModule.class).call("run", 1);
                    assertThat(context.getBean(InstanceAwareConsole.class).memoryPages).isEqualTo(1);
                });
    }

    @Test
    void registryListsDiscoveredHostFunctions() {
        runner.withUserConfiguration(ConsoleConfiguration.class).run(context -> {
            assertThat(context.getBean(HostFunctionRegistry.class).registrations())
                    .extracting(HostFunctionRegistry.Registration::name)
                    .containsExactlyInAnyOrder("hostLogUint32", "hostLogString");
        });
    }

    public static class Console {
        final List<String> lines = new ArrayList<>();

        @HostFunction
        public void hostLogUint32(int value) {
            lines.add("uint32 " + Integer.toUnsignedString(value));
        }

        @HostFunction
        public void hostLogString(String message) {
            lines.add("string " + message);
        }

        public List<String> lines() {
            return lines;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ConsoleConfiguration {
        @Bean
        Console console() {
            return new Console();
        }
    }

    /** Wraps {@link Console} in a class-based AOP proxy that records the methods called through it. */
    @Configuration(proxyBeanMethods = false)
    static class ProxyingConfiguration {
        static final List<String> intercepted = new ArrayList<>();

        @Bean
        static BeanPostProcessor consoleProxier() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof Console)) {
                        return bean;
                    }
                    ProxyFactory factory = new ProxyFactory(bean);
                    factory.setProxyTargetClass(true);
                    factory.addAdvice((org.aopalliance.intercept.MethodInterceptor) invocation -> {
                        intercepted.add(invocation.getMethod().getName());
                        return invocation.proceed();
                    });
                    return factory.getProxy();
                }
            };
        }
    }

    public static class Doubler {
        @HostFunction(module = "console", name = "twice")
        public long doubleIt(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative");
            }
            return value * 2;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DoublerConfiguration {
        @Bean
        Doubler doubler() {
            return new Doubler();
        }
    }

    public static class InstanceAwareConsole {
        int memoryPages;

        @HostFunction
        public void hostLogUint32(Instance caller, int value) {
            memoryPages = caller.memory().pages();
        }

        @HostFunction
        public void hostLogString(byte[] message) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InstanceAwareConfiguration {
        @Bean
        InstanceAwareConsole console() {
            return new InstanceAwareConsole();
        }
    }
}
