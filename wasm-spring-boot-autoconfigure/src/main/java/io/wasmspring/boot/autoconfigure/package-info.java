/**
 * Spring Boot auto-configuration: {@link io.wasmspring.boot.autoconfigure.WasmProperties}
 * ({@code wasm.*}), the core {@link io.wasmspring.boot.autoconfigure.WasmAutoConfiguration}, and
 * one conditional auto-configuration each for observations, metrics, health and the Actuator
 * endpoint.
 */
package io.wasmspring.boot.autoconfigure;
