/** Actuator support: the {@code wasm} endpoint and a health indicator per module. */
package io.wasmspring.boot.actuate;
