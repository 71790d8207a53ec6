package io.wasmspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /wc}: a WASI program run on the request body. */
class WordCountEndpointTests extends HttpTestSupport {

    @Test
    void countsLinesWordsAndBytesOfTheBody() {
        Response response = post("/wc", "one two\nthree\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.body()).isEqualTo("2 3 14\n");
    }

    @Test
    void countsUtf8Bytes() {
        assertThat(post("/wc", "Grüße 👋\n").body()).isEqualTo("1 2 13\n");
    }

    @Test
    void passesTheChosenCountsAsArguments() {
        assertThat(post("/wc?count=lines,words", "a b c\nd\n").body()).isEqualTo("2 4\n");
        assertThat(post("/wc?count=bytes", "abc").body()).isEqualTo("3\n");
    }

    @Test
    void anEmptyBodyHasNothingToCount() {
        assertThat(post("/wc", new byte[0]).body()).isEqualTo("0 0 0\n");
    }

    @Test
    void eachRunHasItsOwnStandardInput() {
        assertThat(post("/wc", "a").body()).isEqualTo("0 1 1\n");
        assertThat(post("/wc", "a b\n").body()).isEqualTo("1 2 4\n");
    }

    @Test
    void aBodyOfTheMaximumSizeIsCounted() {
        byte[] text = new byte[1024 * 1024];
        java.util.Arrays.fill(text, (byte) 'x');
        text[text.length - 1] = '\n';

        assertThat(post("/wc", text).body()).isEqualTo("1 1 1048576\n");
    }

    @Autowired
    WordCount wordCount;

    @Test
    void aFailingRunReportsItsExitCodeAndStandardError() {
        WordCount.Result result = wordCount.run("text".getBytes(), List.of("-x"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("wc: unknown option -x (use -l, -w, -c)\n");
    }
}
