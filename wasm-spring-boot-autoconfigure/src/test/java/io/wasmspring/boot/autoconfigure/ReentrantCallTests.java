package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.boot.HostFunction;
import io.wasmspring.boot.InstancePolicy;
import io.wasmspring.boot.WasmInstance;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.engine.Instance;
import io.wasmspring.engine.Trap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A host function that calls back into the module that called it runs on the calling instance,
 * under every policy: no second instance, no second place in the pool (so no wait for one).
 */
class ReentrantCallTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
            .withUserConfiguration(CallbackConfiguration.class)
            .withPropertyValues("wasm.modules.fault.location=classpath:wasm/fault.wat",
                    // One place, a short wait: a nested call that wanted a second place would fail fast.
                    "wasm.modules.fault.pool.max-size=1", "wasm.modules.fault.pool.max-wait=500ms");

    @ParameterizedTest
    @EnumSource(InstancePolicy.class)
    void aHostFunctionCallingBackRunsOnTheCallingInstance(InstancePolicy policy) {
        runner.withPropertyValues("wasm.modules.fault.policy=" + policy.name()).run(context -> {
            WasmModule fault = context.getBean("fault", WasmModule.class);
            Callback callback = context.getBean(Callback.class);
            // add(40, 2) ran while "twice" had its marks set on the same instance, so it saw them: 40 + 2 + 2.
            assertThat(fault.callInt("twice", -3)).isEqualTo(44);
            assertThat(callback.caller).isNotNull();
            assertThat(callback.nestedRanOn).isSameAs(callback.caller);
            assertThat(fault.poolStats().active()).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(InstancePolicy.class)
    void aFailureInANestedCallDiscardsTheInstanceWhenTheOuterCallEnds(InstancePolicy policy) {
        runner.withPropertyValues("wasm.modules.fault.policy=" + policy.name()).run(context -> {
            WasmModule fault = context.getBean("fault", WasmModule.class);
            Callback callback = context.getBean(Callback.class);
            // The host function catches the nested trap, so the outer call answers normally...
            assertThat(fault.callInt("twice", -4)).isEqualTo(0);
            assertThat(callback.nestedFailure).isInstanceOf(Trap.class);
            // ...but the instance that trapped under it is not served again.
            assertThat(fault.poolStats().active()).isZero();
            assertThat(fault.withInstance(WasmInstance::instance)).isNotSameAs(callback.caller);
            assertThat(fault.callInt("add", 1, 2)).isEqualTo(3);
        });
    }

    @Test
    void aBlockNestedInABlockOfTheSameModuleGetsTheSameInstance() {
        runner.run(context -> {
            WasmModule fault = context.getBean("fault", WasmModule.class);
            boolean same = fault.withInstance(outer -> fault.withInstance(inner -> inner.instance() == outer.instance()));
            assertThat(same).isTrue();
            assertThat(fault.poolStats().size()).isEqualTo(1);
        });
    }

    @Test
    void anotherThreadGetsAnotherInstance() {
        runner.withPropertyValues("wasm.modules.fault.pool.max-size=2").run(context -> {
            WasmModule fault = context.getBean("fault", WasmModule.class);
            Instance[] fromOtherThread = new Instance[1];
            Instance mine = fault.withInstance(lent -> {
                Thread other = new Thread(() -> fromOtherThread[0] = fault.withInstance(WasmInstance::instance));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return lent.instance();
            });
            assertThat(fromOtherThread[0]).isNotNull().isNotSameAs(mine);
        });
    }

    /**
     * env.hostTwice calling back into "fault": for -3 it answers add(40, 2) through the module,
     * for -4 it calls crash and swallows the trap; otherwise 2x.
     */
    static class Callback {
        private final ObjectProvider<WasmModule> modules;
        volatile Instance caller;
        volatile Instance nestedRanOn;
        volatile Throwable nestedFailure;

        Callback(ObjectProvider<WasmModule> modules) {
            this.modules = modules;
        }

        @HostFunction
        int hostTwice(int x, Instance calling) {
            caller = calling;
            WasmModule fault = modules.getObject();
            if (x == -3) {
                return fault.withInstance(lent -> {
                    nestedRanOn = lent.instance();
                    return lent.callInt("add", 40, 2);
                });
            }
            if (x == -4) {
                try {
                    fault.call("crash");
                } catch (Trap e) {
                    nestedFailure = e;
                }
                return 0;
            }
            return 2 * x;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CallbackConfiguration {
        @Bean
        Callback callback(ObjectProvider<WasmModule> modules) {
            return new Callback(modules);
        }
    }
}
