package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.boot.InstancePolicy;
import io.wasmspring.boot.WasmCallObserver;
import io.wasmspring.boot.WasmModule;
import io.wasmspring.engine.Module;
import io.wasmspring.engine.Trap;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** Each instance's WASI context and stdin stream are closed once the instance will not run again. */
class WasiStateLifecycleTests {

    private static final Module HELLO = readHello();

    /** A stdin resource that counts the streams it opened and the ones closed. */
    private static final class CountingStdin extends ByteArrayResource {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        CountingStdin() {
            super("x".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public InputStream getInputStream() {
            opened.incrementAndGet();
            return new FilterInputStream(new ByteArrayInputStream(getByteArray())) {
                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        int open() {
            return opened.get() - closed.get();
        }
    }

    private static Module readHello() {
        try (InputStream in = new ClassPathResource("wasm/wasi-hello.wat").getInputStream()) {
            return Module.parseText(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WasmModule.Builder module(CountingStdin stdin) {
        WasmProperties.Wasi wasi = new WasmProperties.Wasi();
        wasi.setStdin(stdin);
        HostFunctionRegistry registry = new HostFunctionRegistry();
        registry.setBeanFactory(new DefaultListableBeanFactory());
        return WasmModule.builder("hello", HELLO).instanceImports(
                new ModuleImports("hello", HELLO, registry, new WasiConfigFactory("hello", wasi), () -> WasmCallObserver.NONE));
    }

    @Test
    void pooledInstanceKeepsItsStdinUntilTheModuleIsClosed() {
        CountingStdin stdin = new CountingStdin();
        WasmModule module = module(stdin).pool(2, Duration.ofSeconds(1)).build();
        assertThat(module.callInt("firstByte")).isEqualTo('x');
        assertThat(stdin.open()).as("the idle instance still owns it").isEqualTo(1);
        module.close();
        assertThat(stdin.opened.get()).isEqualTo(1);
        assertThat(stdin.open()).isZero();
    }

    @Test
    void discardedInstanceClosesItsState() {
        CountingStdin stdin = new CountingStdin();
        WasmModule module = module(stdin).pool(1, Duration.ofSeconds(1)).build();
        assertThatThrownBy(() -> module.withInstance(instance -> {
            instance.callInt("firstByte");
            throw new Trap(Trap.UNREACHABLE);
        })).isInstanceOf(Trap.class);
        assertThat(module.poolStats().size()).isZero();
        assertThat(stdin.open()).isZero();
    }

    @Test
    void perCallInstancesCloseTheirStateAfterEachCall() {
        CountingStdin stdin = new CountingStdin();
        WasmModule module = module(stdin).policy(InstancePolicy.PER_CALL).build();
        module.callInt("firstByte");
        module.callInt("firstByte");
        assertThat(stdin.opened.get()).isEqualTo(2);
        assertThat(stdin.open()).isZero();
    }

    @Test
    void commandClosesItsState() {
        CountingStdin stdin = new CountingStdin();
        WasmModule module = module(stdin).build();
        assertThat(module.runCommand()).isZero();
        assertThat(stdin.opened.get()).isEqualTo(1);
        assertThat(stdin.open()).isZero();
    }

    @Test
    void contextShutdownClosesThePooledInstances() {
        CountingStdin stdin = new CountingStdin();
        org.springframework.context.support.GenericApplicationContext context =
                new org.springframework.context.support.GenericApplicationContext();
        context.registerBean("hello", WasmModule.class, () -> module(stdin).build());
        context.refresh();
        context.getBean("hello", WasmModule.class).callInt("firstByte");
        assertThat(stdin.open()).isEqualTo(1);
        context.close();
        assertThat(stdin.open()).isZero();
    }
}
