/**
 * Run-time objects behind the public API: function instances, the per-instance state the
 * interpreter reads, the store that maps references to stack handles, and instantiation/linking.
 */
package io.wasmspring.engine.runtime;
