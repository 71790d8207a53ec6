package io.wasmspring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Host-side misuse of {@link Memory} and {@link Module#read} is reported clearly. */
class MemoryApiTest {

    private final Memory memory = new Memory(new MemoryType(Limits.of(1)));

    @Test
    void nullDataIsNamedInTheMessage() {
        assertThatThrownBy(() -> memory.writeBytes(0, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> memory.writeBytes(0, null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessageContaining("data");
        assertThatThrownBy(() -> memory.readBytes(0, null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> memory.writeString(0, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("value");
        assertThatThrownBy(() -> memory.writeCString(0, null)).isInstanceOf(NullPointerException.class).hasMessageContaining("value");
    }

    @Test
    void aJavaArrayRangeOutsideItsArrayIsAnIllegalArgument() {
        byte[] small = new byte[4];
        assertThatThrownBy(() -> memory.readBytes(0, small, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 bytes at offset 2")
                .hasMessageContaining("target array of 4 bytes");
        assertThatThrownBy(() -> memory.writeBytes(0, small, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.writeBytes(0, small, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        memory.writeBytes(8, new byte[] {1, 2, 3}, 1, 2);
        memory.readBytes(8, small, 2, 2);
        assertThat(small).containsExactly(0, 0, 2, 3);
    }

    @Test
    void aHugeMemoryOffsetTrapsInsteadOfOverflowing() {
        assertThatThrownBy(() -> memory.readByte(Long.MAX_VALUE)).isInstanceOf(Trap.class)
                .hasMessageStartingWith(Trap.OUT_OF_BOUNDS_MEMORY);
        assertThatThrownBy(() -> memory.writeBytes(Long.MAX_VALUE - 1, new byte[4])).isInstanceOf(Trap.class);
    }

    @Test
    void readingANullPathNamesTheParameter() {
        assertThatThrownBy(() -> Module.read(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("file");
    }
}
