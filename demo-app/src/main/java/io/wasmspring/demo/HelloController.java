package io.wasmspring.demo;

import io.wasmspring.boot.WasmModule;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The first steps with the {@code hello} module: numbers in and out, the module logging
 * through host functions, strings both ways through linear memory.
 */
@RestController
public class HelloController {

    private static final String TEXT = MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8";

    private final WasmModule hello;
    private final Greeter greeter;
    private final Console console;
    private final DemoProperties properties;

    public HelloController(WasmModule hello, Greeter greeter, Console console, DemoProperties properties) {
        this.hello = hello;
        this.greeter = greeter;
        this.console = console;
        this.properties = properties;
    }

    /** {@code add(x, y)}: the module also logs the sum through {@code env.hostLogUint32}. */
    @GetMapping("/add")
    public int add(@RequestParam int x, @RequestParam int y) {
        return hello.callInt("add", x, y);
    }

    /** {@code divide(x, y)}: {@code y = 0} traps, and the trap becomes a problem detail. */
    @GetMapping("/divide")
    public int divide(@RequestParam int x, @RequestParam int y) {
        return hello.callInt("divide", x, y);
    }

    /** {@code hello()}: the module sends a string out through {@code env.hostLogString}; answers with what it logged. */
    @GetMapping(value = "/hello", produces = TEXT)
    public String hello() {
        return String.join("\n", console.capture(() -> hello.call("hello"))) + "\n";
    }

    /** {@code greet(name)} through the {@link Greeter} interface: a string in, a string out. */
    @GetMapping(value = "/greet", produces = TEXT)
    public String greet(@RequestParam String name) {
        int length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > properties.maxNameLength()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name.isBlank()
                    ? "Parameter 'name' is blank; give a name to greet."
                    : "Parameter 'name' has " + length + " characters; at most " + properties.maxNameLength() + " are accepted.");
            problem.setTitle("Invalid name");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return greeter.greet(name) + "\n";
    }
}
