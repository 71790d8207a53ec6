package io.wasmspring.demo;

import io.wasmspring.boot.WasmModule;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /spin}: calls a module that loops forever, to show {@code wasm.modules.spin.limits.call-timeout}
 * stopping it with a 503 problem detail while the application keeps serving.
 * {@code ?iterations=n} loops {@code n} times instead.
 */
@RestController
public class SpinController {

    /** What a finished spin did. */
    public record Spin(long iterations, long millis) {
    }

    private final WasmModule spin;

    public SpinController(WasmModule spin) {
        this.spin = spin;
    }

    @GetMapping("/spin")
    public Spin spin(@RequestParam(defaultValue = "0") long iterations) {
        if (iterations < 0 || iterations > 0xFFFF_FFFFL) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Parameter 'iterations' is " + iterations + "; use 1 to 4294967295, or 0 (the default) to loop forever.");
            problem.setTitle("Invalid iterations");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        long start = System.nanoTime();
        int done = spin.callInt("spin", (int) iterations);
        return new Spin(Integer.toUnsignedLong(done), (System.nanoTime() - start) / 1_000_000);
    }
}
