package io.wasmspring.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Input the demo refuses: a 4xx problem detail that says what is wrong, never a stack trace. */
class BadRequestTests extends HttpTestSupport {

    @Test
    void aNonNumberIsA400NamingTheParameter() {
        Response response = get("/add?x=twenty&y=22");

        assertProblem(response, 400);
        assertThat((String) response.json("$.detail")).contains("'x'").contains("twenty");
    }

    @Test
    void aNumberTooBigForAnI32IsA400() {
        Response response = get("/add?x=99999999999&y=1");

        assertProblem(response, 400);
        assertThat((String) response.json("$.detail")).contains("'x'");
    }

    @Test
    void aMissingParameterIsA400NamingIt() {
        Response response = get("/add?x=1");

        assertProblem(response, 400);
        assertThat((String) response.json("$.detail")).isEqualTo("Required parameter 'y' is not present.");
    }

    @Test
    void aMissingNameIsA400() {
        assertProblem(get("/greet"), 400);
    }

    @Test
    void aBlankNameIsA400() {
        Response response = get("/greet?name=  ");

        assertProblem(response, 400);
        assertThat((String) response.json("$.title")).isEqualTo("Invalid name");
        assertThat((String) response.json("$.detail")).contains("blank");
    }

    @Test
    void aNameLongerThanTheLimitIsA400() {
        Response response = get("/greet?name=" + "a".repeat(101));

        assertProblem(response, 400);
        assertThat((String) response.json("$.detail"))
                .isEqualTo("Parameter 'name' has 101 characters; at most 100 are accepted.");
    }

    @Test
    void aNameOfTheMaximumLengthIsGreeted() {
        assertThat(get("/greet?name=" + "🌍".repeat(100)).body()).isEqualTo("Hello, " + "🌍".repeat(100) + "!\n");
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        Response response = post("/wc", new byte[1024 * 1024 + 1]);

        assertProblem(response, 413);
        assertThat((String) response.json("$.title")).isEqualTo("Text too large");
        assertThat((String) response.json("$.detail")).contains("at most 1048576");
    }

    @Test
    void anUnknownCountIsA400ListingTheKnownOnes() {
        Response response = post("/wc?count=chars", "text");

        assertProblem(response, 400);
        assertThat((String) response.json("$.detail")).contains("'chars'").contains("lines, words or bytes");
    }

    @Test
    void aNegativeIterationCountIsA400() {
        Response response = get("/spin?iterations=-1");

        assertProblem(response, 400);
        assertThat((String) response.json("$.title")).isEqualTo("Invalid iterations");
    }

    @Test
    void anUnknownPathIsA404ProblemDetail() {
        assertProblem(get("/nothing-here"), 404);
    }

    @Test
    void theWrongMethodIsA405() {
        assertProblem(get("/wc"), 405);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        Integer bodyStatus = response.json("$.status");
        assertThat(bodyStatus).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
    }
}
