package io.wasmspring.engine.host;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java method as a host function that modules import as ({@link #module()},
 * {@link #name()}). Collect the annotated methods of an object (or the static ones of a class)
 * with {@link HostModule#fromAnnotated(Object)}. The method's parameters and result map to wasm
 * values as {@link HostFunctionDefinition#of(String, java.lang.invoke.MethodHandle)} describes.
 *
 * <pre>{@code
 * class Console {
 *     @WasmImport
 *     void hostLogString(String message) { System.out.println(message); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WasmImport {

    /** The import's module name. */
    String module() default "env";

    /** The import's field name; the method's name when empty. */
    String name() default "";
}
