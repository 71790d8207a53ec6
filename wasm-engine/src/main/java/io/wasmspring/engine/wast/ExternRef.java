package io.wasmspring.engine.wast;

/**
 * The host object a script means by {@code ref.extern N}: opaque to wasm, equal to another
 * {@code ref.extern} exactly when their numbers are equal.
 *
 * @param id the number the script wrote
 */
public record ExternRef(long id) {

    @Override
    public String toString() {
        return "ref.extern " + id;
    }
}
