package io.wasmspring.demo;

import io.wasmspring.boot.CallOutcome;
import io.wasmspring.boot.WasmLimitExceededException;
import io.wasmspring.boot.WasmPoolExhaustedException;
import io.wasmspring.engine.Trap;
import io.wasmspring.engine.WasmException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure becomes an RFC 9457 problem detail, never a stack trace: Spring MVC's own
 * (a missing or non-numeric parameter is a 400) through {@link ResponseEntityExceptionHandler},
 * and those of WebAssembly calls here, by how the call ended:
 *
 * <ul>
 *   <li>past its time or fuel limit: 503, the module is busy beyond what the application allows</li>
 *   <li>no pooled instance free in time: 503</li>
 *   <li>a trap (division by zero, out of bounds, unreachable...): 500 with the trap's spec wording</li>
 *   <li>an instance past its memory limit: 500</li>
 *   <li>anything else from the engine: 500</li>
 * </ul>
 */
@RestControllerAdvice
public class WasmProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(WasmProblemHandler.class);

    @ExceptionHandler(WasmException.class)
    public ResponseEntity<ProblemDetail> wasmCallFailed(WasmException failure, HttpServletRequest request) {
        CallOutcome outcome = CallOutcome.of(failure);
        ProblemDetail problem;
        if (outcome == CallOutcome.TIMEOUT) {
            problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "WebAssembly call timed out", failure);
        } else if (failure instanceof WasmPoolExhaustedException) {
            problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "No WebAssembly instance available", failure);
        } else if (failure instanceof Trap trap) {
            problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "WebAssembly trap", failure);
            problem.setProperty("trap", firstLine(trap.getMessage()));
        } else if (failure instanceof WasmLimitExceededException) {
            problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "WebAssembly limit exceeded", failure);
        } else {
            problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "WebAssembly call failed", failure);
        }
        problem.setProperty("outcome", outcome.tagValue());
        problem.setInstance(URI.create(request.getRequestURI()));
        log.warn("{} {}: {} ({})", request.getMethod(), request.getRequestURI(), problem.getTitle(), failure.toString());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, WasmException failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, firstLine(failure.getMessage()));
        problem.setTitle(title);
        return problem;
    }

    /** The message without the wasm stack trace a trap may append. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
