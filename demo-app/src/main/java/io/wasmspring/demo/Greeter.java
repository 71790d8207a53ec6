package io.wasmspring.demo;

/**
 * The {@code hello} module's {@code greet} export as a Java interface. The starter implements
 * it ({@code wasm.modules.hello.interface}): the name is copied into the module's memory through
 * its {@code malloc}, and the packed {@code (offset << 32 | length)} result is read back as UTF-8.
 */
public interface Greeter {

    /** "Hello, {@code name}!", made by the module. */
    String greet(String name);
}
