/** Micrometer support: an observation per export call, host function counters, pool and memory gauges. */
package io.wasmspring.boot.micrometer;
