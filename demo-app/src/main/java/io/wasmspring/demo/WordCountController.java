package io.wasmspring.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /wc}: the request body is the standard input of the {@code wc} WASI program; its stdout is the answer. */
@RestController
public class WordCountController {

    /** The values of {@code ?count=} and the option of {@code wc} each selects. */
    private static final Map<String, String> COUNTS = Map.of("lines", "-l", "words", "-w", "bytes", "-c");

    private final WordCount wordCount;
    private final DemoProperties properties;

    public WordCountController(WordCount wordCount, DemoProperties properties) {
        this.wordCount = wordCount;
        this.properties = properties;
    }

    /** Counts lines, words and bytes of the body; {@code ?count=lines,words} prints only those. */
    @PostMapping(value = "/wc", produces = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8")
    public String wc(InputStream body, @RequestParam(defaultValue = "") List<String> count,
            @RequestHeader(value = "Content-Length", required = false) Long contentLength) throws IOException {
        List<String> options = new ArrayList<>();
        for (String name : count) {
            String option = COUNTS.get(name);
            if (option == null) {
                throw problem(HttpStatus.BAD_REQUEST, "Invalid count",
                        "Parameter 'count' has '" + name + "'; use lines, words or bytes (e.g. ?count=lines,words).");
            }
            options.add(option);
        }
        long max = properties.maxTextBytes().toBytes();
        byte[] text = contentLength != null && contentLength > max ? null : body.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
        if (text == null || text.length > max) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "Text too large",
                    "The body has " + (text == null ? contentLength : "more than " + max) + " bytes; at most " + max + " are accepted.");
        }
        WordCount.Result result = wordCount.run(text, options);
        if (result.exitCode() != 0) {
            throw problem(HttpStatus.INTERNAL_SERVER_ERROR, "WASI program failed",
                    "wc exited with status " + result.exitCode() + ": " + result.stderr().strip());
        }
        return result.stdout();
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
