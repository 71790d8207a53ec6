package io.wasmspring.engine.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmspring.engine.text.WatParser;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The preamble and section ids the decoder reads are the ones the text encoder writes. */
class PreambleTest {

    @Test
    void thePreambleIsMagicThenVersionOne() {
        assertThat(Preamble.bytes()).containsExactly(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);
        assertThat(Preamble.hasMagic(new byte[] {0, 'a', 's', 'm'})).isTrue();
        assertThat(Preamble.hasMagic(new byte[] {0, 'a', 's'})).isFalse();
        assertThat(Preamble.hasVersion(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0})).isTrue();
        assertThat(Preamble.hasVersion(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0})).isFalse();
        // a copy each time: a caller cannot corrupt it
        Preamble.bytes()[0] = 9;
        assertThat(Preamble.bytes()[0]).isZero();
    }

    @Test
    void theEncoderWritesThePreambleAndTheSharedSectionIds() {
        byte[] wasm = WatParser.parseModule("(module (memory 1))");
        assertThat(Arrays.copyOf(wasm, Preamble.LENGTH)).isEqualTo(Preamble.bytes());
        assertThat(wasm[Preamble.LENGTH]).isEqualTo((byte) SectionId.MEMORY);
        assertThat(SectionId.DATA_COUNT).isEqualTo(12);
        assertThat(SectionId.COUNT).isEqualTo(13);
    }
}
