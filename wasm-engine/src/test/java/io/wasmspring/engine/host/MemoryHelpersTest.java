package io.wasmspring.engine.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmspring.engine.Limits;
import io.wasmspring.engine.Memory;
import io.wasmspring.engine.MemoryType;
import io.wasmspring.engine.Trap;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The helpers host code uses on {@link Memory}: every width, byte ranges and strings, and their bounds. */
class MemoryHelpersTest {

    private final Memory memory = new Memory(new MemoryType(Limits.of(1)));

    @Test
    void everyWidthIsLittleEndian() {
        memory.writeLong(0, 0x0102_0304_0506_0708L);
        assertThat(memory.readByte(0)).isEqualTo((byte) 0x08);
        assertThat(memory.readShort(0)).isEqualTo((short) 0x0708);
        assertThat(memory.readInt(0)).isEqualTo(0x0506_0708);
        assertThat(memory.readInt(4)).isEqualTo(0x0102_0304);
        memory.writeFloat(16, -1.5f);
        memory.writeDouble(24, Math.E);
        assertThat(memory.readFloat(16)).isEqualTo(-1.5f);
        assertThat(memory.readDouble(24)).isEqualTo(Math.E);
    }

    @Test
    void unsignedReadsZeroExtend() {
        memory.writeInt(0, -1);
        assertThat(memory.readUnsignedByte(0)).isEqualTo(255);
        assertThat(memory.readUnsignedShort(0)).isEqualTo(65535);
        assertThat(memory.readUnsignedInt(0)).isEqualTo(4294967295L);
    }

    @Test
    void byteRangesCopyInAndOut() {
        memory.writeBytes(100, new byte[] {9, 1, 2, 3, 9}, 1, 3);
        byte[] target = new byte[5];
        memory.readBytes(99, target, 1, 4);
        assertThat(target).containsExactly(0, 0, 1, 2, 3);
        memory.fill(101, 2, (byte) 7);
        assertThat(memory.readBytes(100, 4)).containsExactly(1, 7, 7, 0);
    }

    @Test
    void stringsAreUtf8ByOffsetAndLength() {
        int written = memory.writeString(200, "Grüße 👋");
        assertThat(written).isEqualTo("Grüße 👋".getBytes(StandardCharsets.UTF_8).length).isEqualTo(12);
        assertThat(memory.readString(200, written)).isEqualTo("Grüße 👋");
        assertThat(memory.readString(200, 3)).isEqualTo("Gr\uFFFD");
        assertThat(memory.readString(65536, 0)).isEmpty();
    }

    @Test
    void cStringsStopAtNul() {
        int written = memory.writeCString(300, "naïve");
        assertThat(written).isEqualTo(7);
        assertThat(memory.readByte(306)).isZero();
        assertThat(memory.readCString(300)).isEqualTo("naïve");
        assertThat(memory.readCString(304)).isEqualTo("ve");
    }

    @Test
    void outOfRangeAccessIsASpecificTrap() {
        assertThatThrownBy(() -> memory.readInt(65533))
                .isInstanceOf(Trap.class)
                .hasMessage(Trap.OUT_OF_BOUNDS_MEMORY + ": 4 bytes at offset 65533 in a memory of 65536 bytes");
        assertThatThrownBy(() -> memory.readString(65530, 10))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("10 bytes at offset 65530");
        assertThatThrownBy(() -> memory.writeString(65534, "abc"))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("3 bytes at offset 65534");
        assertThatThrownBy(() -> memory.writeCString(65533, "abc"))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("4 bytes at offset 65533");
        assertThatThrownBy(() -> memory.readString(-1, 1)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> memory.readBytes(0, -1)).isInstanceOf(Trap.class).hasMessageContaining("-1 bytes at offset 0");
        assertThatThrownBy(() -> memory.fill(65536, 1, (byte) 0)).isInstanceOf(Trap.class);
        assertThatThrownBy(() -> memory.readCString(65536))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("no NUL terminator after the string at offset 65536");
        assertThatThrownBy(() -> memory.readCString(65537))
                .isInstanceOf(Trap.class)
                .hasMessageContaining("0 bytes at offset 65537");
    }

    @Test
    void aCStringWithoutNulBeforeTheEndIsATrap() {
        memory.fill(65530, 6, (byte) 'a');
        assertThatThrownBy(() -> memory.readCString(65530))
                .isInstanceOf(Trap.class)
                .hasMessageStartingWith(Trap.OUT_OF_BOUNDS_MEMORY)
                .hasMessageContaining("no NUL terminator after the string at offset 65530");
    }

    @Test
    void theHelpersSeeGrowth() {
        memory.grow(1);
        memory.writeString(70_000, "after growth");
        assertThat(memory.readString(70_000, 12)).isEqualTo("after growth");
    }
}
