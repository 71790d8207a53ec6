package io.wasmspring.engine.wasi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {

    @Test
    void parsesTheShapesOfATestSpecification() {
        Object v = MiniJson.parse("{\"args\": [\"a\", \"the \\\"b\\\"\"], \"env\": {\"c\": \"new\\nline\\u0041\"}, \"exit_code\": 33, \"ok\": true, \"n\": null}");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.get("args")).isEqualTo(List.of("a", "the \"b\""));
        assertThat(m.get("env")).isEqualTo(Map.of("c", "new\nlineA"));
        assertThat(m.get("exit_code")).isEqualTo(33L);
        assertThat(m.get("ok")).isEqualTo(true);
        assertThat(m).containsEntry("n", null);
        assertThat(m.keySet()).containsExactly("args", "env", "exit_code", "ok", "n");
    }

    @Test
    void rejectsBrokenJson() {
        assertThatThrownBy(() -> MiniJson.parse("{\"a\": ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MiniJson.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
    }
}
