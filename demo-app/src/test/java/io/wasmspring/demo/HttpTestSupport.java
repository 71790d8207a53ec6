package io.wasmspring.demo;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The demo app on a random port, called over HTTP as a user would. Every test class extends
 * this, so they all share one application context. The spin module's call timeout is short
 * here so that the timeout test is quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wasm.modules.spin.limits.call-timeout=300ms")
@ExtendWith(OutputCaptureExtension.class)
abstract class HttpTestSupport {

    /** What came back: the status, the content type and the body as text. */
    record Response(int status, String contentType, String body) {

        /** The value at {@code path} of a JSON body. */
        <T> T json(String path) {
            return JsonPath.read(body, path);
        }
    }

    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(60));
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(requests)
                .defaultStatusHandler(status -> true, (request, response) -> { })   // assert on errors, never throw
                .build();
    }

    Response get(String uri) {
        return response(http.get().uri(uri).retrieve().toEntity(byte[].class));
    }

    Response post(String uri, String body) {
        return post(uri, body.getBytes(StandardCharsets.UTF_8));
    }

    Response post(String uri, byte[] body) {
        return response(http.post().uri(uri).body(body).retrieve().toEntity(byte[].class));
    }

    private static Response response(ResponseEntity<byte[]> entity) {
        byte[] body = entity.getBody();
        return new Response(entity.getStatusCode().value(), String.valueOf(entity.getHeaders().getContentType()),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }
}
