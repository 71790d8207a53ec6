package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.boot.InstancePolicy;
import io.wasmspring.boot.WasmFunction;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.boot.WasmModules;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import io.wasmspring.engine.text.WatParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WasmAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class));

    @Test
    void noModulesConfiguredGivesAnEmptyRegistry() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(WasmModules.class).asMap()).isEmpty();
        });
    }

    @Test
    void registersOneModuleBeanNamedAfterEachConfiguredModule() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat",
                "wasm.modules.counter.location=classpath:wasm/counter.wat").run(context -> {
                    assertThat(context).getBeans(WasmModule.class).containsOnlyKeys("calc", "counter");
                    assertThat(context.getBean("calc", WasmModule.class).name()).isEqualTo("calc");
                });
    }

    @Test
    void registryListsEveryModuleInConfigurationOrder() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat",
                "wasm.modules.counter.location=classpath:wasm/counter.wat").run(context -> {
                    WasmModules modules = context.getBean(WasmModules.class);
                    assertThat(modules.asMap().keySet()).containsExactly("calc", "counter");
                    assertThat(modules.get("calc")).isSameAs(context.getBean("calc"));
                    assertThatThrownBy(() -> modules.get("nope")).hasMessageContaining("calc, counter");
                });
    }

    @Test
    void callsAnExportWithJavaNumbers() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat").run(context -> {
            WasmModule calc = context.getBean("calc", WasmModule.class);
            assertThat(calc.callInt("add", 20, 22)).isEqualTo(42);
            assertThat(calc.call("add", 1, 2)).isEqualTo(3);
        });
    }

    @Test
    void convertsResultsToTheRequestedType() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat").run(context -> {
            WasmModule calc = context.getBean("calc", WasmModule.class);
            assertThat(calc.callLong("addLong", 1L << 40, 1L)).isEqualTo((1L << 40) + 1);
            assertThat(calc.callDouble("half", 5.0)).isEqualTo(2.5);
            assertThat(calc.call("isPositive", Boolean.class, 7)).isTrue();
            assertThat(calc.call("add", long.class, 1, 2)).isEqualTo(3L);
            assertThat(calc.call("pair", Object[].class)).containsExactly(1, 2);
        });
    }

    @Test
    void functionHandleCallsTheExport() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat").run(context -> {
            WasmFunction add = context.getBean("calc", WasmModule.class).function("add");
            assertThat(add.type().toString()).isEqualTo("(func (param i32 i32) (result i32))");
            assertThat(add.callInt(40, 2)).isEqualTo(42);
        });
    }

    @Test
    void functionHandleOfAMissingExportNamesTheExports() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat").run(context -> {
            assertThatThrownBy(() -> context.getBean("calc", WasmModule.class).function("sub"))
                    .isInstanceOf(WasmException.class).hasMessageContaining("sub").hasMessageContaining("add");
        });
    }

    @Test
    void wrongArgumentsFailWithTheExportsType() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat").run(context -> {
            assertThatThrownBy(() -> context.getBean("calc", WasmModule.class).call("add", 1))
                    .isInstanceOf(WasmException.class).hasMessageContaining("(param i32 i32)");
        });
    }

    @Test
    void passesStringsThroughTheGuestAllocator() {
        runner.withPropertyValues("wasm.modules.greeter.location=classpath:wasm/greet.wat").run(context -> {
            WasmModule greeter = context.getBean("greeter", WasmModule.class);
            assertThat(greeter.callString("greet", "Spring")).isEqualTo("Hello, Spring!");
            assertThat(greeter.callInt("length", "héllo")).isEqualTo(6);
            assertThat(greeter.callInt("length", new byte[] {1, 2, 3})).isEqualTo(3);
        });
    }

    @Test
    void readsStringResultsAsPairsAndCStrings() {
        runner.withPropertyValues("wasm.modules.greeter.location=classpath:wasm/greet.wat").run(context -> {
            WasmModule greeter = context.getBean("greeter", WasmModule.class);
            assertThat(greeter.callString("hello")).isEqualTo("Hello");
            assertThat(greeter.callString("cstring")).isEqualTo("Hello, ");
        });
    }

    @Test
    void freesStringArgumentsAfterTheCall() {
        runner.withPropertyValues("wasm.modules.greeter.location=classpath:wasm/greet.wat",
                "wasm.modules.greeter.policy=shared").run(context -> {
                    WasmModule greeter = context.getBean("greeter", WasmModule.class);
                    greeter.callInt("length", "a");
                    greeter.callInt("length", "b");
                    assertThat(greeter.callInt("freed")).isEqualTo(2);
                });
    }

    @Test
    void allocatorNamesComeFromProperties() {
        runner.withPropertyValues("wasm.modules.greeter.location=classpath:wasm/greet.wat",
                "wasm.modules.greeter.allocator.allocate=allocate_bytes").run(context -> {
                    assertThatThrownBy(() -> context.getBean("greeter", WasmModule.class).callString("greet", "x"))
                            .hasMessageContaining("allocate_bytes")
                            .hasMessageContaining("wasm.modules.greeter.allocator.allocate");
                });
    }

    @Test
    void detectsAnAllocDeallocAllocator() {
        runner.withPropertyValues("wasm.modules.rusty.location=classpath:wasm/alloc-dealloc.wat",
                "wasm.modules.rusty.policy=shared").run(context -> {
                    WasmModule rusty = context.getBean("rusty", WasmModule.class);
                    assertThat(rusty.callInt("length", "four")).isEqualTo(4);
                    assertThat(rusty.callInt("freedBytes")).as("dealloc(ptr, size) got the size").isEqualTo(4);
                });
    }

    @Test
    void allocatorPropertiesNameTheExports() {
        runner.withPropertyValues("wasm.modules.rusty.location=classpath:wasm/alloc-dealloc.wat",
                "wasm.modules.rusty.policy=shared", "wasm.modules.rusty.allocator.allocate=reserve",
                "wasm.modules.rusty.allocator.deallocate=dealloc").run(context -> {
                    WasmModule rusty = context.getBean("rusty", WasmModule.class);
                    assertThat(rusty.callInt("length", "ab")).isEqualTo(2);
                    assertThat(rusty.callInt("reserved")).isEqualTo(1);
                    assertThat(rusty.callInt("freedBytes")).isEqualTo(2);
                });
    }

    @Test
    void moduleWithoutAnAllocatorCannotTakeStrings() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat").run(context -> {
            assertThatThrownBy(() -> context.getBean("counter", WasmModule.class).callInt("div", "x"))
                    .isInstanceOf(WasmException.class).hasMessageContaining("malloc")
                    .hasMessageContaining("wasm.modules.counter.allocator.allocate");
        });
    }

    @Test
    void withInstanceRunsSeveralCallsOnOneInstance() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat").run(context -> {
            WasmModule counter = context.getBean("counter", WasmModule.class);
            int count = counter.withInstance(instance -> {
                instance.call("bump");
                instance.call("bump");
                return instance.callInt("get");
            });
            assertThat(count).isEqualTo(2);
        });
    }

    @Test
    void poolIsTheDefaultPolicyWithEightInstances() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat").run(context -> {
            WasmModule counter = context.getBean("counter", WasmModule.class);
            assertThat(counter.poolStats().policy()).isEqualTo(InstancePolicy.POOLED);
            assertThat(counter.poolStats().maxSize()).isEqualTo(8);
            assertThat(counter.poolStats().size()).as("one instance made at start-up").isEqualTo(1);
        });
    }

    @Test
    void poolMaxSizeProperty() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat",
                "wasm.modules.counter.pool.max-size=3").run(context -> {
                    assertThat(context.getBean("counter", WasmModule.class).poolStats().maxSize()).isEqualTo(3);
                });
    }

    @Test
    void poolMaxWaitPropertyIsBound() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat",
                "wasm.modules.counter.pool.max-wait=250ms").run(context -> {
                    assertThat(context.getBean(WasmProperties.class).getModules().get("counter").getPool().getMaxWait())
                            .isEqualTo(Duration.ofMillis(250));
                });
    }

    @Test
    void perCallPolicyGivesEachCallAFreshInstance() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat",
                "wasm.modules.counter.policy=per-call").run(context -> {
                    WasmModule counter = context.getBean("counter", WasmModule.class);
                    assertThat(counter.callInt("bump")).isEqualTo(1);
                    assertThat(counter.callInt("bump")).isEqualTo(1);
                    assertThat(counter.poolStats().policy()).isEqualTo(InstancePolicy.PER_CALL);
                });
    }

    @Test
    void sharedPolicyKeepsStateBetweenCalls() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat",
                "wasm.modules.counter.policy=shared").run(context -> {
                    WasmModule counter = context.getBean("counter", WasmModule.class);
                    assertThat(counter.callInt("bump")).isEqualTo(1);
                    assertThat(counter.callInt("bump")).isEqualTo(2);
                    assertThat(counter.poolStats().maxSize()).isEqualTo(1);
                });
    }

    @Test
    void trapPropagatesAndTheInstanceIsDiscarded() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat",
                "wasm.modules.counter.policy=shared").run(context -> {
                    WasmModule counter = context.getBean("counter", WasmModule.class);
                    counter.callInt("bump");
                    assertThatThrownBy(() -> counter.callInt("div", 1, 0)).isInstanceOf(Trap.class)
                            .hasMessageContaining(Trap.INTEGER_DIVIDE_BY_ZERO);
                    assertThat(counter.callInt("bump")).as("a fresh instance").isEqualTo(1);
                });
    }

    @Test
    void maxMemoryPagesFromTheGlobalDefault() {
        runner.withPropertyValues("wasm.modules.counter.location=classpath:wasm/counter.wat",
                "wasm.modules.counter.policy=shared", "wasm.limits.max-memory-pages=2").run(context -> {
                    WasmModule counter = context.getBean("counter", WasmModule.class);
                    assertThat(counter.limits().maxMemoryPages()).isEqualTo(2);
                    counter.callInt("bump");
                    assertThat(counter.callInt("grow", 5)).as("memory.grow past the limit fails").isEqualTo(-1);
                    assertThat(counter.callInt("grow", 1)).isEqualTo(1);
                    assertThat(counter.callInt("grow", 1)).isEqualTo(-1);
                    assertThat(counter.memoryPages()).isEqualTo(2);
                    assertThat(counter.callInt("bump")).as("the same instance, still usable").isEqualTo(2);
                });
    }

    @Test
    void moduleLimitsOverrideTheGlobalDefaults() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat",
                "wasm.limits.max-memory-pages=2", "wasm.limits.fuel=1000", "wasm.limits.call-timeout=1s",
                "wasm.limits.max-call-depth=500", "wasm.modules.calc.limits.max-memory-pages=16",
                "wasm.modules.calc.limits.call-timeout=250ms").run(context -> {
                    WasmModule calc = context.getBean("calc", WasmModule.class);
                    assertThat(calc.limits().maxMemoryPages()).isEqualTo(16);
                    assertThat(calc.limits().callTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(calc.limits().fuel()).isEqualTo(1000);
                    assertThat(calc.limits().maxCallDepth()).isEqualTo(500);
                });
    }

    @Test
    void loadsABinaryModuleFromAFileLocation(@TempDir Path dir) throws Exception {
        Path wasm = dir.resolve("add.wasm");
        Files.write(wasm, WatParser.parseModule(Files.readString(Path.of("src/test/resources/wasm/add.wat"))));
        runner.withPropertyValues("wasm.modules.calc.location=file:" + wasm).run(context -> {
            assertThat(context.getBean("calc", WasmModule.class).callInt("add", 2, 3)).isEqualTo(5);
        });
    }

    @Test
    void interfacePropertyRegistersABeanBackedByTheExports() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat",
                "wasm.modules.calc.interface=" + Calculator.class.getName()).run(context -> {
                    Calculator calculator = context.getBean(Calculator.class);
                    assertThat(calculator.add(20, 22)).isEqualTo(42);
                    assertThat(calculator.addLong(1, 2)).isEqualTo(3L);
                    assertThat(calculator.twice(21)).isEqualTo(42);
                    assertThat(context).hasBean("calculator");
                });
    }

    @Test
    void interfaceCanBeBoundProgrammatically() {
        runner.withPropertyValues("wasm.modules.greeter.location=classpath:wasm/greet.wat").run(context -> {
            Greeter greeter = context.getBean("greeter", WasmModule.class).bind(Greeter.class);
            assertThat(greeter.greet("Boot")).isEqualTo("Hello, Boot!");
        });
    }

    @Test
    void bindingAnInterfaceWithAMethodThatIsNoExportFails() {
        runner.withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat").run(context -> {
            assertThatThrownBy(() -> context.getBean("calc", WasmModule.class).bind(Greeter.class))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greet")
                    .hasMessageContaining("add");
        });
    }

    @Test
    void userDefinedModuleBeanOfTheSameNameWins() {
        runner.withUserConfiguration(OwnModuleConfiguration.class)
                .withPropertyValues("wasm.modules.calc.location=classpath:wasm/counter.wat").run(context -> {
                    WasmModule calc = context.getBean("calc", WasmModule.class);
                    assertThat(calc.callInt("add", 1, 1)).as("the user's add module, not counter.wat").isEqualTo(2);
                });
    }

    @Test
    void userDefinedModulesRegistryWins() {
        runner.withUserConfiguration(OwnRegistryConfiguration.class)
                .withPropertyValues("wasm.modules.calc.location=classpath:wasm/add.wat").run(context -> {
                    assertThat(context.getBean(WasmModules.class).asMap()).isEmpty();
                });
    }

    @Test
    void userDefinedModuleFactoryWins() {
        runner.withUserConfiguration(OwnFactoryConfiguration.class).run(context -> {
            assertThat(context).getBean(WasmModuleFactory.class).isSameAs(OwnFactoryConfiguration.FACTORY);
        });
    }

    @Test
    void userDefinedHostFunctionRegistryWins() {
        runner.withUserConfiguration(OwnHostFunctionRegistryConfiguration.class).run(context -> {
            assertThat(context).getBean(HostFunctionRegistry.class).isSameAs(OwnHostFunctionRegistryConfiguration.REGISTRY);
        });
    }

    public interface Calculator {
        int add(int a, int b);

        long addLong(long a, long b);

        default int twice(int a) {
            return add(a, a);
        }
    }

    public interface Greeter {
        String greet(String name);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnModuleConfiguration {
        @Bean
        WasmModule calc() {
            return WasmModule.builder("calc", Module.parseText(
                    "(module (func (export \"add\") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))")).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistryConfiguration {
        @Bean
        WasmModules myModules() {
            return new WasmModules(List.of());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFactoryConfiguration {
        static final WasmModuleFactory FACTORY = new WasmModuleFactory(new WasmProperties(), new HostFunctionRegistry(),
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(io.wasmspring.boot.WasmCallObserver.class));

        @Bean
        WasmModuleFactory myFactory() {
            return FACTORY;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHostFunctionRegistryConfiguration {
        static final HostFunctionRegistry REGISTRY = new HostFunctionRegistry();

        @Bean
        HostFunctionRegistry myRegistry() {
            return REGISTRY;
        }
    }
}
