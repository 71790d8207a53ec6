package io.wasmspring.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The demo's own limits on what it accepts from HTTP clients, checked before any input reaches
 * a module.
 *
 * @param maxNameLength the longest name {@code /greet} accepts, in characters
 * @param maxTextBytes  the largest body {@code /wc} accepts
 */
@ConfigurationProperties("demo")
public record DemoProperties(@DefaultValue("100") int maxNameLength, @DefaultValue("1MB") DataSize maxTextBytes) {
}
