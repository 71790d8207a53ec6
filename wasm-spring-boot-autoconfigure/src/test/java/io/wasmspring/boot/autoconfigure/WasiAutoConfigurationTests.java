package io.wasmspring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.boot.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WasiAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WasmAutoConfiguration.class))
            .withPropertyValues("wasm.modules.hello.location=classpath:wasm/wasi-hello.wat");

    @Test
    void wasiIsProvidedWhenTheModuleImportsIt() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("hello", WasmModule.class).runCommand()).isZero();
        });
    }

    @Test
    void stdoutGoesToTheModulesLoggerByDefault(CapturedOutput output) {
        runner.run(context -> {
            context.getBean("hello", WasmModule.class).runCommand();
            assertThat(output).contains("wasm.hello").contains("hello from wasi");
        });
    }

    @Test
    void stdoutDiscard(CapturedOutput output) {
        runner.withPropertyValues("wasm.modules.hello.wasi.stdout=discard").run(context -> {
            context.getBean("hello", WasmModule.class).runCommand();
            assertThat(output).doesNotContain("hello from wasi");
        });
    }

    @Test
    void stdoutInherit() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            runner.withPropertyValues("wasm.modules.hello.wasi.stdout=inherit").run(context -> {
                context.getBean("hello", WasmModule.class).runCommand();
            });
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("hello from wasi\n");
    }

    @Test
    void argsProperty() {
        runner.withPropertyValues("wasm.modules.hello.wasi.args=hello,--verbose,x").run(context -> {
            assertThat(context.getBean("hello", WasmModule.class).callInt("argc")).isEqualTo(3);
        });
    }

    @Test
    void programNameIsTheOnlyArgumentByDefault() {
        runner.run(context -> {
            assertThat(context.getBean("hello", WasmModule.class).callInt("argc")).isEqualTo(1);
        });
    }

    @Test
    void envProperty() {
        runner.withPropertyValues("wasm.modules.hello.wasi.env.GREETING=hi", "wasm.modules.hello.wasi.env.NAME=spring")
                .run(context -> {
                    assertThat(context.getBean("hello", WasmModule.class).callInt("envc")).isEqualTo(2);
                });
    }

    @Test
    void inheritEnvProperty() {
        runner.withPropertyValues("wasm.modules.hello.wasi.inherit-env=true").run(context -> {
            assertThat(context.getBean("hello", WasmModule.class).callInt("envc")).isEqualTo(System.getenv().size());
        });
    }

    @Test
    void preopensAreBound(@TempDir Path dir) {
        runner.withPropertyValues("wasm.modules.hello.wasi.preopens[0].host-path=" + dir,
                "wasm.modules.hello.wasi.preopens[0].guest-path=/data",
                "wasm.modules.hello.wasi.preopens[0].read-only=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    WasmProperties.Preopen preopen = context.getBean(WasmProperties.class).getModules().get("hello").getWasi()
                            .getPreopens().get(0);
                    assertThat(preopen.getGuestPath()).isEqualTo("/data");
                    assertThat(preopen.isReadOnly()).isTrue();
                    assertThat(context.getBean("hello", WasmModule.class).runCommand()).isZero();
                });
    }

    @Test
    void preopenOfAMissingDirectoryFailsStartUp(@TempDir Path dir) {
        runner.withPropertyValues("wasm.modules.hello.wasi.preopens[0].host-path=" + dir.resolve("absent")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("does not exist or is not a directory");
        });
    }

    @Test
    void stdinProperty() {
        runner.withPropertyValues("wasm.modules.hello.wasi.stdin=classpath:wasm/add.wat").run(context -> {
            assertThat(context.getBean("hello", WasmModule.class).callInt("firstByte")).as("';' starts add.wat").isEqualTo(';');
        });
    }

    @Test
    void stdinIsEmptyByDefault() {
        runner.run(context -> assertThat(context.getBean("hello", WasmModule.class).callInt("firstByte")).isZero());
    }

    @Test
    void stderrGoesToTheModulesLoggerAsWarnings(CapturedOutput output) {
        runner.run(context -> {
            context.getBean("hello", WasmModule.class).call("warn");
            assertThat(output).contains("WARN").contains("wasm.hello").contains("trouble ahead");
        });
    }

    @Test
    void stderrDiscard(CapturedOutput output) {
        runner.withPropertyValues("wasm.modules.hello.wasi.stderr=discard").run(context -> {
            context.getBean("hello", WasmModule.class).call("warn");
            assertThat(output).doesNotContain("trouble ahead");
        });
    }
}
